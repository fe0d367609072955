// Numbers and dates as a reader wants them.

/** 0.0321 → "3.2%"; tiny values are not rounded to a misleading 0. */
export function pct(p: number | undefined | null): string {
  if (p === undefined || p === null || !Number.isFinite(p)) return '—';
  if (p <= 0) return '0%';
  if (p >= 1) return '100%';
  const x = p * 100;
  if (x < 0.1) return '<0.1%';
  if (x > 99.9) return '>99.9%';
  if (x < 10 || x > 90) return `${x.toFixed(1)}%`;
  return `${Math.round(x)}%`;
}

/** A difference of probabilities in percentage points: "+12 pp", "−3 pp", "±0 pp". */
export function pp(delta: number): string {
  const x = delta * 100;
  const a = Math.abs(x);
  if (a < 0.0005) return '±0 pp';
  const s = a < 0.01 ? '<0.01' : a < 0.1 ? a.toFixed(2) : a < 1 ? a.toFixed(1) : String(Math.round(a));
  return `${x > 0 ? '+' : '−'}${s} pp`;
}

/** A small probability spelled out: 0.00017 → "0.017%, about 1 in 5,900". */
export function smallProbability(p: number): string {
  if (!(p > 0)) return 'zero';
  const digits = Math.max(2, -Math.floor(Math.log10(p * 100)) + 1);
  const percent = (p * 100).toFixed(Math.min(digits, 12));
  const oneIn = 1 / p;
  const rounded = oneIn < 1000 ? Math.round(oneIn) : Number(oneIn.toPrecision(2));
  return `${percent}%, about 1 in ${rounded.toLocaleString('en-US')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-06-24" → "24 June 2024"; partial dates stay partial ("2016-08" → "August 2016"). */
export function longDate(d: string | undefined): string {
  if (!d) return '';
  const [y, m, day] = d.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

export function year(d: string | undefined): string {
  return d ? d.slice(0, 4) : '';
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** ["Greece", "Spain", "Romania"] → "Greece, Spain and Romania" */
export function listText(xs: string[], max = 6): string {
  if (xs.length === 0) return '';
  if (xs.length > max) return `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`;
  if (xs.length === 1) return xs[0];
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

export { todayUtc } from '../src/model/grammar.ts';

export const STATUS_LABEL: Record<string, string> = {
  member: 'member',
  applicant: 'applicant',
  'not-applied': 'has not applied',
  withdrawn: 'application withdrawn',
  rejected: 'application rejected',
  suspended: 'suspended',
};

export const RECOGNITION_LABEL: Record<string, string> = {
  recognizes: 'recognizes',
  'withdrawal-claimed': 'withdrawal of recognition claimed (disputed)',
  'withdrawal-disputed': 'recognizes (a claimed withdrawal was denied)',
  'does-not-recognize': 'does not recognize',
};
