// The one error shape (src/model/issues.ts) as a zod schema, for the HTTP API's document. Apart from
// issues.ts so that every command, which may report a DataError, does not load zod to do so.
import { z } from 'zod';

/** The error body of the HTTP API as a schema, for its document (src/server/openapi.ts). */
const IssueSchema = z.object({
  code: z.string().describe('bad_request, not_found, method_not_allowed, unauthorized, forbidden, conflict, payload_too_large, unsupported_media_type, busy, misdirected; zod codes in problems'),
  path: z.array(z.union([z.string(), z.number()])).describe('where: a parameter or body field, then keys inside it; [] for the request'),
  message: z.string(),
});
export const ErrorSchema = IssueSchema.extend({
  problems: z.array(IssueSchema).optional(),
  current: z.object({ version: z.number().int(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() }).optional(),
});
