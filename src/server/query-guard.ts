// Refuses query keys an endpoint does not read. A mistyped key (?asof=2010-01-01 for ?as=) was
// silently ignored, and the answer was today's, looking like the day asked for. The keys each endpoint
// reads come from the OpenAPI document, itself generated from the zod schemas the routes validate with.
import type { MiddlewareHandler } from 'hono';
import { OLD_KEYS, PermalinkQuery } from '../case/permalink.ts';
import { badRequest } from './errors.ts';
import { openApiDocument } from './openapi.ts';

interface Endpoint {
  method: string;
  path: RegExp;
  keys: Set<string>;
}

type Operation = { parameters?: Array<{ name: string; in: string }> };

/** Each documented method and path (its {params} matching one segment) with the query keys it reads. */
export function documentedEndpoints(paths: Record<string, unknown> = openApiDocument().paths): Endpoint[] {
  const out: Endpoint[] = [];
  for (const [template, ops] of Object.entries(paths)) {
    const pattern = template.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
    for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
      const keys = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
      // An endpoint that reads a permalink (v) reads all of it: a page's link plus .csv keeps its stage and
      // view (unused there), and old links keep their keys (migrated).
      if (keys.has('v')) for (const k of [...Object.keys(PermalinkQuery.shape), ...OLD_KEYS]) keys.add(k);
      out.push({ method: method.toUpperCase(), path: new RegExp(`^${pattern}$`), keys });
    }
  }
  return out;
}

/** The methods the document lists for a path (GET implying HEAD), empty when it lists none. */
export function methodsFor(endpoints: Endpoint[], path: string): string[] {
  const methods = endpoints.filter((e) => e.path.test(path)).map((e) => e.method);
  return methods.includes('GET') ? [...methods, 'HEAD'] : methods;
}

/** The endpoint a request is for; API paths before download paths that also match (a case id may end in .csv). */
function endpointOf(endpoints: Endpoint[], method: string, path: string): Endpoint | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return endpoints.find((e) => e.method === m && e.path.test(path));
}

/**
 * A 400 naming each unknown key and the keys the endpoint reads. Requests without a query string pass at
 * once (the document is read on the first request that has one); undocumented paths are left to their routes.
 */
export function queryGuard(): MiddlewareHandler {
  let endpoints: Endpoint[] | undefined;
  return async (c, next) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    if (q >= 0 && q < url.length - 1) {
      const path = c.req.path;
      endpoints ??= documentedEndpoints();
      const e = endpointOf(endpoints, c.req.method, path);
      if (e) {
        const unknown = [...new Set(new URLSearchParams(url.slice(q + 1)).keys())].filter((k) => !e.keys.has(k));
        if (unknown.length) {
          const reads = e.keys.size ? `it reads ${[...e.keys].join(', ')}` : 'it reads none';
          throw badRequest(
            `unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')} for ${e.method} ${path.slice(0, 100)}: ${reads}`,
            unknown.map((k) => ({ code: 'unrecognized_keys', path: [k.slice(0, 40)], message: `not a parameter of this endpoint (${reads})` })),
          );
        }
      }
    }
    await next();
  };
}
