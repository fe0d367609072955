// The engine's tables of a wide case computed in a Web Worker, so the page paints and stays responsive
// while they are computed. The worker runs the app's own bundle (the same engine code: the tables are
// the ones the main thread would compute, bit for bit), started with the page's dataset and the case;
// it posts the whole procedure's table first (P(admission) needs only it), then each stage's.
import { index, type Dataset } from '../src/model/dataset.ts';
import { procedureTable, type PassTable, setupCase, stageTableOf, tableStages, type Tables } from '../src/engine/index.ts';

interface Ask {
  dataset: Dataset;
  candidate: string;
  organization: string;
  asOf: string;
}

type Told = { kind: 'procedure'; table: PassTable } | { kind: 'stage'; id: string; table: PassTable } | { kind: 'done' } | { kind: 'failed'; message: string };

/**
 * Computes a case's tables in a worker: `onTables` gets the procedure's table, then each stage's;
 * `onEnd` is called once, when all are in or the worker failed (`error` then says why: the page then
 * computes what is missing itself). Returns a function that stops the worker.
 */
export function tablesInWorker(ask: Ask, onTables: (tables: Tables) => void, onEnd: (error?: string) => void): () => void {
  let worker: Worker;
  try {
    worker = new Worker(new URL(import.meta.url), { type: 'module', name: 'accede-tables' });
  } catch (e) {
    // No worker here (a policy, an old browser): the page computes the tables itself.
    queueMicrotask(() => onEnd(e instanceof Error ? e.message : String(e)));
    return () => undefined;
  }
  let ended = false;
  const end = (error?: string) => {
    if (ended) return;
    ended = true;
    worker.terminate();
    onEnd(error);
  };
  worker.onmessage = (e: MessageEvent<Told>) => {
    const m = e.data;
    if (m.kind === 'procedure') onTables({ procedure: m.table });
    else if (m.kind === 'stage') onTables({ stages: { [m.id]: m.table } });
    else end(m.kind === 'failed' ? m.message : undefined);
  };
  worker.onerror = (e) => end(e.message || 'the worker failed');
  try {
    worker.postMessage(ask);
  } catch (e) {
    queueMicrotask(() => end(e instanceof Error ? e.message : String(e)));
  }
  return () => {
    ended = true;
    worker.terminate();
  };
}

/** Whether this script runs as the tables worker (no document): then it answers instead of rendering. */
export function isTablesWorker(): boolean {
  return typeof document === 'undefined' && typeof self !== 'undefined' && typeof postMessage === 'function';
}

/** The worker's side: one case's tables, posted as each is computed (their buffers transferred). */
export function serveTables(): void {
  self.onmessage = (e: MessageEvent<Ask>) => {
    const post = (m: Told) => postMessage(m, 'table' in m ? { transfer: [m.table.table.buffer] } : {});
    try {
      const { dataset, candidate, organization, asOf } = e.data;
      const ix = index(dataset);
      const c = ix.case(candidate, organization);
      if (!c) throw new Error(`no case ${candidate}/${organization}`);
      const setup = setupCase(ix, c, asOf);
      const plans = new Map();
      post({ kind: 'procedure', table: procedureTable(setup, plans) });
      for (const id of tableStages(setup)) post({ kind: 'stage', id, table: stageTableOf(setup, id, plans)! });
      post({ kind: 'done' });
    } catch (err) {
      post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };
}
