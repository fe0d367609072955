// HTTP errors: the one error shape (src/model/issues.ts: code, path, message) with a status. Every
// refusal is a 4xx with its reason. The store's typed failures get their status here: the store knows
// nothing of HTTP.
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ImportError } from '../evidence/decode.ts';
import type { Issue } from '../model/issues.ts';
import { NotApplicableError } from '../model/asof.ts';
import { ConflictError, WorkspaceError, type WorkspaceErrorCode } from '../store/index.ts';

/** The body of every error answer: the issue, and for bad requests each problem it is made of. */
export interface ErrorBody extends Issue {
  /** For bad requests: each problem, its path naming the parameter or the body field. */
  problems?: Issue[];
  /** For conflicts: the version the item or scenario has now, and who changed it. */
  current?: { version: number; updatedBy: string | null; updatedAt: string | null };
}

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly body: ErrorBody,
    /** Headers the answer needs (Retry-After, WWW-Authenticate, Allow). */
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: body.message });
  }
}

export function apiError(status: ContentfulStatusCode, code: string, message: string, extra: Partial<ErrorBody> = {}, headers: Record<string, string> = {}): ApiError {
  return new ApiError(status, { code, path: [], message, ...extra }, headers);
}

export const badRequest = (message: string, problems?: Issue[]) => apiError(400, 'bad_request', message, problems ? { problems } : {});
export const notFound = (message: string) => apiError(404, 'not_found', message);

/** The store's error codes as HTTP answers (the store knows no HTTP). */
const STATUS_OF: Record<WorkspaceErrorCode, [ContentfulStatusCode, string]> = {
  conflict: [409, 'conflict'],
  not_found: [404, 'not_found'],
  invalid_input: [400, 'bad_request'],
  refused: [422, 'unprocessable'],
  busy: [503, 'busy'],
  disk_full: [507, 'insufficient_storage'],
  read_only: [503, 'read_only'],
  schema: [500, 'internal'],
};

/** The store's failures as HTTP answers: 409 with the current version, 400, 404, 422, 503 (+ Retry-After), 507. */
export function fromStore(e: WorkspaceError): ApiError {
  if (e instanceof ConflictError) {
    return apiError(409, 'conflict', e.message, { current: { version: e.currentVersion, updatedBy: e.updatedBy, updatedAt: e.updatedAt } });
  }
  return fromStoreCode(e.code, e.message);
}

/** A store failure by its code: what a worker thread sends back, since an error's class does not cross threads. */
export function fromStoreCode(storeCode: WorkspaceErrorCode, message: string): ApiError {
  const [status, code] = STATUS_OF[storeCode];
  return apiError(status, code, message, {}, status === 503 ? { 'Retry-After': '1' } : {});
}

/** Any thrown value as an answer; undefined for a bug (the app logs it and answers 500). */
export function asApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof WorkspaceError) return fromStore(err);
  // A day before the organization or the candidate existed: answered, not computed.
  if (err instanceof NotApplicableError) return apiError(422, 'not_applicable', err.reason);
  // The importer refusing a text (empty, binary, a header without a body…) is the client's input.
  if (err instanceof ImportError) return apiError(422, 'unprocessable', err.message);
  if (err instanceof HTTPException) return apiError(err.status, err.status === 413 ? 'payload_too_large' : 'bad_request', err.message || 'bad request');
  return undefined;
}
