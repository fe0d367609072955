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
        get: { summary: 'saved scenarios (workspace)', responses: { '200': json('the scenarios'), '404': errors['404'] } },
        post: {
          summary: 'save a scenario (workspace; a write)',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ScenarioInput' } } } },
          responses: {
            '201': json('the saved scenario'),
            ...errors,
            '401': { description: 'a token is required' },
            '403': { description: 'the server is read-only' },
            '413': { description: 'body over 64 KiB' },
            '415': { description: 'not JSON' },
          },
        },
      },
      '/api/scenarios/{id}': {
        delete: {
          summary: 'delete a saved scenario (workspace; a write)',
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'deleted' }, ...errors, '401': { description: 'a token is required' }, '403': { description: 'read-only' } },
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
            error: { type: 'string', enum: ['bad_request', 'not_found', 'method_not_allowed', 'unauthorized', 'forbidden', 'conflict', 'payload_too_large', 'unsupported_media_type'] },
            detail: { type: 'string' },
            problems: { type: 'array', items: { type: 'object', properties: { param: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
        ScenarioInput: {
          type: 'object',
          required: ['name', 'candidate', 'organization'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 200 },
            candidate: { type: 'string', pattern: '^[A-Z]{2}$' },
            organization: { type: 'string' },
            asOf: { type: 'string', format: 'date' },
            fixed: { type: 'object', additionalProperties: { type: 'boolean' } },
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
