// Inputs to the workspace's write methods, validated at the boundary (CLI and HTTP pass raw input here).
import { z } from 'zod';
import { ENTITY_ID, LINK, LINK_MESSAGE, ORG_ID, STATE_CODE, URL_PATTERN } from '../model/grammar.ts';
import { Id, OrgId, PartialDay, StateCode, Who } from '../model/schema.ts';
import { InvalidInputError } from './errors.ts';

/** CANDIDATE/organization/(stance|driver|tie):id — the same reference data/sources passages use. */
export const LinkTarget = z.string().regex(LINK, LINK_MESSAGE);
export type LinkTarget = z.infer<typeof LinkTarget>;

/** What a curator may change in an item. Text follows the offsets: quotes are never rewritten. */
export const ItemEdit = z.strictObject({
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  speaker: z
    .strictObject({
      name: z.string().trim().min(1).max(300).nullable().optional(),
      role: z.string().trim().max(300).nullable().optional(),
      affiliation: z.string().trim().max(300).nullable().optional(),
    })
    .optional(),
  kind: z.enum(['direct', 'indirect']).optional(),
  /** a mention's model code */
  code: z
    .string()
    .refine((s) => STATE_CODE.test(s) || ORG_ID.test(s), 'a state code (XK) or an organization id (nato)')
    .optional(),
  note: z.string().max(2000).optional(),
});
export type ItemEdit = z.infer<typeof ItemEdit>;

export const CurateRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), expectedVersion: z.number().int().positive(), who: Who }),
  z.strictObject({ action: z.literal('reject'), expectedVersion: z.number().int().positive(), who: Who }),
  z.strictObject({ action: z.literal('reset'), expectedVersion: z.number().int().positive(), who: Who }),
  z.strictObject({ action: z.literal('edit'), expectedVersion: z.number().int().positive(), who: Who, edit: ItemEdit }),
  z.strictObject({ action: z.literal('link'), expectedVersion: z.number().int().positive(), who: Who, link: LinkTarget }),
  z.strictObject({ action: z.literal('unlink'), expectedVersion: z.number().int().positive(), who: Who, link: LinkTarget }),
]);
export type CurateRequest = z.infer<typeof CurateRequest>;

export const ScenarioInput = z.strictObject({
  id: Id.max(64).optional(),
  name: z.string().trim().min(1).max(200),
  candidate: StateCode.nullable().optional(),
  organization: OrgId.nullable().optional(),
  /** the scenario itself (driver settings, stance overrides…), as the web app defines it */
  payload: z.json(),
  /** required when updating an existing scenario */
  expectedVersion: z.number().int().positive().optional(),
  who: Who,
});
export type ScenarioInput = z.infer<typeof ScenarioInput>;

/** Parses with a schema, turning zod's issues into one InvalidInputError that names each field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const msg = r.error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : what}: ${i.message}`)
    .join('; ');
  throw new InvalidInputError(`invalid ${what}: ${msg}`);
}

// The queries and bodies of the workspace's HTTP routes (the server validates with these; its API
// document is generated from them).
/** A text to import (POST /api/workspace/documents). */
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

