import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument, schemaOf } from '../../src-main/host/openapi-document.ts';
import { OPENAPI_PATH } from '../../src-main/host/openapi-route.ts';
import { sourceRoot } from '../../src-main/paths.ts';
import { procedures } from '../../src-shared/contract/index.ts';
import { SESSION_HEADER, WINDOW_HEADER } from '../../src-shared/http-bridge.ts';
import { callAs, registeredToken, startTestHost, type TestHost } from '../host/host-client.ts';

type Operation = { operationId: string; 'x-access': string; requestBody: unknown; responses: Record<string, unknown> };
const document = buildOpenApiDocument() as { paths: Record<string, { post: Operation }> };

describe('the OpenAPI document made from the contract', () => {
  it('has one POST path under /api/v1 for every procedure, with who may call it', () => {
    const names = Object.keys(procedures).sort();
    expect(Object.keys(document.paths).sort()).toEqual(names.map((name) => `/api/v1/${name}`).sort());
    for (const name of names) {
      const op = document.paths[`/api/v1/${name}`]!.post;
      expect(op.operationId).toBe(name);
      expect(op['x-access']).toBe(procedures[name as keyof typeof procedures].access);
      expect(op.requestBody).toBeTruthy();
      expect(op.responses['200']).toBeTruthy();
    }
  });

  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('gives every request and answer a schema JSON Schema 2020-12 accepts (the OpenAPI check does not look inside them)', () => {
    const ajv = new Ajv2020();
    const refusals: string[] = [];
    for (const [path, { post }] of Object.entries(document.paths)) {
      const sides = { request: post.requestBody, answer: post.responses['200'] } as Record<string, { content: { 'application/json': { schema: object } } }>;
      for (const [side, body] of Object.entries(sides)) {
        // Against the 2020-12 meta-schema: a schema with `type: 42` or a broken `required` fails here.
        if (!ajv.validateSchema(body.content['application/json'].schema)) refusals.push(`${path} ${side}: ${ajv.errorsText()}`);
      }
    }
    expect(refusals).toEqual([]);
  });

  it('says what travels instead of the zod types JSON cannot carry, rather than dropping them', () => {
    const shape = z.object({ at: z.date(), big: z.bigint(), worked: z.string().transform((s) => s.length) });
    expect(schemaOf(shape, 'input')).toMatchObject({
      properties: { at: { type: 'string', format: 'date-time', 'x-zod-type': 'date' }, big: { type: 'string', 'x-zod-type': 'bigint' }, worked: { type: 'string' } },
    });
    expect(schemaOf(shape, 'output')).toMatchObject({ properties: { worked: { 'x-zod-type': 'transform' } } });
  });

  it('is the document written to docs/api by npm run docs:api (run it after changing the contract)', () => {
    const written = JSON.parse(readFileSync(join(sourceRoot, 'docs', 'api', 'openapi.json'), 'utf8')) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe('the document served by the host', () => {
  let host: TestHost;
  let token: string;
  beforeAll(async () => {
    host = await startTestHost();
    token = await registeredToken(host.url);
  });
  afterAll(() => host.close());

  async function ask(session: string | null, windowToken: string | null = token) {
    const headers: Record<string, string> = {};
    if (windowToken) headers[WINDOW_HEADER] = windowToken;
    if (session) headers[SESSION_HEADER] = session;
    const res = await fetch(`${host.url}${OPENAPI_PATH}`, { headers });
    return { status: res.status, body: (await res.json()) as { ok?: boolean; error?: { code: string; message: string }; openapi?: string } };
  }

  async function sessionOf(staffId: string, pin: string): Promise<string> {
    const signIn = await callAs(host.url, 'signIn', { staffId, pin }, { token });
    expect(signIn.body.ok).toBe(true);
    return signIn.session!;
  }

  it('gives it to a signed-in manager', async () => {
    const answer = await ask(await sessionOf(host.people.manager.staffId, host.people.pins.manager));
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
  });

  it('refuses a cashier, a window nobody signed in at, and a caller with no window', async () => {
    const cashier = await ask(await sessionOf(host.people.cashier.staffId, host.people.pins.cashier));
    expect(cashier).toEqual({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: 'The API document is for managers; Cass Cashier is signed in as a cashier.', details: { needed: 'manager' } } } });
    expect(await ask(null)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await ask(null, null)).toMatchObject({ status: 403, body: { error: { code: 'NOT_PAIRED' } } });
  });
});
