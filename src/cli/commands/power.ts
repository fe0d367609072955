// accede power: Banzhaf and Shapley–Shubik indices of a stage's body, or of a game from a file.
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { EngineError } from '../../engine/constraints.ts';
import { type Game, normalizeGame, parseGame, stageGame } from '../../engine/game.ts';
import { ENUMERATE_PLAYERS, enumeratedCounts } from '../../engine/enumerate-power.ts';
import { exactPivots, ratio } from '../../engine/exact-pivots.ts';
import { exactSwings } from '../../engine/exact-swings.ts';
import { powerIndices, type PowerResult } from '../../engine/power.ts';
import { notApplicable } from '../../model/asof.ts';
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
    .option('--exact', 'exact integer counts of a single-quota game at any size, as big integers: swings (Banzhaf) and pivotal orders (Shapley–Shubik)')
    .option('--as-of <date>', 'the body as of this day (YYYY-MM-DD)', parseDateOption)
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .addHelpText(
      'after',
      '\nA coalition wins when it meets every quota. Members of a stage vote yes or no as blocs (abstention plays no part).\n' +
        'Banzhaf alone (--index banzhaf) skips the Shapley–Shubik integration, by far the larger cost on big games.\n' +
        '--exact counts instead of integrating (single quota only): the swing counts are cheap; the pivotal orders\n' +
        'of Shapley–Shubik take about two bytes per (coalition size, weight below the quota) and a pass per 16 players.\n' +
        'Examples:\n  accede power un security-council\n  accede power --game imf.json --json\n  accede power --weights imf.csv --quota 503621 --index banzhaf\n  accede power --weights imf.csv --quota 503621 --exact --json',
    )
    .action(async (org: string | undefined, stage: string | undefined, o: Options) => {
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
        const ix = await ctx.load(o.data);
        const organization = ix.organization(org.toLowerCase());
        if (!organization) throw new CliError(`unknown organization "${org}": expected one of ${ix.data.organizations.map((x) => x.id).join(', ')}`);
        const st = organization.procedure.stages.find((s) => s.id === stage);
        if (!st) throw new CliError(`unknown stage "${stage}" of ${organization.id}: expected one of ${organization.procedure.stages.map((s) => s.id).join(', ')}`);
        const asOf = o.asOf ?? today();
        // Before its founding an organization has no body to weigh (its members "as of 1800" are none).
        const why = notApplicable(organization, undefined, asOf);
        if (why) throw new CliError(why);
        game = engine(() => stageGame(organization, st, asOf));
        title = `${organization.shortName}, ${st.name} — as of ${asOf}: ${game.players.length} members`;
      }
      const result = engine(() => (o.exact ? exactIndices(game, o.index) : powerIndices(game, { shapleyShubik: o.index !== 'banzhaf' })));
      ctx.out(o.json ? JSON.stringify(toJson(result, o.index), null, 2) : toText(result, title, o.index));
    });
}

const EXACT = 'exact integer counts';

/**
 * Both indices from exact counts (big integers) of a single weighted majority: swings alone when only
 * Banzhaf is asked for (the cheaper count), else pivotal orders out of n!, which give the swings too.
 */
