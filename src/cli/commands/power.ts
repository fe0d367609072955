// accede power: Banzhaf and Shapley–Shubik indices of a stage's body, or of a game from a file.
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { EngineError } from '../../engine/constraints.ts';
import { type Game, normalizeGame, parseGame, stageGame } from '../../engine/game.ts';
import { exactSwings } from '../../engine/exact-swings.ts';
import { powerIndices, type PowerResult } from '../../engine/power.ts';
import { CliError, type CliContext } from '../context.ts';
import { parseDateOption, today } from '../options.ts';

type Index = 'banzhaf' | 'shapley-shubik' | 'all';

interface Options {
  game?: string;
  weights?: string;
  quota?: string;
  index: Index;
  exact?: boolean;
  asOf?: string;
  json?: boolean;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('power')
    .description('voting power (Banzhaf, Shapley–Shubik) of the members of a stage, or of a weighted game in a JSON file')
    .argument('[org]', 'organization id, e.g. un')
    .argument('[stage]', 'stage id, e.g. security-council')
    .option('--game <file>', 'a game: {"quota": q, "players": [{"id", "weight"}]} or {"quotas": [...], "players": [{"id", "weights": [...]}]}')
    .option('--weights <file.csv>', 'one weight per line (or "id,weight"), with --quota: the weighted game [quota; weights]')
    .option('--quota <q>', 'the quota of a --weights game: a coalition wins when its weights sum to at least q')
    .addOption(new Option('--index <which>', 'which index to compute').choices(['banzhaf', 'shapley-shubik', 'all']).default('all'))
    .option('--exact', 'exact integer swing counts (Banzhaf) of a single-quota game at any size, as big integers')
    .option('--as-of <date>', 'the body as of this day (YYYY-MM-DD)', parseDateOption)
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .addHelpText(
      'after',
      '\nA coalition wins when it meets every quota. Members of a stage vote yes or no as blocs (abstention plays no part).\n' +
        'Banzhaf alone (--index banzhaf) skips the Shapley–Shubik integration, by far the larger cost on big games.\n' +
        'Examples:\n  accede power un security-council\n  accede power --game imf.json --json\n  accede power --weights imf.csv --quota 503621 --index banzhaf',
    )
    .action((org: string | undefined, stage: string | undefined, o: Options) => {
      let game: Game;
      let title: string;
      if ([o.game, o.weights, org].filter((x) => x !== undefined).length > 1) throw new CliError('give one of --game FILE, --weights FILE.csv --quota Q, or <org> <stage>');
      if ((o.quota !== undefined) !== (o.weights !== undefined)) throw new CliError('--weights FILE.csv and --quota Q go together');
      if (o.weights) {
        game = readWeights(o.weights, o.quota!);
        title = `${o.weights}: ${game.players.length} players, quota ${game.constraints[0].quota}`;
      } else if (o.game) {
        game = readGame(o.game);
        title = `${o.game}: ${game.players.length} players, quota${game.constraints.length > 1 ? 's' : ''} ${game.constraints.map((c) => c.quota).join(', ')}`;
      } else {
        if (!org || !stage) throw new CliError('expected <org> <stage> (e.g. accede power un security-council) or --game FILE');
        const ix = ctx.load(o.data);
        const organization = ix.organization(org.toLowerCase());
        if (!organization) throw new CliError(`unknown organization "${org}": expected one of ${ix.data.organizations.map((x) => x.id).join(', ')}`);
        const st = organization.procedure.stages.find((s) => s.id === stage);
        if (!st) throw new CliError(`unknown stage "${stage}" of ${organization.id}: expected one of ${organization.procedure.stages.map((s) => s.id).join(', ')}`);
        const asOf = o.asOf ?? today();
        game = engine(() => stageGame(organization, st, asOf));
        title = `${organization.shortName}, ${st.name} — as of ${asOf}: ${game.players.length} members`;
      }
      if (o.exact && o.index !== 'banzhaf') throw new CliError('--exact counts Banzhaf swings: use it with --index banzhaf');
      const result = engine(() => (o.exact ? exactBanzhaf(game) : powerIndices(game, { shapleyShubik: o.index !== 'banzhaf' })));
      ctx.out(o.json ? JSON.stringify(toJson(result, o.index), null, 2) : toText(result, title, o.index));
    });
}

