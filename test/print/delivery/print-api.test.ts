import { get } from 'node:http';
import { networkInterfaces } from 'node:os';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopback } from '../../../src-main/print/api/print-api-server.ts';
import { SubmitJobBody } from '../../../src-main/print/api/print-api-schemas.ts';
import type { PrintJobView, PrinterView } from '../../../src-shared/contract/printing.ts';
import { eventually, openPrintingRig, ticketBytes, type PrintingRig } from './helpers.ts';

let rig: PrintingRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

async function openApiRig(host?: string) {
  rig = await openPrintingRig({ service: { api: { port: 0, host } } });
  await rig.service.started;
  const port = rig.service.api!.port!;
  const token = rig.service.apiSettings().token;
  const base = `http://127.0.0.1:${port}/v1`;
  const call = (path: string, init: RequestInit & { auth?: string | null; base?: string } = {}) => {
    const headers = new Headers(init.headers);
    const auth = init.auth === undefined ? `Bearer ${token}` : init.auth;
    if (auth !== null) headers.set('authorization', auth);
    return fetch(`${init.base ?? base}${path}`, { ...init, headers });
  };
  return { rig, port, token, base, call };
}

const json = { 'content-type': 'application/json' };

interface ApiAnswer {
  error: { code: string; message: string };
  printers: PrinterView[];
  job: PrintJobView;
}
const read = async (response: Response) => (await response.json()) as ApiAnswer;

describe('the local print API', () => {
  it('refuses callers without the token, or with an old one, with 401 and a sentence', async () => {
    const { call, rig } = await openApiRig();
    const none = await call('/printers', { auth: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await read(none)).error.message).toMatch(/Authorization: Bearer <token>/);

    const wrong = await call('/printers', { auth: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect((await read(wrong)).error).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'That print API token is not valid (it may have been rotated); ask a manager for the current one.',
    });

    const ok = await call('/printers');
    expect(ok.status).toBe(200);
    const body = await read(ok);
    expect(body.printers).toHaveLength(1);
    expect(body.printers[0]).toMatchObject({ id: rig.printer.id, name: 'Front desk', widthDots: 576 });

    // Rotating the token locks out the old one at once.
    const rotated = rig.service.rotateApiToken();
    expect((await call('/printers')).status).toBe(401);
    expect((await call('/printers', { auth: `Bearer ${rotated.token}` })).status).toBe(200);
  });

  it('refuses callers from another machine with 403 unless the LAN bind is on', async () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.20')).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!external) return; // a machine with only loopback cannot place a non-loopback call

    // Listening on every interface but with the LAN bind off: a call via the network address is refused.
    const { call, port, token } = await openApiRig('0.0.0.0');
    const remote = `http://${external}:${port}/v1`;
    const refused = await call('/printers', { base: remote });
    expect(refused.status).toBe(403);
    expect((await read(refused)).error.code).toBe('FORBIDDEN');
    expect((await call('/printers')).status).toBe(200);

    await rig!.service.api!.listen({ port, allowLan: true });
    // A fresh connection: the restart closed the ones fetch keeps alive.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${remote}/printers`, { agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(200);
  });

  it('takes raw ESC/POS in base64, prints it and reports the job state', async () => {
    const { call, rig } = await openApiRig();
    const bytes = ticketBytes(42);
    const created = await call('/jobs', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ bytes: bytes.toString('base64'), label: 'Kiosk ticket' }),
    });
    expect(created.status).toBe(201);
    const { job } = await read(created);
    expect(job).toMatchObject({ label: 'Kiosk ticket', source: 'api', kind: 'ticket', bytes: bytes.length });
    expect((await rig.fake.waitForJobs(1))[0]).toEqual(bytes);
    const done = await eventually(
      async () => (await read(await call(`/jobs/${job.id}`))).job,
      (j) => j.state === 'done',
    );
    expect(done.words).toBe('Printed');
    expect((await call('/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
  });

  it('answers bad requests with a 4xx and a JSON message, and keeps serving', async () => {
    const { call } = await openApiRig();
    const post = (body: string, headers: Record<string, string> = json) => call('/jobs', { method: 'POST', headers, body });
    const cases: [Promise<Response>, number, RegExp][] = [
      [post('{not json'), 400, /not valid JSON/],
      [post(''), 400, /body is empty/],
      [post('{"bytes":"AAAA"}', { 'content-type': 'text/plain' }), 415, /application\/json/],
      [post('[]'), 400, /Bad print job/],
      [post('{}'), 400, /either 'layout'/],
      [post('{"bytes":"AAAA","layout":"ticket"}'), 400, /not both/],
      [post('{"bytes":"%%%%"}'), 400, /bytes: must be standard base64/],
      [post('{"bytes":"AAAA","kind":"poster"}'), 400, /kind/],
      [post('{"bytes":"AAAA","printerId":"x"}'), 400, /printerId: must be an id/],
      [post('{"bytes":"AAAA","colour":"red"}'), 400, /colour/],
      [post('{"bytes":"AAAA","printerId":"01ARZ3NDEKTSV4RRFFQ69G5FAV"}'), 404, /printer does not exist/],
      [post('{"layout":"ticket","data":{}}'), 503, /Layouts are not available/],
      [call('/printers', { method: 'DELETE' }), 405, /DELETE is not allowed/],
      [call('/nowhere'), 404, /nothing at/],
      [call('/../v1/printers/x/y/z'), 404, /nothing at/],
    ];
    for (const [pending, status, message] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect((await read(response)).error.message).toMatch(message);
    }

    const big = await post(JSON.stringify({ bytes: 'A'.repeat(9 * 1024 * 1024) }));
    expect(big.status).toBe(413);

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().filter((v) => !SubmitJobBody.safeParse(v).success).map((v) => JSON.stringify(v) ?? 'null'),
          fc.string({ maxLength: 200 }),
        ),
        async (body) => {
          const response = await post(body);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          const answer = await read(response);
          expect(typeof answer.error.message).toBe('string');
        },
      ),
      { numRuns: 60 },
    );
    expect((await call('/printers')).status).toBe(200);
  });

  it('reports a port already in use instead of crashing', async () => {
    const { rig, port } = await openApiRig();
    const settings = await rig.service.setApiSettings({ port, allowLan: false });
    // Listening again on its own port works (it closes first); a second server on it does not.
    expect(settings.running).toBe(true);
    const { PrintApiServer } = await import('../../../src-main/print/api/print-api-server.ts');
    const second = new PrintApiServer(rig.service);
    await second.listen({ port, allowLan: false });
    expect(second.state()).toEqual({
      running: false,
      url: null,
      problem: `Port ${port} is already used by another program; choose another port for the print API.`,
    });
  });
});
