// Inputs to the workspace's write methods, validated at the boundary (CLI and HTTP pass raw input here).
import { z } from 'zod';
import { LINK, LINK_MESSAGE, ORG_ID, STATE_CODE } from '../model/grammar.ts';
import { Id, OrgId, StateCode } from '../model/schema.ts';
import { InvalidInputError } from './errors.ts';

/** CANDIDATE/organization/(stance|driver|tie):id — the same reference data/sources passages use. */
export const LinkTarget = z.string().regex(LINK, LINK_MESSAGE);
export type LinkTarget = z.infer<typeof LinkTarget>;

const Who = z.string().trim().min(1, 'who made the change (a name)').max(200);

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
