// The shapes of what clients send the workspace routes (bodies and queries), in zod: validated here at
// the boundary, and the API document's schemas are generated from these very objects (openapi.ts).
// The scenario's own shape is the case layer's (src/case/scenario.ts).
import { z } from 'zod';
import { URL_PATTERN } from '../model/grammar.ts';
import { PartialDay } from '../model/schema.ts';

export const Who = z.string().trim().min(1, 'your name, for the audit log').max(200);

/** Ids of documents, items and scenarios (store ids may have capitals). */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

export const ImportBody = z.strictObject({
  text: z.string().min(1, 'the text of the document').max(1_000_000, 'at most 1,000,000 characters'),
  who: Who,
  meta: z
    .strictObject({
      title: z.string().max(500).optional(),
      outlet: z.string().max(300).optional(),
      author: z.string().max(300).optional(),
      date: PartialDay.optional(),
      url: z.string().regex(URL_PATTERN, 'an http(s) URL').max(2000).optional(),
      language: z.string().max(20).optional(),
    })
    .optional(),
});

export const ItemQuery = z.strictObject({
  document: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,80}$/)
    .optional(),
  status: z.enum(['pending', 'accepted', 'rejected']).optional(),
  kind: z.enum(['quote', 'mention', 'claim']).optional(),
});

export const AuditQuery = z.strictObject({
  entity: z.string().regex(ENTITY_ID).optional(),
  after: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const ScenarioListQuery = z.object({
  candidate: z.string().max(10).optional(),
  organization: z.string().max(64).optional(),
});

export const DeleteScenarioQuery = z.strictObject({
  who: Who.default('web'),
  expectedVersion: z.coerce.number().int().positive().optional(),
});

