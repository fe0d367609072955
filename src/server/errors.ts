// HTTP errors with a reason: every refusal is a 4xx JSON body {error, detail} (or an HTML page for pages).
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'method_not_allowed'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'not_applicable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'busy'
  | 'unprocessable'
  | 'insufficient_storage'
  | 'read_only'
  | 'internal';

export interface ErrorBody {
  error: ErrorCode;
  detail: string;
  /** For bad requests: which parameter and what was expected. */
  problems?: Array<{ param: string; message: string }>;
  /** For conflicts: the version the item or scenario has now, and who changed it. */
  current?: { version: number; updatedBy: string | null; updatedAt: string | null };
}

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly body: ErrorBody,
  ) {
    super(status, { message: body.detail });
  }
}

export const badRequest = (detail: string, problems?: ErrorBody['problems']) =>
  new ApiError(400, { error: 'bad_request', detail, ...(problems ? { problems } : {}) });
export const notFound = (detail: string) => new ApiError(404, { error: 'not_found', detail });
