// The gazetteer built from the model's data directory. The model loader belongs to src/model;
// this only asks it for the dataset and keeps the parts a gazetteer needs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GazetteerSource, buildGazetteer, type Gazetteer } from './gazetteer.ts';

type Loader = (dir: string) => unknown;

/** The bundled data directory: `data/` at the repository root. */
export function defaultDataDir(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data');
}

/**
 * Loads the dataset in `dir` through src/model/load.ts and builds the gazetteer. Throws with the
 * loader's own message when the data is invalid.
 */
export async function loadGazetteer(dir: string): Promise<Gazetteer> {
  const loaderPath = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'model', 'load.ts');
  if (!existsSync(loaderPath)) throw new Error(`the model loader ${loaderPath} is missing`);
  const mod = (await import(pathToFileURL(loaderPath).href)) as { loadDataset?: Loader };
  if (typeof mod.loadDataset !== 'function') throw new Error('src/model/load.ts does not export loadDataset(dir)');
  const loaded = await mod.loadDataset(dir);
  // loadDataset may return the dataset itself or an indexed wrapper around it ({ data })
  const candidate = (loaded && typeof loaded === 'object' && 'data' in loaded ? (loaded as { data: unknown }).data : loaded);
  const parsed = GazetteerSource.safeParse(candidate);
  if (!parsed.success) throw new Error(`the dataset in ${dir} has no usable states/organizations: ${parsed.error.issues[0]?.message}`);
  return buildGazetteer(parsed.data);
}
