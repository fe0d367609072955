// accede track-record: every dated decision beside the model's P(pass) as of the day before,
// with Brier and log scores against the base rate and a calibration table — how far to trust the numbers.
import type { Command } from 'commander';
import { type TrackRecord, trackRecord } from '../../case/track-record.ts';
import type { CliContext } from '../context.ts';

interface Options {
  json?: boolean;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('track-record')
    .description("score the model's P(pass) on the eve of every dated decision against what happened")
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action(async (o: Options) => {
      const record = trackRecord(await ctx.load(o.data));
      ctx.out(o.json ? JSON.stringify(record, null, 2) : toText(record));
    });
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const pc = (x: number | null) => (x === null ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

function toText(r: TrackRecord): string {
  const lines = [
    `Track record: ${r.model.n} decisions forecast on their eve (${r.decisions.length - r.model.n} without a forecast)`,
    `  model     Brier ${f3(r.model.brier)}   log ${f3(r.model.log)}`,
    `  baseline  Brier ${f3(r.baseline.brier)}   log ${f3(r.baseline.log)}   (base rate ${pc(r.baseline.rate).trim()} passed)`,
    `  without later sources (${r.untainted.model.n}): model Brier ${f3(r.untainted.model.brier)} log ${f3(r.untainted.model.log)}; ` +
      `baseline Brier ${f3(r.untainted.baseline.brier)} log ${f3(r.untainted.baseline.log)}`,
    '',
    'Calibration (forecast range: n, mean forecast, observed pass rate)',
    ...r.calibration.map((b) => `  ${pc(b.from)}–${pc(b.to).trim()}: ${String(b.n).padStart(3)}  ${pc(b.meanForecast)}  ${pc(b.observed)}`),
    '',
    'Decisions, misses first',
  ];
  for (const d of r.decisions) {
    const flag = d.p === null ? 'n/a ' : d.miss ? 'MISS' : 'ok  ';
    const later = d.laterSources.length ? `  [rests on ${d.laterSources.length} later source${d.laterSources.length > 1 ? 's' : ''}]` : '';
    lines.push(`  ${flag} ${d.date} ${d.candidate} × ${d.organization} ${d.stage}: P(pass) ${pc(d.p).trim()} on ${d.asOf}, ${d.outcome}${d.reason ? ` (${d.reason})` : ''}${later}`);
  }
  lines.push('', r.method);
  return lines.join('\n');
}
