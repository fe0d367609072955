// The OpenAPI document served at /api/openapi.json: every endpoint the pages use. The schemas of
// request bodies, query parameters and the error are generated from the zod schemas the server
// validates with (z.toJSONSchema), so the document cannot drift from what is checked.
import { z } from 'zod';
import { PermalinkQuery } from '../case/permalink.ts';
import { ScenarioBody } from '../case/scenario.ts';
import { ErrorSchema } from '../model/issue-schema.ts';
import { AuditQuery, CurateRequest, DeleteScenarioQuery, ImportBody, ItemQuery, ScenarioListQuery } from '../store/index.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/** A zod schema as JSON Schema, describing what a client sends (the input side of transforms). */
function schemaOf(schema: z.core.$ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const DESCRIPTIONS: Record<string, string> = {
  v: 'link format version (older versions are migrated)',
  as: 'the as-of day, YYYY-MM-DD (default: today, UTC)',
  on: 'drivers fixed true, joined with "~"',
  off: 'drivers fixed false, joined with "~"',
  stage: 'the stage the map shows (pages only; checked against the case)',
  view: 'the map region (pages only)',
};

/** An object schema's properties as query parameters. */
function queryParams(schema: z.core.$ZodType, only?: string[]) {
  const s = schemaOf(schema);
  return Object.entries(s.properties ?? {})
    .filter(([name]) => !only || only.includes(name))
    .map(([name, p]) => ({ name, in: 'query', required: (s.required ?? []).includes(name), schema: p, ...(DESCRIPTIONS[name] ? { description: DESCRIPTIONS[name] } : {}) }));
}

const scenarioParams = queryParams(PermalinkQuery, ['v', 'as', 'on', 'off']);
const asOfParam = queryParams(PermalinkQuery, ['as'])[0];
const caseParams = [
  { name: 'candidate', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}$' }, example: 'XK' },
  { name: 'org', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' }, example: 'nato' },
];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,127}$' } };
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const errors = { '400': error('bad input: the reason is in the body'), '404': error('unknown case, state or organization') };
const cached = {
  '304': { description: 'not modified (If-None-Match named the ETag)' },
  '503': error('busy: every worker is computing and the queue is full; retry after Retry-After seconds'),
};
const writeErrors = {
  '401': error('a token is required'),
  '403': error('the server is read-only, or the request came from another origin'),
  '409': error('changed since the version given (current version and who changed it in `current`)'),
  '413': error('body too large'),
  '415': error('not JSON'),
  '422': error('the importer refuses the text (empty, binary, no body…): the message says why'),
};
const json = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const body = (ref: string) => ({ required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'accede',
      version: '1',
      description:
        'What does it take for a state to join an international organization? Reads are open. Writes (the workspace) need a token when the server ' +
        'listens on a non-loopback address, and are refused there without one. Every error is a 4xx JSON body {code, path, message} ' +
        '(with `problems`, each of the same shape, for bad requests). Computed answers carry a strong ETag and Cache-Control.',
    },
    paths: {
      '/api/health': { get: { summary: 'liveness and whether writes are enabled', responses: { '200': json('ok') } } },
      '/api/dataset': { get: { summary: 'the whole dataset as JSON (what the browser app computes from)', responses: { '200': json('the dataset'), '304': cached['304'] } } },
      '/api/overview': {
        get: { summary: 'candidates × organizations: status, verdict and recognition counter per case', parameters: [asOfParam], responses: { '200': json('the overview'), ...errors, ...cached } },
      },
      '/api/cases': { get: { summary: 'every case with its summary', parameters: [asOfParam], responses: { '200': json('the cases'), ...errors, ...cached } } },
      '/api/cases/{candidate}/{org}': {
        get: {
          summary: 'one case: evaluation, every voter at every stage, drivers, ties and the evidence for each',
          parameters: [...caseParams, ...scenarioParams],
          responses: { '200': json('the case', { $ref: '#/components/schemas/CaseDetails' }), ...errors, ...cached },
        },
      },
      '/case/{candidate}/{org}.csv': {
        get: {
          summary: 'download: one row per voter per stage; byte-identical to `accede evaluate CANDIDATE ORG --csv` with the same --as-of and --set',
          parameters: [...caseParams, ...scenarioParams],
          responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors, ...cached },
        },
      },
      '/case/{candidate}/{org}.json': {
        get: {
          summary: 'download: the evaluation; byte-identical to `accede evaluate CANDIDATE ORG --json` with the same --as-of and --set',
          parameters: [...caseParams, ...scenarioParams],
          responses: { '200': json('the evaluation'), ...errors, ...cached },
        },
      },
      '/api/candidates/{code}': {
        get: {
          summary:
            'a candidate across every organization: status, step reached, P(admission), blockers, fewest changes by others, ties; each lever\'s effect per organization and where efforts pay most (same as `accede candidate CODE --json`); on/off set drivers in every case of the candidate',
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{2}$' }, example: 'XK' }, ...scenarioParams],
          responses: { '200': json('the candidate'), ...errors },
        },
      },
      '/api/track-record': {
        get: {
          summary: "every dated decision beside the model's P(pass) on its eve, Brier and log scores against the base rate, calibration (same as `accede track-record --json`)",
          responses: { '200': json('the track record'), '304': cached['304'], '503': cached['503'] },
        },
      },
      '/api/states/{code}': {
        get: {
          summary: "one state's stances across every case, with sources",
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}$' }, example: 'ES' }, asOfParam],
          responses: { '200': json('the state'), ...errors, ...cached },
        },
      },
      '/api/organizations/{id}': {
        get: {
          summary: 'an organization and its members on the day',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' }, example: 'nato' }, asOfParam],
          responses: { '200': json('the organization'), ...errors },
        },
      },
      '/api/scenarios': {
        get: { summary: 'saved scenarios (workspace)', parameters: queryParams(ScenarioListQuery), responses: { '200': json('the scenarios'), '404': errors['404'] } },
        post: {
          summary: 'save a scenario, or update one (with id and expectedVersion) — a write',
          security: [{ bearer: [] }],
          requestBody: body('ScenarioInput'),
          responses: { '201': json('created'), '200': json('updated'), ...errors, ...writeErrors },
        },
      },
      '/api/scenarios/{id}': {
        get: { summary: 'a saved scenario', parameters: [idParam], responses: { '200': json('the scenario'), ...errors } },
        delete: {
          summary: 'delete a saved scenario — a write',
          security: [{ bearer: [] }],
          parameters: [idParam, ...queryParams(DeleteScenarioQuery)],
          responses: { '204': { description: 'deleted' }, ...errors, ...writeErrors },
        },
      },
      '/api/workspace/documents': {
        get: { summary: 'imported documents with their item counts', responses: { '200': json('the documents'), '404': errors['404'] } },
        post: {
          summary: 'import a text and extract its quotes, mentions and conditional claims — a write',
          security: [{ bearer: [] }],
          requestBody: body('ImportInput'),
          responses: { '201': json('imported'), '200': json('already imported'), ...errors, ...writeErrors },
        },
      },
      '/api/workspace/documents/{id}': { get: { summary: 'a document: its text and every item', parameters: [idParam], responses: { '200': json('the document'), ...errors } } },
      '/api/workspace/items': { get: { summary: 'items, filtered', parameters: queryParams(ItemQuery), responses: { '200': json('the items'), ...errors } } },
      '/api/workspace/items/{id}': { get: { summary: 'an item with its version', parameters: [idParam], responses: { '200': json('the item'), ...errors } } },
      '/api/workspace/items/{id}/curate': {
        post: {
          summary: 'accept, reject, reset, edit, link or unlink an item, from the version last read — a write; 409 if it changed since',
          security: [{ bearer: [] }],
          parameters: [idParam],
          requestBody: body('CurateRequest'),
          responses: { '200': json('the item at its new version'), ...errors, ...writeErrors },
        },
      },
      '/api/workspace/audit': {
        get: { summary: 'the audit log: every write, who, when, before and after', parameters: queryParams(AuditQuery), responses: { '200': json('the entries'), ...errors } },
      },
    } as Record<string, unknown>,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: schemaOf(ErrorSchema),
        ScenarioInput: schemaOf(ScenarioBody),
        ImportInput: schemaOf(ImportBody),
        CurateRequest: schemaOf(CurateRequest),
        EvidenceRef: {
          type: 'object',
          description: 'a citation: a key of the answer\'s `sources`, the passage cited in it, and what the citing data file adds',
          properties: { source: { type: 'string' }, passage: { type: 'string' }, accessed: { type: 'string' }, note: { type: 'string' } },
        },
        Dist: {
          type: 'object',
          description: 'a distribution over positions',
          properties: { yes: { type: 'number' }, no: { type: 'number' }, abstain: { type: 'number' }, absent: { type: 'number' } },
        },
        // An answer, not an input: described, not validated (it is built by src/case/views.ts caseDetails).
        CaseDetails: {
          type: 'object',
          properties: {
            candidate: { type: 'string' },
            organization: { type: 'string' },
            asOf: { type: 'string', format: 'date' },
            fixed: { type: 'object', additionalProperties: { type: 'boolean' } },
            counter: { type: 'object' },
            probability: { type: 'number', description: 'P(admission); exact or estimated, as method says' },
            stageProbabilities: { type: 'object', additionalProperties: { type: 'number' } },
            method: { type: 'object', description: "{kind: 'exact', drivers} or {kind: 'monte-carlo', drivers, samples, standardError, stageStandardErrors, seed}" },
            sensitivity: { type: 'array', description: '{driver, name, delta, whenTrue, whenFalse}, largest |delta| first' },
            whatItTakes: { type: 'object', description: 'stance changes per stage and for the procedure; the fewest driver settings' },
            evaluation: {
              type: 'object',
              description:
                "every voter at its most likely position in the most likely scenario: the drivers assumed, status, timeline, sources, and stages with tally, required arithmetic, outcome, margin and blockers (each voter's position is in `voters`, the ties in `ties`)",
            },
            voters: {
              type: 'array',
              description: 'per stage, who sits and with how many seats; each voter\'s position at the stage is its entry in `positions`',
              items: {
                type: 'object',
                properties: {
                  stage: { type: 'string' },
                  applies: { type: 'boolean' },
                  voters: {
                    type: 'object',
                    description: "seats by state code, in the body's order; absent when the dataset cannot name the body's members",
                    additionalProperties: { type: 'integer' },
                  },
                },
              },
            },
            positions: {
              type: 'array',
              description: "each state's position, once for all the stages where it holds one stance; a state whose stances are limited to stages has one per stance, each naming its `stages`",
              items: {
                type: 'object',
                properties: {
                  state: { type: 'string' },
                  stages: { type: 'array', items: { type: 'string' }, description: 'only for a state with several positions: where this one is its own' },
                  dist: { $ref: '#/components/schemas/Dist', description: 'over all scenarios: the uncertain drivers averaged out' },
                  scenario: { $ref: '#/components/schemas/Dist', description: 'in the most likely scenario' },
                  position: { type: 'string', enum: ['yes', 'no', 'abstain', 'absent'], description: "the most likely position in the scenario: what the evaluation's tally counts" },
                  recognition: { type: 'string' },
                  stance: { type: 'string', description: 'key in `stances`' },
                },
              },
            },
            stances: {
              type: 'object',
              description: "every stance the voters hold, once, by id: the state's code for its own stance (ES, ES@invitation when limited to stages), default:<recognition> for a default, not-taken, none",
              additionalProperties: {
                type: 'object',
                properties: {
                  origin: { type: 'string', enum: ['stance', 'default', 'none'] },
                  basis: { type: 'string', description: 'for a default: why it is reasonable' },
                  note: { type: 'string' },
                  sources: { type: 'array', description: 'source references (an id, a URL, or {source, passage, accessed, note})' },
                  drivers: { type: 'array', items: { type: 'string' }, description: 'the drivers the stance depends on' },
                },
              },
            },
            drivers: { type: 'array', description: '{id, name, p, fixed?, note?, evidence: [EvidenceRef]}' },
            ties: { type: 'array', description: '{id, name, kind, since?, until?, active, note?, evidence: [EvidenceRef]}' },
            stanceEvidence: { type: 'object', description: 'by state code', additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/EvidenceRef' } } },
            statusEvidence: { type: 'array', items: { $ref: '#/components/schemas/EvidenceRef' } },
            sources: {
              type: 'object',
              description: 'every document the evidence cites, once, by the id its citations name',
              additionalProperties: {
                type: 'object',
                properties: {
                  title: { type: 'string' },
                  outlet: { type: 'string' },
                  author: { type: 'string' },
                  date: { type: 'string' },
                  url: { type: 'string' },
                  document: { type: 'string' },
                  dateUnverified: { type: 'boolean', description: 'the date was inferred, not read on the source' },
                  passages: { type: 'object', description: 'the passages cited, by id', additionalProperties: { type: 'object', properties: { quote: { type: 'string' }, speaker: { type: 'string' } } } },
                },
              },
            },
          },
        },
      },
    },
  };
}
