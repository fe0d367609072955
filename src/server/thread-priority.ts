// The pools' worker threads run below the event loop's priority, so that on a busy machine the thread
// that reads requests, answers health checks and serves cached answers is the one that gets a core first;
// computing and importing wait for it, not the other way round.
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's priority by `nice` (Unix nice values: 0 normal, 19 lowest). Only on Linux,
 * where a nice value belongs to one thread; elsewhere it would lower the whole process, event loop included.
 */
export function lowerThisThread(nice: number): void {
  if (process.platform !== 'linux') return;
  try {
    // pid 0: the calling thread.
    setPriority(0, nice);
  } catch {
    // Not allowed here (a sandbox, say): the thread runs at the normal priority.
  }
}
