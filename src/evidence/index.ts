// The evidence API: import documents (files, directories, stdin) and extract quotes, speakers,
// mentions and conditional claims. See docs/evidence.md.
export { emptyGazetteer, extract } from './extract.ts';
export { GazetteerSource, buildGazetteer, findMentions, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
export { loadGazetteer } from './dataset.ts';
export {
  ImportError,
  MAX_IMPORT_BYTES,
  contentHash,
  formatOf,
  importBytes,
  importFile,
  importStdin,
  listImportable,
  type ImportOptions,
} from './importer.ts';
export * from './types.ts';
