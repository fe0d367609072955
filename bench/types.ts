// One row of the `npm run bench` table. Every bench/*.bench.ts exports `run(): Promise<BenchRow[]>`.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** What we aim for, e.g. "≤ 1 s". */
  target?: string;
  /** What the value is compared with, e.g. "Monte Carlo ±0.001: 2.1 s". */
  baseline?: string;
  /** value against the baseline, e.g. "140× faster". */
  ratio?: string;
  note?: string;
}
