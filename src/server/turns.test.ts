// Requests in turns: health checks and writes handled as they are read, the rest in arrival order in turns
// that hand the event loop back (to read sockets, to take answers from the pool) every few milliseconds.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { inTurns } from './turns.ts';

const request = (url: string, method = 'GET') => [{ url, method } as IncomingMessage, {} as ServerResponse] as const;
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('inTurns', () => {
  it('answers health checks and writes at once, and the rest later in arrival order', async () => {
    const handled: string[] = [];
    const listener = inTurns((req) => void handled.push(`${req.method} ${req.url}`));
    listener(...request('/api/cases/XK/nato?as=2020-01-01'));
    listener(...request('/api/cases/XK/coe'));
    listener(...request('/api/health'));
    listener(...request('/api/workspace/documents', 'POST'));
    expect(handled).toEqual(['GET /api/health', 'POST /api/workspace/documents']);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(handled.slice(2)).toEqual(['GET /api/cases/XK/nato?as=2020-01-01', 'GET /api/cases/XK/coe']);
  });

  it('hands the event loop back between turns instead of handling a long queue in one go', async () => {
    let handled = 0;
    const listener = inTurns(() => {
      busy(2);
      handled++;
    });
    for (let i = 0; i < 20; i++) listener(...request(`/case/XK/nato?i=${i}`));
    // Queued behind the first turn: it runs once that turn has handed back, long before the queue is done.
    const seenAt = await new Promise<number>((r) => setImmediate(() => r(handled)));
    expect(seenAt).toBeGreaterThan(0);
    expect(seenAt).toBeLessThan(20);
    while (handled < 20) await new Promise((r) => setImmediate(r));
    expect(handled).toBe(20);
  });
});
