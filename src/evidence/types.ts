// The extraction result, as zod schemas: the same shape is printed by `accede import --json`,
// stored in the workspace and served to the web app, so it is validated where it enters.
import { z } from 'zod';

export const Span = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

export const Speaker = z.object({
  /** the resolved source: a full name, an organization, or a description ("Some of the protesters") */
  name: z.string().nullable(),
  role: z.string().nullable(),
  affiliation: z.string().nullable(),
  /** the words in the text that point at the speaker (a name, "he", "our interlocutor") */
  mention: Span.nullable(),
  kind: z.enum(['person', 'organization', 'group', 'unknown']),
});
export type Speaker = z.infer<typeof Speaker>;

export const Quote = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'indirect']),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  cue: Span.nullable(),
  speaker: Speaker.nullable(),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
});
export type Quote = z.infer<typeof Quote>;

export const Mention = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(['state', 'organization', 'entity']),
  via: z.enum(['name', 'alias', 'capital', 'demonym']),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
});
export type Mention = z.infer<typeof Mention>;

export const Claim = z.object({
  id: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  trigger: Span,
  condition: Span,
  speaker: Speaker.nullable(),
  /** id of the quote the claim sits in, when someone said it */
  quote: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
});
export type Claim = z.infer<typeof Claim>;

export const ItemKindPlural = z.enum(['quotes', 'mentions', 'claims']);
export type ItemKindPlural = z.infer<typeof ItemKindPlural>;

export const Extraction = z.object({
  quotes: z.array(Quote),
  mentions: z.array(Mention),
  claims: z.array(Claim),
  /** the kinds of item that reached the per-document cap (ITEM_CAPS): only the first ones were kept */
  capped: z.array(ItemKindPlural).optional(),
  /** set when the text had more tokens than extraction reads (MAX_TOKENS): the offset where reading stopped */
  readTo: z.number().int().nonnegative().optional(),
});
export type Extraction = z.infer<typeof Extraction>;

export const DocumentMeta = z.object({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  date: z.string().nullable(),
  /** how sure the date is, when the source says ("inferred from the URL; unverified") */
  dateNote: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentFormat = z.enum(['txt', 'md', 'html']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** A document ready for extraction: its plain text (what offsets index) and metadata. */
export const ImportedDocument = z.object({
  /** content hash of the plain text, hex sha256 */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  format: DocumentFormat,
  text: z.string(),
  meta: DocumentMeta,
  /** where it came from (a path relative to the import root, or "-" for stdin) */
  origin: z.string(),
  /** notes about the input (a fallback encoding, a truncated HTML parse) */
  warnings: z.array(z.string()),
});
export type ImportedDocument = z.infer<typeof ImportedDocument>;

/** The version of the extraction rules; stored with every document so re-extraction can be detected. */
export const EXTRACTOR_VERSION = 1;
