// The speaker registry's intake: every proper name in the narrative, registered with the role
// ("Foreign Minister"), apposition (", a UN rapporteur,") and affiliation ("from the … Institute")
// the text gives it, so that later surnames, pronouns and role nouns resolve to one person.
import {
  AFFILIATION_LINKS,
  FEMININE_ROLE_RE,
  GENDER_ONLY_TITLE_RE,
  LEADING_ARTICLE_RE,
  MASCULINE_ROLE_RE,
  SPEAKER_NOUNS,
  TITLES,
  cueOf,
} from '../lexicon.ts';
import { analyzeRun, capRun, type Entity, type Run } from '../people.ts';
import type { NP } from '../phrases.ts';
import type { AttributionContext } from './context.ts';

/** Registers every proper name in the narrative, with the roles and affiliations the text gives. */
export function collectNames(ctx: AttributionContext): void {
  const { tokens } = ctx;
  const runs: Run[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].depth !== 0 || tokens[i].kind === 'punct') continue;
    const run = capRun(tokens, i, ctx.np.startAt);
    if (!run) continue;
    runs.push(run);
    i = run.last;
  }
  // full names first, so a surname met earlier (in a headline) still resolves to the full name
  for (const r of runs) if (r.last > r.first) registerRun(ctx, r, false);
  ctx.registry.beginBatch();
  for (const r of runs) if (r.last === r.first) registerRun(ctx, r, false);
  ctx.registry.endBatch();
}

/** Registers a name (and a mention of it); `speaker` when it is the subject of a reporting verb. */
export function registerRun(ctx: AttributionContext, run: Run, speaker: boolean, np?: NP): { entity: Entity; name: Run } {
  const { tokens } = ctx;
  const parts = analyzeRun(ctx.text, tokens, run, ctx.places);
  const words: string[] = [];
  for (let k = parts.name.first; k <= parts.name.last; k++) if (tokens[k].kind !== 'punct') words.push(tokens[k].text);
  let role = parts.role ?? np?.role ?? roleBefore(ctx, run.first) ?? appositionAfter(ctx, run.last);
  const affiliation = parts.affiliation ?? np?.affiliation ?? affiliationAfter(ctx, run.last);
  if (role) role = role.replace(LEADING_ARTICLE_RE, '');
  // Mr., Ms. and the like say something about gender, not about a role
  if (role && GENDER_ONLY_TITLE_RE.test(role)) role = null;
  const gender = parts.gender ?? genderOfRole(role);
  const entity = ctx.registry.register(words, parts.kind, { role, affiliation, gender }, parts.name.first);
  ctx.registry.mention(entity, parts.name.first, speaker);
  return { entity, name: parts.name };
}

function roleBefore(ctx: AttributionContext, first: number): string | null {
  const k = ctx.np.roleStart(first);
  return k === null ? null : ctx.text.slice(ctx.tokens[k].start, ctx.tokens[first - 1].end);
}

/** "Agnès Callamard, a UN rapporteur for …, cautioned" → "a UN rapporteur for …" */
function appositionAfter(ctx: AttributionContext, last: number): string | null {
  const { tokens } = ctx;
  if (tokens[last + 1]?.text !== ',') return null;
  const a = last + 2;
  const first = tokens[a];
  if (!first || first.depth !== 0 || first.kind !== 'word') return null;
  if (!(first.lower === 'a' || first.lower === 'an' || first.lower === 'the' ||
      (!first.cap && (TITLES.has(first.lower) || SPEAKER_NOUNS.has(first.lower))))) return null;
  let end = a;
  for (let k = a; k < Math.min(tokens.length, a + 25); k++) {
    const t = tokens[k];
    if (t.depth !== 0 || t.para !== first.para) break;
    if (t.text === ',' || t.text === ';' || t.text === '.' || t.lower === 'who' || t.lower === 'which') break;
    if (t.kind === 'word' && !t.cap && cueOf(t.lower) && !cueOf(t.lower)!.nounLike) return null;
    end = k;
  }
  if (end < a + 1) return null;
  return ctx.text.slice(tokens[a].start, tokens[end].end);
}

/** "Belgzim Kamberi from the Musine Kokalari Institute for Social Policy" → the institute */
function affiliationAfter(ctx: AttributionContext, last: number): string | null {
  const { tokens } = ctx;
  const link = tokens[last + 1];
  if (!link || !AFFILIATION_LINKS.has(link.lower)) return null;
  let a = last + 2;
  if (tokens[a]?.lower === 'the') a++;
  const run = capRun(tokens, a, () => false);
  if (!run) return null;
  if (analyzeRun(ctx.text, tokens, run, ctx.places).kind !== 'organization') return null;
  return ctx.text.slice(tokens[run.first].start, tokens[run.last].end);
}

function genderOfRole(role: string | null): 'm' | 'f' | null {
  if (!role) return null;
  if (FEMININE_ROLE_RE.test(role)) return 'f';
  if (MASCULINE_ROLE_RE.test(role)) return 'm';
  return null;
}