function exactIndices(game: Game, index: Index): PowerResult {
  const g = normalizeGame(game);
  const n = g.players.length;
  if (g.formula.kind === 'const') {
    return { method: `${EXACT} (a constant game: nobody is ever decisive)`, players: g.players.map((id) => ({ id, banzhaf: 0, banzhafRaw: 0, shapleyShubik: 0, swings: '0', pivots: '0' })), orders: factorial(n).toString() };
  }
  const several = g.constraints.length !== 1 || g.formula.kind !== 'leaf';
  if (several && n > ENUMERATE_PLAYERS) throw new EngineError(`--exact supports one weighted quota ([q; w1..wn]), or several quotas for at most ${ENUMERATE_PLAYERS} players; this game has several quotas and ${n} players`);
  const bzOnly = index === 'banzhaf' && !several;
  const counts = several ? enumeratedCounts(g) : bzOnly ? { swings: exactSwings(g.constraints[0].weights, g.constraints[0].quota), pivots: undefined, orders: undefined } : exactPivots(g.constraints[0].weights, g.constraints[0].quota);
  const total = counts.swings.reduce((a, b) => a + b, 0n);
  const half = 1n << BigInt(Math.max(0, n - 1));
  return {
    method: several
      ? `${EXACT}: every one of the 2^${n} coalitions visited; swings out of 2^${n - 1}, pivotal orders out of ${n}!`
      : bzOnly
      ? `${EXACT}: swings out of 2^${n - 1} coalitions of the others (30-bit limbs, big-integer sums)`
      : `${EXACT}: swings out of 2^${n - 1} coalitions of the others, pivotal orders out of ${n}! (residues modulo ${Math.ceil(n / 16)}+ primes, rebuilt by the Chinese remainder theorem)`,
    players: g.players.map((id, i) => ({
      id,
      banzhaf: ratio(counts.swings[i], total),
      banzhafRaw: ratio(counts.swings[i], half),
      shapleyShubik: counts.pivots ? ratio(counts.pivots[i], counts.orders) : NaN,
      swings: counts.swings[i].toString(),
      ...(counts.pivots ? { pivots: counts.pivots[i].toString() } : {}),
    })),
    ...(counts.orders ? { orders: counts.orders.toString() } : {}),
  };
}

function factorial(n: number): bigint {
  let f = 1n;
  for (let k = 2; k <= n; k++) f *= BigInt(k);
  return f;
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
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // a byte-order mark, as some editors write one
  } catch (e) {
    throw new CliError(`game file ${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return engine(() => parseGame(json));
}

/** A decimal number as people write one (no hexadecimal 0x1F, binary or "Infinity", which Number() also reads). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** A column name: a word or words, no digits — and not a word that names a number (NaN, Infinity), which is a bad weight. */
const HEADER = /^(?!(nan|inf|infinity)$)[A-Za-z][A-Za-z _-]*$/i;

/**
 * A --weights file: one weight per line, or "id,weight"; blank lines, lines starting with # and a
 * header row of column names are skipped, and players without an id are numbered from 1.
 */
export function parseWeights(text: string, file: string, quotaText: string): Game {
  const quota = Number(quotaText);
  if (!DECIMAL.test(quotaText.trim()) || !Number.isFinite(quota)) throw new CliError(`--quota: expected a decimal number, got "${quotaText}"`);
  const players: string[] = [];
  const weights: number[] = [];
  let header = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length > 2) throw new CliError(`${file}, line ${i + 1}: expected a weight or "id,weight", got "${line}"`);
    // A header row ("id,weight", "weight") before the first weight is skipped.
    if (players.length === 0 && !header && cells.every((c) => HEADER.test(c))) return void (header = true);
    if (cells.length === 2 && cells[0] === '') throw new CliError(`${file}, line ${i + 1}: the player's id before the comma is empty`);
    const w = Number(cells.at(-1));
    if (!DECIMAL.test(cells.at(-1)!) || !Number.isFinite(w) || w < 0) throw new CliError(`${file}, line ${i + 1}: expected a non-negative number, got "${cells.at(-1)}"`);
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
  const bz = index !== 'shapley-shubik';
  const ss = index !== 'banzhaf';
  // --exact adds the counts themselves, as decimal strings (big integers): swings out of 2^(n−1),
  // pivotal orders out of n! (`orders`).
  return {
    players: r.players.map((p) => ({
      id: p.id,
      ...(bz ? { banzhaf: p.banzhaf, banzhafRaw: p.banzhafRaw } : {}),
      ...(ss ? { shapleyShubik: p.shapleyShubik } : {}),
      ...(bz && p.swings !== undefined && r.method.startsWith(EXACT) ? { swings: p.swings } : {}),
      ...(ss && p.pivots !== undefined ? { pivots: p.pivots } : {}),
    })),
    ...(ss && r.orders !== undefined ? { orders: r.orders } : {}),
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
  if (r.method.startsWith(EXACT)) lines.push('The exact counts (swings, pivotal orders) are in --json.');
  return lines.join('\n');
}
