import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpProblem, isLoopback, refuseForeignCaller } from '../../../src-main/print/api/print-api-server.ts';
import { SubmitJobBody } from '../../../src-main/print/api/print-api-schemas.ts';
import { sampleData } from '../../../src-main/print/render/index.ts';
import { renderedLayouts } from '../../../src-main/print/render-layouts.ts';
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
    expect(isLoopback(undefined)).toBe(false);
    // Test traffic stays on loopback, so the gate itself is checked with the addresses it would see.
    expect(() => refuseForeignCaller('192.168.1.20', false)).toThrow(/only accepts calls from this computer/);
    expect(() => refuseForeignCaller('::ffff:10.0.0.7', false)).toThrow(HttpProblem);
    expect(() => refuseForeignCaller('192.168.1.20', true)).not.toThrow();
    expect(() => refuseForeignCaller('127.0.0.1', false)).not.toThrow();
    try {
      refuseForeignCaller('192.168.1.20', false);
    } catch (error) {
      expect((error as HttpProblem).status).toBe(403);
    }
    // Without the LAN bind the API listens on loopback only, so other machines cannot even connect.
    const { call } = await openApiRig();
    expect(rig!.service.api!.boundAddress).toBe('127.0.0.1');
    expect((await call('/printers')).status).toBe(200);
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

  it('lists layouts, previews one as PNG and prints a layout with data', async () => {
    const { call, rig } = await openApiRig();
    const listed = (await (await call('/layouts')).json()) as { layouts: { id: string; kind: string }[] };
    expect(listed.layouts).toContainEqual({ id: 'ticket-80mm', name: expect.any(String), kind: 'ticket' });

    const preview = await call('/layouts/ticket-80mm/preview.png?widthDots=576');
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await preview.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(576);

    const data = sampleData('ticket');
    const created = await call('/jobs', { method: 'POST', headers: json, body: JSON.stringify({ layout: 'ticket-80mm', data }) });
    expect(created.status).toBe(201);
    const { job } = await read(created);
    expect(job).toMatchObject({ kind: 'ticket', layoutId: 'ticket-80mm', source: 'api' });
    const expected = await renderedLayouts(rig.boxOffice.assets).render('ticket-80mm', data as unknown as Record<string, unknown>, rig.printer);
    expect((await rig.fake.waitForJobs(1))[0]).toEqual(expected);
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
      [post('{"bytes":"%%%%"}'), 400, /The bytes must be standard base64/],
      [post('{"bytes":"AAAA","kind":"poster"}'), 400, /kind/],
      [post('{"bytes":"AAAA","printerId":"x"}'), 400, /The printer is not one Marquee knows/],
      [post('{"bytes":"AAAA","colour":"red"}'), 400, /colour/],
      [post('{"bytes":"AAAA","printerId":"01ARZ3NDEKTSV4RRFFQ69G5FAV"}'), 404, /printer does not exist/],
      [post('{"layout":"no-such-layout","data":{}}'), 404, /no layout called 'no-such-layout'/],
      [post('{"layout":"ticket-80mm"}'), 400, /'data' goes with 'layout'/],
      [post('{"layout":"ticket-80mm","data":{"kind":"receipt"}}'), 400, /prints a ticket, not a receipt/],
      [post('{"layout":"ticket-80mm","data":{"event":42}}'), 400, /does not fit the layout 'ticket-80mm'/],
      [call('/layouts/ticket-80mm/preview.png?widthDots=300'), 400, /Bad preview request/],
      [call('/layouts/nothing/preview.png'), 404, /no layout called 'nothing'/],
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
