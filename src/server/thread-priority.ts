// The import pool's threads run below the event loop's priority, so that on a busy machine a long import
// waits for the thread that reads requests and answers health checks, not the other way round. (The case
// threads do not: answers waiting behind cached ones made the tail, see case-worker.ts.)
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
