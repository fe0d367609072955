// accede power: Banzhaf and Shapley–Shubik indices of a stage's body, or of a game from a file.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EngineError } from '../../engine/constraints.ts';
import { type Game, parseGame, stageGame } from '../../engine/game.ts';
import { powerIndices, type PowerResult } from '../../engine/power.ts';
import { CliError, type CliContext } from '../context.ts';
import { parseDateOption, today } from '../options.ts';

interface Options {
  game?: string;
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
    .option('--as-of <date>', 'the body as of this day (YYYY-MM-DD)', parseDateOption)
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .addHelpText(
      'after',
      '\nA coalition wins when it meets every quota. Members of a stage vote yes or no as blocs (abstention plays no part).\n' +
        'Examples:\n  accede power un security-council\n  accede power --game imf.json --json',
    )
    .action((org: string | undefined, stage: string | undefined, o: Options) => {
      let game: Game;
      let title: string;
      if (o.game) {
        if (org || stage) throw new CliError('give either --game FILE or <org> <stage>, not both');
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
      const result = engine(() => powerIndices(game));
      ctx.out(o.json ? JSON.stringify(toJson(result), null, 2) : toText(result, title));
    });
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

export function toJson(r: PowerResult) {
  return { players: r.players.map(({ id, banzhaf, banzhafRaw, shapleyShubik }) => ({ id, banzhaf, banzhafRaw, shapleyShubik })) };
}

export function toText(r: PowerResult, title: string): string {
  const width = Math.max(6, ...r.players.map((p) => p.id.length));
  const lines = [title, `method: ${r.method}`, ''];
  lines.push(`${'player'.padEnd(width)}  ${'Banzhaf'.padStart(10)}  ${'raw Banzhaf'.padStart(12)}  ${'Shapley–Shubik'.padStart(14)}`);
  for (const p of r.players) {
    lines.push(`${p.id.padEnd(width)}  ${p.banzhaf.toFixed(6).padStart(10)}  ${p.banzhafRaw.toFixed(6).padStart(12)}  ${p.shapleyShubik.toFixed(6).padStart(14)}`);
  }
  lines.push('');
  lines.push('Banzhaf: share of all swings; raw: chance of being decisive when the others vote at random.');
  return lines.join('\n');
}
