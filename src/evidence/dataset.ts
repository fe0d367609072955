// The gazetteer built from a data directory through the model's loader (which validates it).
import { loadDataset } from '../model/load.ts';
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';

/** Loads and validates the dataset in `dir` (the bundled data/ by default) and builds its gazetteer. */
export function loadGazetteer(dir?: string): Gazetteer {
  return buildGazetteer(loadDataset(dir));
}