/** Banzhaf from exact swing counts (big integers) of a single weighted majority. */
function exactBanzhaf(game: Game): PowerResult {
  const g = normalizeGame(game);
  if (g.constraints.length !== 1 || g.formula.kind !== 'leaf') throw new EngineError('--exact supports one weighted quota ([q; w1..wn]); this game has several');
  const swings = exactSwings(g.constraints[0].weights, g.constraints[0].quota);
  const total = swings.reduce((a, b) => a + b, 0n);
  const half = 2 ** (g.players.length - 1);
  return {
    method: 'exact integer swing counts (30-bit limbs, big-integer sums)',
    players: g.players.map((id, i) => ({
      id,
      banzhaf: total > 0n ? Number(swings[i]) / Number(total) : 0,
      banzhafRaw: Number(swings[i]) / half,
      shapleyShubik: NaN,
      swings: swings[i].toString(),
    })),
  };
}

function engine<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError) throw new CliError(e.message);
    throw e;
  }
}

function readGame(file: string): Game {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read game file ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(`game file ${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return engine(() => parseGame(json));
}

/**
 * A --weights file: one weight per line, or "id,weight"; blank lines and lines starting with # are
 * skipped, and players without an id are named by their line number.
 */
export function parseWeights(text: string, file: string, quotaText: string): Game {
  const quota = Number(quotaText);
  if (quotaText.trim() === '' || !Number.isFinite(quota)) throw new CliError(`--quota: expected a number, got "${quotaText}"`);
  const players: string[] = [];
  const weights: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length > 2) throw new CliError(`${file}, line ${i + 1}: expected a weight or "id,weight", got "${line}"`);
    const w = Number(cells.at(-1));
    if (cells.at(-1) === '' || !Number.isFinite(w) || w < 0) throw new CliError(`${file}, line ${i + 1}: expected a non-negative number, got "${cells.at(-1)}"`);
    players.push(cells.length === 2 ? cells[0] : String(players.length + 1));
    weights.push(w);
  });
  if (players.length === 0) throw new CliError(`${file}: no weights (one number per line)`);
  if (new Set(players).size !== players.length) throw new CliError(`${file}: player ids must be distinct`);
  return { players, constraints: [{ weights, quota }] };
}

function readWeights(file: string, quota: string): Game {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read weights file ${file}`);
  }
  return parseWeights(text, file, quota);
}

export function toJson(r: PowerResult, index: Index = 'all') {
  // --exact gives the swing counts themselves, as decimal strings (big integers).
  const exact = r.method.startsWith('exact integer swing counts');
  return {
    players: r.players.map(({ id, banzhaf, banzhafRaw, shapleyShubik }) =>
      index === 'banzhaf' ? { id, banzhaf, banzhafRaw, ...(exact ? { swings: r.players.find((p) => p.id === id)!.swings } : {}) } : index === 'shapley-shubik' ? { id, shapleyShubik } : { id, banzhaf, banzhafRaw, shapleyShubik },
    ),
  };
}

export function toText(r: PowerResult, title: string, index: Index = 'all'): string {
  const width = Math.max(6, ...r.players.map((p) => p.id.length));
  const bz = index !== 'shapley-shubik';
  const ss = index !== 'banzhaf';
  const lines = [title, `method: ${r.method}`, ''];
  const head = [`${'player'.padEnd(width)}`];
  if (bz) head.push('Banzhaf'.padStart(10), 'raw Banzhaf'.padStart(12));
  if (ss) head.push('Shapley–Shubik'.padStart(14));
  lines.push(head.join('  '));
  for (const p of r.players) {
    const cells = [p.id.padEnd(width)];
    if (bz) cells.push(p.banzhaf.toFixed(6).padStart(10), p.banzhafRaw.toFixed(6).padStart(12));
    if (ss) cells.push(p.shapleyShubik.toFixed(6).padStart(14));
    lines.push(cells.join('  '));
  }
  if (bz) {
    lines.push('');
    lines.push('Banzhaf: share of all swings; raw: chance of being decisive when the others vote at random.');
  }
  return lines.join('\n');
}
