// A scenario: a case, a day and the drivers fixed true or false — the one definition of its shape.
// The server reads saved scenarios with it and the API document is generated from it; the page's
// query string carries the same settings in its own form (permalink.ts). Ids, codes and days are the
// model's grammar (src/model/grammar.ts through schema.ts).
import { z } from 'zod';
import { Day, Id, OrgId, StateCode, Who } from '../model/schema.ts';

/** What a scenario sets: the day (absent: today) and the drivers fixed. */
export const ScenarioSettings = z.strictObject({
  asOf: Day.optional(),
  fixed: z.record(Id, z.boolean()).default({}),
});
export type ScenarioSettings = z.infer<typeof ScenarioSettings>;

/** A scenario as the web app saves it (POST /api/scenarios): its case, its settings, who saves it. */
export const ScenarioBody = z.strictObject({
  ...ScenarioSettings.shape,
  id: Id.max(64).optional(),
  name: z.string().trim().min(1, 'a name').max(200, 'at most 200 characters'),
  candidate: StateCode,
  organization: OrgId,
  expectedVersion: z.number().int().positive().optional(),
  who: Who.default('web'),
});
export type ScenarioBody = z.infer<typeof ScenarioBody>;
