// Answers that depend only on the dataset and the query (a case, a day, the drivers fixed): kept in a
// bounded cache keyed by dataset version and query, each with a strong ETag derived from that key, so a
// client that has the answer gets 304 before anything is computed. Concurrent asks for one key share
// one computation. Answers are kept as UTF-8 bytes, not strings: encoded once (by the pool's workers),
// written to sockets as they are, and held outside the JavaScript heap, so tens of megabytes of ~50 KB
// answers coming and going do not keep the garbage collector busy on the event loop.
// A case's answer is kept once for a whole stretch of days between change points (src/case/change-points.ts):
// two days of a stretch get the same answer but for the day it names, so the day asked is written into a copy
// of the answer kept for the stretch. Under random days and settings this leaves about 1 answer in 8 to
// compute instead of 4 in 10 (one kept answer per stretch instead of one per day: fewer, and they fit).
import type { Context } from 'hono';
import { LRUCache } from 'lru-cache';
import { ANSWERS_VERSION } from '../case/jobs.ts';
import { hash } from '../site/bundle.ts';
import { asApiError } from './errors.ts';

/** An answer's text, or its UTF-8 bytes already encoded. */
export type Body = string | Uint8Array<ArrayBuffer>;

export interface Answer {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** For an answer kept for a stretch of days: the day it was computed for, and where it names it (found on first use). */
  day?: string;
  dayAt?: number[] | null;
}

export interface AnswerCache {
  /** Answers from the cache, or computes, keeps and answers; 304 when If-None-Match names it. */
  send(c: Context, key: string, contentType: string, compute: () => Promise<Body>, headers?: Record<string, string>): Promise<Response>;
  /**
   * The answer for day `asOf` (its key `key`) made from the answer kept for its stretch (under `stretchKey`): `compute(day)`
   * computes the answer for a day, and the first day of the stretch asked computes the stretch's answer. The
   * days asked must not be written anywhere in the dataset (each is looked for in the answer to be renamed),
   * so never the stretch's first day, a change point. A day without an answer (422) gives its own reason.
   */
  sendOnDay(c: Context, key: string, asOf: string, stretchKey: string, contentType: string, compute: (asOf: string) => Promise<Body>): Promise<Response>;
  readonly size: number;
}

const utf8 = new TextEncoder();

/**
 * Where an answer names `day`, a day the dataset writes nowhere (the server asks for no other): every day in
 * an answer is then the day asked, or one the data writes.
 */
function dayOffsets(body: Uint8Array<ArrayBuffer>, day: string): number[] | null {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const out: number[] = [];
  for (let i = bytes.indexOf(day, 0, 'latin1'); i >= 0; i = bytes.indexOf(day, i + day.length, 'latin1')) out.push(i);
  return out.length ? out : null;
}

/** A stretch's answer naming another of its days (days are 10 ASCII bytes, so only those bytes change). */
function renamed(a: Answer, to: string): Uint8Array<ArrayBuffer> | undefined {
  const from = a.day!;
  if (from === to) return a.body;
  if (a.dayAt === undefined) a.dayAt = dayOffsets(a.body, from);
  if (!a.dayAt || to.length !== from.length) return undefined;
  const body = a.body.slice();
  const day = utf8.encode(to);
  for (const at of a.dayAt) body.set(day, at);
  return body;
}

/** The answers kept: about 64 MB of bytes. */
const MAX_BYTES = 64 * 1024 * 1024;

export function answerCache(datasetVersion: string | (() => string), maxBytes = MAX_BYTES, format: number = ANSWERS_VERSION): AnswerCache {
  // A function: the version (a digest of the dataset) is computed with the first answer, not at start.
  const version = typeof datasetVersion === 'function' ? datasetVersion : () => datasetVersion;
  const kept = new LRUCache<string, Answer>({ maxSize: maxBytes, sizeCalculation: (a) => a.body.byteLength + 64 });
  const pending = new Map<string, Promise<Answer>>();

  async function answer(key: string, contentType: string, compute: () => Promise<Body>, day?: string): Promise<Answer> {
    const hit = kept.get(key);
    if (hit) return hit;
    let p = pending.get(key);
    if (!p) {
      p = compute().then((text) => {
        const body = typeof text === 'string' ? utf8.encode(text) : text;
        const a: Answer = day ? { body, contentType, day } : { body, contentType };
        if (body.byteLength + 64 <= maxBytes) kept.set(key, a);
        return a;
      });
      pending.set(key, p);
      // Removed whether it worked or not: a refusal (queue full) must not stick to the key.
      void p.finally(() => pending.delete(key)).catch(() => {});
    }
    return p;
  }

  /** Sets the answer's ETag and freshness; true when the client's If-None-Match names it (answer 304). */
  function fresh(c: Context, key: string): boolean {
    // The answers' format too: the same dataset and query answered in another shape is another answer.
    const etag = `"${hash(`${version()}\u0000${format}\u0000${key}`)}"`;
    // The day is in the key, so an answer never changes for its URL once the default day is resolved;
    // a minute of freshness, then revalidation by ETag (cheap: no computation on a match).
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=60');
    // If-None-Match compares weakly (RFC 9110 §13.1.2): compression marks the ETag weak (W/"…").
    const inm = c.req.header('if-none-match');
    return !!inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
  }

  return {
    get size() {
      return kept.size;
    },
    async send(c, key, contentType, compute, headers = {}) {
      if (fresh(c, key)) return c.body(null, 304);
      const a = await answer(key, contentType, compute);
      for (const [k, v] of Object.entries(headers)) c.header(k, v);
      c.header('Content-Type', a.contentType);
      return c.body(a.body);
    },
    async sendOnDay(c, key, asOf, stretchKey, contentType, compute) {
      if (fresh(c, key)) return c.body(null, 304);
      let body: Uint8Array<ArrayBuffer> | undefined;
      try {
        body = renamed(await answer(stretchKey, contentType, () => compute(asOf), asOf), asOf);
      } catch (e) {
        // Refused for another day of the stretch (before the candidate existed): this day gives its own reason.
        if (asApiError(e)?.status !== 422) throw e;
      }
      body ??= (await answer(key, contentType, () => compute(asOf))).body;
      c.header('Content-Type', contentType);
      return c.body(body);
    },
  };
}
