// Answers that depend only on the dataset and the query (a case, a day, the drivers fixed): kept in a
// bounded cache keyed by dataset version and query, each with a strong ETag derived from that key, so a
// client that has the answer gets 304 before anything is computed. Concurrent asks for one key share
// one computation. Answers are kept as UTF-8 bytes, not strings: encoded once (by the pool's workers),
// written to sockets as they are, and held outside the JavaScript heap, so tens of megabytes of ~100 KB
// answers coming and going do not keep the garbage collector busy on the event loop.
import type { Context } from 'hono';
import { LRUCache } from 'lru-cache';
import { hash } from '../site/bundle.ts';

/** An answer's text, or its UTF-8 bytes already encoded. */
export type Body = string | Uint8Array<ArrayBuffer>;

export interface Answer {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

export interface AnswerCache {
  /** Answers from the cache, or computes, keeps and answers; 304 when If-None-Match names it. */
  send(c: Context, key: string, contentType: string, compute: () => Promise<Body>, headers?: Record<string, string>): Promise<Response>;
  readonly size: number;
}

const utf8 = new TextEncoder();

/** The answers kept: about 64 MB of bytes. */
const MAX_BYTES = 64 * 1024 * 1024;

export function answerCache(datasetVersion: string, maxBytes = MAX_BYTES): AnswerCache {
  const kept = new LRUCache<string, Answer>({ maxSize: maxBytes, sizeCalculation: (a) => a.body.byteLength + 64 });
  const pending = new Map<string, Promise<Answer>>();

  async function answer(key: string, contentType: string, compute: () => Promise<Body>): Promise<Answer> {
    const hit = kept.get(key);
    if (hit) return hit;
    let p = pending.get(key);
    if (!p) {
      p = compute().then((text) => {
        const body = typeof text === 'string' ? utf8.encode(text) : text;
        const a = { body, contentType };
        if (body.byteLength + 64 <= maxBytes) kept.set(key, a);
        return a;
      });
      pending.set(key, p);
      // Removed whether it worked or not: a refusal (queue full) must not stick to the key.
      void p.finally(() => pending.delete(key)).catch(() => {});
    }
    return p;
  }

  return {
    get size() {
      return kept.size;
    },
    async send(c, key, contentType, compute, headers = {}) {
      const etag = `"${hash(`${datasetVersion}\u0000${key}`)}"`;
      // The day is in the key, so an answer never changes for its URL once the default day is resolved;
      // a minute of freshness, then revalidation by ETag (cheap: no computation on a match).
      c.header('ETag', etag);
      c.header('Cache-Control', 'public, max-age=60');
      // If-None-Match compares weakly (RFC 9110 §13.1.2): compression marks the ETag weak (W/"…").
      const inm = c.req.header('if-none-match');
      if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) return c.body(null, 304);
      const a = await answer(key, contentType, compute);
      for (const [k, v] of Object.entries(headers)) c.header(k, v);
      c.header('Content-Type', a.contentType);
      return c.body(a.body);
    },
  };
}
