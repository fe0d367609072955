// The gazetteer: every name under which the model's states and organizations appear in text,
// resolved to model codes. Built from the dataset plus our tables of demonyms, capitals and
// well-known aliases; matching is longest-first over tokens.
import { z } from 'zod';
import { NON_NAME_CAPS, ORG_HEADS, TITLES } from './lexicon.ts';
import { EXTRA_ENTITIES, ORG_ALIASES, PLACES } from './places.ts';
import { tokenize, type Token } from './tokens.ts';

export type MentionKind = 'state' | 'organization' | 'entity';
export type MentionVia = 'name' | 'alias' | 'capital' | 'demonym';

export interface GazetteerEntry {
  code: string;
  kind: MentionKind;
  via: MentionVia;
  /** the canonical name of what the code stands for */
  label: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: GazetteerEntry;
}

export interface Gazetteer {
  readonly size: number;
  /** The longest entry starting at token i, and how many tokens it spans. */
  matchAt(tokens: Token[], i: number): { entry: GazetteerEntry; length: number } | undefined;
  /** All codes and labels, e.g. for a legend. */
  labels(): Map<string, { kind: MentionKind; label: string }>;
}

/** What the gazetteer needs from the model (a subset of the dataset). */
export const GazetteerSource = z.object({
  states: z.array(z.object({ code: z.string(), name: z.string(), aliases: z.array(z.string()).optional() })),
  organizations: z.array(
    z.object({ id: z.string(), name: z.string(), shortName: z.string(), aliases: z.array(z.string()).optional() }),
  ),
});
export type GazetteerSource = z.infer<typeof GazetteerSource>;

/** Words starting a key that may be written either way ("the Alliance" at a sentence start). */
const FOLD_FIRST = new Set(['the']);
const MEDIA_WORDS = new Set(['online', 'news', 'times', 'post', 'press', 'daily', 'herald', 'tribune', 'mail',
  'radio', 'television', 'tv', 'today', 'insight', 'telegraph', 'journal', 'gazette', 'review']);

function keyTokens(name: string): string[] {
  const toks = tokenize(name, []).map((t) => t.text);
  if (toks.length && FOLD_FIRST.has(toks[0].toLowerCase())) toks[0] = toks[0].toLowerCase();
  return toks;
}

export function buildGazetteer(source: GazetteerSource): Gazetteer {
  const data = GazetteerSource.parse(source);
  const root: TrieNode = { next: new Map() };
  const labels = new Map<string, { kind: MentionKind; label: string }>();
  let size = 0;

  // earlier additions win: model names first, then aliases, then our tables
  const add = (name: string, entry: GazetteerEntry) => {
    const toks = keyTokens(name);
    if (toks.length === 0) return;
    let node = root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) node.next.set(t, (n = { next: new Map() }));
      node = n;
    }
    if (!node.entry) {
      node.entry = entry;
      size++;
    }
  };

  for (const s of data.states) {
    labels.set(s.code, { kind: 'state', label: s.name });
    add(s.name, { code: s.code, kind: 'state', via: 'name', label: s.name });
    add(`the ${s.name}`, { code: s.code, kind: 'state', via: 'name', label: s.name });
  }
  for (const o of data.organizations) {
    labels.set(o.id, { kind: 'organization', label: o.name });
    for (const n of [o.name, o.shortName]) {
      add(n, { code: o.id, kind: 'organization', via: 'name', label: o.name });
      add(`the ${n}`, { code: o.id, kind: 'organization', via: 'name', label: o.name });
    }
  }
  for (const s of data.states) {
    for (const a of s.aliases ?? []) add(a, { code: s.code, kind: 'state', via: 'alias', label: s.name });
  }
  for (const o of data.organizations) {
    for (const a of o.aliases ?? []) add(a, { code: o.id, kind: 'organization', via: 'alias', label: o.name });
  }
  const statesByCode = new Map(data.states.map((s) => [s.code, s]));
  for (const [code, p] of PLACES) {
    const s = statesByCode.get(code);
    if (!s) continue;
    for (const n of p.names) {
      add(n, { code, kind: 'state', via: 'alias', label: s.name });
      add(`the ${n}`, { code, kind: 'state', via: 'alias', label: s.name });
    }
    for (const c of p.capitals) add(c, { code, kind: 'state', via: 'capital', label: s.name });
    for (const d of p.demonyms) add(d, { code, kind: 'state', via: 'demonym', label: s.name });
  }
  for (const { match, aliases } of ORG_ALIASES) {
    const org = data.organizations.find((o) =>
      match.some((m) => m === o.shortName || m === o.name || (o.aliases ?? []).includes(m)),
    );
    if (!org) continue;
    for (const a of aliases) add(a, { code: org.id, kind: 'organization', via: 'alias', label: org.name });
  }
  for (const e of EXTRA_ENTITIES) {
    if (labels.has(e.code)) continue;
    labels.set(e.code, { kind: 'entity', label: e.name });
    for (const a of e.aliases) add(a, { code: e.code, kind: 'entity', via: 'alias', label: e.name });
  }

  return {
    size,
    labels: () => new Map(labels),
    matchAt(tokens, i) {
      let node: TrieNode | undefined = root;
      let best: { entry: GazetteerEntry; length: number } | undefined;
      for (let j = i; j < tokens.length; j++) {
        const t = tokens[j];
        if (j > i && t.para !== tokens[j - 1].para) break;
        const key = j === i && FOLD_FIRST.has(t.lower) ? t.lower : t.text;
        node = node.next.get(key);
        if (!node) break;
        if (node.entry) best = { entry: node.entry, length: j - i + 1 };
      }
      if (!best) return undefined;
      return acceptable(tokens, i, best.length, best.entry) ? best : undefined;
    },
  };
}

/**
 * A match inside a longer proper name is not a mention of the place: "Kosovo Online" (an outlet),
 * "George Washington", "Latin America".
 */
function acceptable(tokens: Token[], i: number, length: number, entry: GazetteerEntry): boolean {
  const after = tokens[i + length];
  const afterCap = !!after && after.kind === 'word' && after.cap;
  if (afterCap && entry.kind === 'state' && MEDIA_WORDS.has(after.lower)) return false;
  if (afterCap && entry.via === 'capital' && ORG_HEADS.has(after.lower)) return false;
  const acronym = /^[A-Z.]+$/.test(tokens[i].text);
  if (entry.via === 'capital' || (entry.via === 'alias' && !acronym)) {
    const before = tokens[i - 1];
    // "Latin America", "George Washington": a capitalized word before makes it part of another name
    if (before && before.kind === 'word' && before.cap && before.para === tokens[i].para &&
        !TITLES.has(before.lower) && !NON_NAME_CAPS.has(before.lower) && !ORG_HEADS.has(before.lower)) {
      return false;
    }
  }
  return true;
}

export interface MentionMatch {
  code: string;
  kind: MentionKind;
  via: MentionVia;
  start: number;
  end: number;
}

/** Every mention in the token stream, left to right, longest match first; at most `max` (the rest is not looked for). */
export function findMentions(tokens: Token[], gazetteer: Gazetteer, max = Number.POSITIVE_INFINITY): MentionMatch[] {
  const out: MentionMatch[] = [];
  for (let i = 0; i < tokens.length && out.length < max; i++) {
    if (tokens[i].kind !== 'word') continue;
    const m = gazetteer.matchAt(tokens, i);
    if (!m) continue;
    out.push({
      code: m.entry.code,
      kind: m.entry.kind,
      via: m.entry.via,
      start: tokens[i].start,
      end: tokens[i + m.length - 1].end,
    });
    i += m.length - 1;
  }
  return out;
}
