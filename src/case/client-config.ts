// What the browser app reads from the page it starts on (a non-executable JSON script element):
// written by the server and the static export, read by web/. Pure: a type, and where the dataset is.

export interface ClientConfig {
  /** The site root relative to this page: "/" on a server, "../../" in a static export. */
  root: string;
  /** "server": the HTTP API exists; "static": everything is computed in the browser from the files. */
  mode: 'server' | 'static';
  /** Asset version (cache busting). */
  version: string;
  /** Whether write endpoints accept requests (server mode only). */
  writable?: boolean;
  /** Whether a workspace is attached (server mode only). */
  workspace?: boolean;
  /** When the site was built (static mode). */
  builtAt?: string;
}

/**
 * Where the app fetches the dataset from: the API on a server, the export's file (versioned) in a static
 * site. The page's shell preloads the same URL, so the fetch starts beside the app's script, not after it.
 */
export function datasetUrl(config: ClientConfig): string {
  return config.mode === 'static' ? `${config.root}data/dataset.json?v=${config.version}` : `${config.root}api/dataset`;
}
