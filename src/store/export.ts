// Accepted evidence → data-file changes for review: one data/sources/*.yaml file per document
// with accepted quotes or claims, each a passage quoted verbatim from the document, with its
// speaker and the stances, drivers and ties it was linked to. Validated with the model's schema.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { Source, type SourceData } from '../model/schema.ts';
import type { Quote } from '../evidence/types.ts';
import type { DocumentDetail, Item, Workspace } from './workspace.ts';

/**
 * The YAML writer, loaded when first used: the workspace (and so `accede serve`) loads this module, and
 * the package (~115 KB) only matters to an export.
 */
let yaml: typeof Yaml | undefined;
const stringify = (value: unknown, options: Yaml.ToStringOptions): string => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml).stringify(value, options);

/** The model caps passages at 600 characters (a quoted passage, not an article). */
const MAX_PASSAGE = 600;

export interface ExportFile {
  /** path relative to the data directory, e.g. sources/workspace-d1a2b3.yaml */
  path: string;
  content: string;
  source: SourceData;
}

export interface ExportResult {
  files: ExportFile[];
  /** passages shortened to the model's limit, documents without a title, and similar notes */
  notes: string[];
}

/** Builds the data files for every document with accepted quotes or claims. */
export function exportAccepted(ws: Workspace): ExportResult {
  const files: ExportFile[] = [];
  const notes: string[] = [];
  for (const summary of ws.listDocuments()) {
    if (summary.counts.accepted === 0) continue;
    const doc = ws.getDocument(summary.id)!;
    const accepted = doc.items.filter((i) => i.status === 'accepted' && (i.kind === 'quote' || i.kind === 'claim'));
    if (accepted.length === 0) continue;
    const id = sourceId(doc);
    const source = buildSource(doc, accepted, id, notes);
    const checked = Source.safeParse(source);
    if (!checked.success) {
      const i = checked.error.issues[0];
      notes.push(`${doc.id}: not exported, the source would be invalid at ${i?.path.join('.')}: ${i?.message}`);
      continue;
    }
    const header = `# Exported from the accede workspace (document ${doc.id}, ${doc.origin}) for review.\n` +
      `# Passages are verbatim from the imported text; check them and the links before merging.\n`;
    files.push({ path: `sources/workspace-${doc.id}.yaml`, content: header + stringify([checked.data], { lineWidth: 100 }), source: checked.data });
  }
  return { files, notes };
}

function buildSource(doc: DocumentDetail, items: Item[], id: string, notes: string[]): SourceData {
  const passages = items.map((item) => {
    // a quotation's closing comma belongs to the sentence around it, not to the passage
    let text = doc.text.slice(item.start, item.end).replace(/\s+/g, ' ').trim().replace(/[,;:]$/, '');
    if (text.length > MAX_PASSAGE) {
      const cut = text.lastIndexOf(' ', MAX_PASSAGE - 4);
      text = `${text.slice(0, cut > 0 ? cut : MAX_PASSAGE - 4)} […]`;
      notes.push(`${item.id}: passage shortened to ${MAX_PASSAGE} characters (marked […])`);
    }
    const speaker = (item.data as Quote).speaker?.name ?? undefined;
    const passage: SourceData['passages'][number] = {
      id: item.id.slice(doc.id.length + 1).toLowerCase(),
      text,
      ...(speaker ? { speaker } : {}),
      ...(item.links.length ? { supports: item.links } : {}),
    };
    return passage;
  });
  if (!doc.title) notes.push(`${doc.id}: no title; the first words of the text stand in for it`);
  const date = doc.date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(doc.date) ? doc.date : undefined;
  return {
    id,
    title: doc.title ?? `${doc.text.replace(/\s+/g, ' ').trim().slice(0, 80)}…`,
    ...(doc.outlet ? { outlet: doc.outlet } : {}),
    ...(doc.author ? { author: doc.author } : {}),
    ...(date ? { date } : {}),
    ...(date && doc.dateNote ? { dateVerified: false } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    note: `Imported as workspace document ${doc.id} from ${doc.origin}` +
      (doc.dateNote ? `; date: ${doc.dateNote}` : '') + '.',
    passages,
  };
}

/** outlet-title-year-<6 hex of the document id>: readable, and stable across exports. */
function sourceId(doc: DocumentDetail): string {
  const words = [doc.outlet, doc.title].filter(Boolean).join(' ');
  const slug = words.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').split('-').filter(Boolean).slice(0, 6).join('-');
  return [slug, doc.date?.slice(0, 4), doc.id.slice(1, 7)].filter(Boolean).join('-');
}
