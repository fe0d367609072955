// Requests served in short turns, so that nothing waits behind a long queue on the event loop. Node reads
// every socket that is ready in one pass and runs each request's handler as it reads it: under 200
// connections a pass reads a hundred requests and answers them all before it looks at a socket again, so a
// health check waits for the whole pass, and so does a computed answer that came back from the pool (its
// message is read in the next pass). Here a pass only reads: requests are queued (health checks excepted,
// answered at once) and handled in turns of a few milliseconds between passes, first come first served.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** How long one turn of handling queued requests may last before the event loop reads its sockets again. */
const TURN_MS = 4;

/** Requests answered as soon as they are read: cheap, and the ones a watchdog times. */
const AT_ONCE = /^\/api\/health(?:[?#]|$)/;

export function inTurns(handle: RequestListener): RequestListener {
  const queue: Array<[IncomingMessage, ServerResponse]> = [];
  let head = 0;
  let scheduled = false;

  async function turn(): Promise<void> {
    const end = performance.now() + TURN_MS;
    while (head < queue.length) {
      const [req, res] = queue[head]!;
      queue[head++] = undefined as never;
      handle(req, res);
      // The handler's own continuations run before the clock is read (they are part of its cost).
      await null;
      if (performance.now() >= end) break;
    }
    if (head >= queue.length) {
      queue.length = 0;
      head = 0;
      scheduled = false;
      return;
    }
    // Under a queue that never empties, drop the handled front now and then instead of letting it grow.
    if (head > 1024) {
      queue.splice(0, head);
      head = 0;
    }
    setImmediate(() => void turn());
  }

  return (req, res) => {
    // Writes carry a body that is read as it arrives: never held back.
    if (AT_ONCE.test(req.url ?? '') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      handle(req, res);
      return;
    }
    queue.push([req, res]);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => void turn());
    }
  };
}
