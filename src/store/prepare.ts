// Turning a pasted text into what the workspace stores: read (limits, header) and extracted. Apart from
// workspace.ts because reading imports the HTML readers (linkedom, Readability), which a process that
// only serves pages or curates must not load: `accede serve` answers its first page without them.
import { z } from 'zod';
import { extract } from '../evidence/extract.ts';
import type { Gazetteer } from '../evidence/gazetteer.ts';
import { ImportError, MAX_IMPORT_BYTES, importBytes } from '../evidence/importer.ts';
import type { DocumentMeta, ImportedDocument } from '../evidence/types.ts';
import { RefusedError } from './errors.ts';
import { parseInput } from './inputs.ts';
import type { ImportResult, PreparedText, Workspace } from './workspace.ts';

/**
 * Reads a pasted text (the 5 MB limit, binary refused, a metadata header) and extracts its items: pure,
 * so the server runs it on a worker thread and only the store's short write on its event loop.
 */
export function prepareText(text: string, opts: { gazetteer?: Gazetteer; origin?: string }): PreparedText {
  const raw = parseInput(z.string().max(MAX_IMPORT_BYTES, 'text over the 5 MB limit'), text, 'text');
  let doc: ImportedDocument;
  try {
    doc = importBytes(new TextEncoder().encode(raw), opts.origin ?? 'pasted text', 'txt');
  } catch (e) {
    if (e instanceof ImportError) throw new RefusedError(e.message, e.reason);
    throw e;
  }
  return { doc, extraction: extract(doc.text, opts.gazetteer) };
}

/**
 * Imports plain text (from the web app's paste box, say) into `ws`: extracts its items with the gazetteer
 * and stores both. `meta` may carry a title, outlet, date and URL; a metadata header in the text is read too.
 */
export function importText(ws: Workspace, text: string, opts: { who: string; gazetteer?: Gazetteer; origin?: string; meta?: Partial<DocumentMeta> }): ImportResult {
  return ws.importPrepared(prepareText(text, opts), opts);
}
