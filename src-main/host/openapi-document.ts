import { z } from 'zod';
import { procedures, type ProcedureName } from '../../src-shared/contract/index.ts';
import { errorCodes } from '../../src-shared/errors.ts';
import { SESSION_HEADER, WINDOW_HEADER } from '../../src-shared/http-bridge.ts';
import { API_V1_PREFIX, CONTRACT_VERSION, MARQUEE_VERSION, VERSION_HEADER } from '../../src-shared/version.ts';

type JsonSchema = Record<string, unknown>;

/**
 * zod types JSON cannot carry, each said explicitly rather than dropped: what travels on the wire
 * instead (a Date crosses JSON as its ISO string, a bigint as a string of digits), or "any JSON"
 * with a note for what has no JSON form at all (a custom check, a function).
 */
const OVER_THE_WIRE: Record<string, JsonSchema> = {
  date: { type: 'string', format: 'date-time', description: 'A point in time, sent as its ISO 8601 text.' },
  bigint: { type: 'string', pattern: '^-?\\d+$', description: 'A whole number too large for JSON, sent as digits.' },
  custom: { description: 'Checked by the host in code; any JSON value is read.' },
  transform: { description: 'Worked out by the host in code; any JSON value.' },
  function: { description: 'Not carried over HTTP.' },
  symbol: { description: 'Not carried over HTTP.' },
  map: { type: 'object', description: 'Sent as an object.' },
  set: { type: 'array', description: 'Sent as an array.' },
  nan: { description: 'Not a number; JSON carries it as null.' },
  undefined: { description: 'Nothing: the field is left out.' },
  void: { description: 'Nothing.' },
};

/** One side of a procedure as JSON Schema (OpenAPI 3.1 speaks JSON Schema 2020-12). */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    // Repeated shapes stay inline: a $ref into a schema's own $defs would be read against the
    // whole document by OpenAPI tools.
    reused: 'inline',
    override(ctx) {
      const kind = (ctx.zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      const wire = OVER_THE_WIRE[kind];
      if (wire) Object.assign(ctx.jsonSchema, wire, { 'x-zod-type': kind });
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

const ACCESS_WORDS = {
  public: 'Anyone at a paired window, signed in or not.',
  setup: 'Anyone while the installation has no staff yet; after that an admin.',
  cashier: 'A signed-in cashier, manager or admin.',
  manager: 'A signed-in manager or admin.',
  admin: 'A signed-in admin.',
} as const;

const errorEnvelope: JsonSchema = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...errorCodes] },
        message: { type: 'string', description: 'A sentence for the person at the window.' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
};

function operation(name: ProcedureName): JsonSchema {
  const def = procedures[name];
  const signedIn = def.access === 'public' || def.access === 'setup' ? [{ window: [] }] : [{ window: [], session: [] }];
  return {
    post: {
      operationId: name,
      summary: def.summary,
      description: `Who may call: ${ACCESS_WORDS[def.access]}`,
      'x-access': def.access,
      security: signedIn,
      requestBody: { required: true, content: { 'application/json': { schema: schemaOf(def.input, 'input') } } },
      responses: {
        '200': {
          description: 'Done: the answer is in `value`.',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['ok', 'value'], properties: { ok: { const: true }, value: schemaOf(def.output, 'output') } },
            },
          },
        },
        default: { description: 'Refused or failed: `error.code` says which, `error.message` why.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Refusal' } } } },
      },
    },
  };
}

/**
 * The HTTP API as OpenAPI 3.1, from the zod contract itself: one path per procedure, so the
 * document cannot drift from what the dispatcher checks. Served to managers (openapi-route.ts)
 * and written to docs/api/openapi.json by `npm run docs:api`.
 */
export function buildOpenApiDocument(): JsonSchema {
  const names = (Object.keys(procedures) as ProcedureName[]).sort();
  const paths: Record<string, JsonSchema> = {};
  for (const name of names) paths[`${API_V1_PREFIX}${name}`] = operation(name);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marquee box office',
      version: MARQUEE_VERSION,
      description:
        `Every procedure of the box office contract (contract ${CONTRACT_VERSION}), as host mode serves it: POST a JSON body, ` +
        `get {ok: true, value} or {ok: false, error: {code, message}}. A window registers once (POST /window/register) for the ` +
        `token it sends as ${WINDOW_HEADER}; signIn answers the session secret in ${SESSION_HEADER}, sent back on every later call. ` +
        `A window may send its own ${VERSION_HEADER} ("0.1.0; contract=1"): one the host cannot serve is refused with VERSION_MISMATCH. ` +
        `x-access on each operation says who may call it.`,
    },
    paths,
    components: {
      securitySchemes: {
        window: { type: 'apiKey', in: 'header', name: WINDOW_HEADER, description: 'The token this host issued the window at registration.' },
        session: { type: 'apiKey', in: 'header', name: SESSION_HEADER, description: 'The session secret signIn answered.' },
      },
      schemas: { Refusal: errorEnvelope },
    },
  };
}
