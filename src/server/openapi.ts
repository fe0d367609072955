// The OpenAPI document served at /api/openapi.json: every endpoint the pages use, with its parameters.

const scenarioParams = [
  { name: 'v', in: 'query', required: false, schema: { type: 'string', enum: ['1'] }, description: 'link format version (older versions are migrated)' },
  { name: 'as', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'the as-of day, YYYY-MM-DD (default: today, UTC)' },
  { name: 'on', in: 'query', required: false, schema: { type: 'string' }, description: 'drivers fixed true, joined with "~"' },
  { name: 'off', in: 'query', required: false, schema: { type: 'string' }, description: 'drivers fixed false, joined with "~"' },
];
const asOfParam = { name: 'as', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'the as-of day, YYYY-MM-DD (default: today, UTC)' };
const caseParams = [
  { name: 'candidate', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{2}$' }, example: 'XK' },
  { name: 'org', in: 'path', required: true, schema: { type: 'string' }, example: 'nato' },
];
const errors = {
  '400': { description: 'bad input: the reason is in the body', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'unknown case, state or organization', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const writeErrors = {
  '401': { description: 'a token is required', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '403': { description: 'the server is read-only, or the request came from another origin', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '409': { description: 'changed since the version given (current version and who changed it in `current`)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '413': { description: 'body too large', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '415': { description: 'not JSON', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};
const json = (description: string, schema: object = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'accede',
      version: '1',
      description:
        'What does it take for a state to join an international organization? Reads are open. Writes (the workspace) need a token when the server ' +
        'listens on a non-loopback address, and are refused there without one. Every error is a 4xx JSON body {error, detail}.',
    },
    paths: {
      '/api/health': { get: { summary: 'liveness and whether writes are enabled', responses: { '200': json('ok') } } },
      '/api/dataset': { get: { summary: 'the whole dataset as JSON (what the browser app computes from)', responses: { '200': json('the dataset'), '304': { description: 'not modified (ETag)' } } } },
      '/api/overview': {
        get: { summary: 'candidates × organizations: status, verdict and recognition counter per case', parameters: [asOfParam], responses: { '200': json('the overview'), ...errors } },
      },
      '/api/cases': { get: { summary: 'every case with its summary', parameters: [asOfParam], responses: { '200': json('the cases'), ...errors } } },
      '/api/cases/{candidate}/{org}': {
        get: {
          summary: 'one case: evaluation, every voter at every stage, drivers, ties and the evidence for each',
          parameters: [...caseParams, ...scenarioParams],
          responses: { '200': json('the case', { $ref: '#/components/schemas/CaseDetails' }), ...errors },
        },
      },
      '/case/{candidate}/{org}.csv': {
        get: {
          summary: 'download: one row per voter per stage; byte-identical to `accede evaluate CANDIDATE ORG --csv` with the same --as-of and --set',
          parameters: [...caseParams, ...scenarioParams],
          responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors },
        },
      },
      '/case/{candidate}/{org}.json': {
        get: {
          summary: 'download: the evaluation; byte-identical to `accede evaluate CANDIDATE ORG --json` with the same --as-of and --set',
          parameters: [...caseParams, ...scenarioParams],
          responses: { '200': json('the evaluation'), ...errors },
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
          responses: { '200': json('the track record') },
        },
      },
      '/api/states/{code}': {
        get: {
          summary: "one state's stances across every case, with sources",
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{2}$' }, example: 'ES' }, asOfParam],
          responses: { '200': json('the state'), ...errors },
        },
      },
      '/api/organizations/{id}': {
        get: {
          summary: 'an organization and its members on the day',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'nato' }, asOfParam],
          responses: { '200': json('the organization'), ...errors },
        },
      },
      '/api/scenarios': {
        get: {
          summary: 'saved scenarios (workspace)',
          parameters: [
            { name: 'candidate', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'organization', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: { '200': json('the scenarios'), '404': errors['404'] },
        },
        post: {
          summary: 'save a scenario, or update one (with id and expectedVersion) — a write',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ScenarioInput' } } } },
          responses: { '201': json('created'), '200': json('updated'), ...errors, ...writeErrors },
        },
      },
      '/api/scenarios/{id}': {
        get: { summary: 'a saved scenario', parameters: [idParam], responses: { '200': json('the scenario'), ...errors } },
        delete: {
          summary: 'delete a saved scenario — a write',
          security: [{ bearer: [] }],
          parameters: [
            idParam,
            { name: 'who', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'expectedVersion', in: 'query', required: false, schema: { type: 'integer' } },
          ],
          responses: { '204': { description: 'deleted' }, ...errors, ...writeErrors },
        },
      },
      '/api/workspace/documents': {
        get: { summary: 'imported documents with their item counts', responses: { '200': json('the documents'), '404': errors['404'] } },
        post: {
          summary: 'import a text and extract its quotes, mentions and conditional claims — a write',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['text', 'who'],
                  properties: {
                    text: { type: 'string' },
                    who: { type: 'string' },
                    meta: { type: 'object', properties: { title: { type: 'string' }, outlet: { type: 'string' }, author: { type: 'string' }, date: { type: 'string' }, url: { type: 'string' }, language: { type: 'string' } } },
                  },
                },
              },
            },
          },
          responses: { '201': json('imported'), '200': json('already imported'), ...errors, ...writeErrors },
        },
      },
      '/api/workspace/documents/{id}': { get: { summary: 'a document: its text and every item', parameters: [idParam], responses: { '200': json('the document'), ...errors } } },
      '/api/workspace/items': {
        get: {
          summary: 'items, filtered',
          parameters: [
            { name: 'document', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['pending', 'accepted', 'rejected'] } },
            { name: 'kind', in: 'query', required: false, schema: { type: 'string', enum: ['quote', 'mention', 'claim'] } },
          ],
          responses: { '200': json('the items'), ...errors },
        },
      },
      '/api/workspace/items/{id}': { get: { summary: 'an item with its version', parameters: [idParam], responses: { '200': json('the item'), ...errors } } },
      '/api/workspace/items/{id}/curate': {
        post: {
          summary: 'accept, reject, reset, edit, link or unlink an item, from the version last read — a write; 409 if it changed since',
          security: [{ bearer: [] }],
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CurateRequest' } } } },
          responses: { '200': json('the item at its new version'), ...errors, ...writeErrors },
        },
      },
      '/api/workspace/audit': {
        get: {
          summary: 'the audit log: every write, who, when, before and after',
          parameters: [
            { name: 'entity', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'after', in: 'query', required: false, schema: { type: 'integer' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', maximum: 10000 } },
          ],
          responses: { '200': json('the entries'), ...errors },
        },
      },
    } as Record<string, unknown>,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'detail'],
          properties: {
            error: { type: 'string', enum: ['bad_request', 'not_found', 'method_not_allowed', 'unauthorized', 'forbidden', 'conflict', 'payload_too_large', 'unsupported_media_type', 'busy'] },
            detail: { type: 'string' },
            current: { type: 'object', properties: { version: { type: 'integer' }, updatedBy: { type: 'string' }, updatedAt: { type: 'string' } } },
            problems: { type: 'array', items: { type: 'object', properties: { param: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
        ScenarioInput: {
          type: 'object',
          required: ['name', 'candidate', 'organization'],
          additionalProperties: false,
          properties: {
            id: { type: 'string' },
            name: { type: 'string', maxLength: 200 },
            candidate: { type: 'string', pattern: '^[A-Z]{2}$' },
            organization: { type: 'string' },
            asOf: { type: 'string', format: 'date' },
            fixed: { type: 'object', additionalProperties: { type: 'boolean' } },
            expectedVersion: { type: 'integer' },
            who: { type: 'string' },
          },
        },
        CurateRequest: {
          type: 'object',
          required: ['action', 'expectedVersion', 'who'],
          properties: {
            action: { type: 'string', enum: ['accept', 'reject', 'reset', 'edit', 'link', 'unlink'] },
            expectedVersion: { type: 'integer' },
            who: { type: 'string' },
            edit: { type: 'object', description: 'for edit: start, end, speaker {name, role, affiliation}, kind (direct|indirect), code, note' },
            link: { type: 'string', pattern: '^[A-Z]{2}/[a-z0-9-]+/(stance|driver|tie):[A-Za-z0-9-]+$', description: 'for link/unlink' },
          },
        },
        CaseDetails: {
          type: 'object',
          properties: {
            candidate: { type: 'string' },
            organization: { type: 'string' },
            asOf: { type: 'string', format: 'date' },
            fixed: { type: 'object', additionalProperties: { type: 'boolean' } },
            counter: { type: 'object' },
            probability: { type: 'number', description: 'P(admission), exact' },
            stageProbabilities: { type: 'object', additionalProperties: { type: 'number' } },
            sensitivity: { type: 'array', description: '{driver, name, delta, whenTrue, whenFalse}, largest |delta| first' },
            whatItTakes: { type: 'object', description: 'stance changes per stage and for the procedure; the fewest driver settings' },
            evaluation: { type: 'object', description: 'stages with tally, required arithmetic, outcome, margin, blockers and voters' },
            voters: { type: 'array', description: 'per stage, every voter with its position distribution (uncertain drivers averaged out), origin and sources' },
            drivers: { type: 'array' },
            ties: { type: 'array' },
            stanceEvidence: { type: 'object' },
          },
        },
      },
    },
  };
}
