// The file-system shell around parseDataset: reads a data folder (data-files.ts) and parses it.
import type { Dataset } from './dataset.ts';
import { DEFAULT_DATA_DIR, readDataFiles } from './data-files.ts';
import { parseDataset } from './parse.ts';

export { DEFAULT_DATA_DIR, readDataFiles };

export function loadDataset(dir: string = DEFAULT_DATA_DIR): Dataset {
  return parseDataset(readDataFiles(dir));
}
