import { rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { DRAWER_AUDIT_ACTION, PrintApiServer } from '../../src-main/print/api/print-api-server.ts';
import { matchRoute, PRINT_API_ROUTES, PRINT_API_SCOPES, scopeRefusal, type PrintApiRoute } from '../../src-main/print/api/print-api-routes.ts';
import { drawerPulse } from '../../src-main/print/drawer/drawer-pulse.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { openPrintingRig, ticketBytes } from '../print/delivery/helpers.ts';
import { startPrintApiProcess, type PrintApiProcess } from './print-api-process.ts';

const cleanups = cleanUpAfterEach();

interface Answer {
  status: number | 'reset';
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends exactly these bytes and reads the answer until the server closes (requests say Connection: close). */
function rawRequest(port: number, parts: (string | Buffer)[]): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = (reset: boolean) => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : reset ? 'reset' : 0, headers: {}, text });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => done(true));
    socket.on('close', () => done(false));
    socket.on('connect', () => {
      for (const part of parts) socket.write(part);
    });
  });
}

/** A request with full control of the headers (fetch will not send another Host). */
function call(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ status: 'reset', headers: {}, text: '' }));
    });
    req.on('error', () => resolve({ status: 'reset', headers: {}, text: '' }));
    req.end(options.body);
  });
}

/** The promises every answer keeps: JSON with a sentence, no stack trace, no path of this computer. */
function expectCleanRefusal(answer: Answer, dataDir?: string): void {
  expect(answer.text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(answer.text).not.toContain(tmpdir());
  if (dataDir) expect(answer.text).not.toContain(dataDir);
  expect(answer.text).not.toMatch(/\/work\/|\/home\/|src-main/);
  const body = JSON.parse(answer.text.slice(answer.text.indexOf('{'))) as { error: { code: string; message: string } };
  expect(body.error.message).toMatch(/^[A-Z'"].*[.?)]$/s);
}

describe('print API in its own process: no single request takes it down', () => {
  let api: PrintApiProcess;

  async function start(): Promise<PrintApiProcess> {
    const temp = openTempBoxOffice();
    temp.office.close();
    api = await startPrintApiProcess(temp.dataDir);
    cleanups.push(() => temp.dispose());
    cleanups.push(() => api.stop());
    return api;
  }

  const get = (path: string, token: string, host = '127.0.0.1') =>
    `GET ${path} HTTP/1.1\r\nHost: ${host}:${api.port}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`;

  it('answers 400 to malformed escapes (GET /v1/layouts/%E0%A4%A/preview.png answered 500)', async () => {
    const { port, token } = await start();
    for (const path of ['/v1/layouts/%E0%A4%A/preview.png', '/%E0%A4%A', '/v1/jobs/%', '/v1/%zz']) {
      const answer = await rawRequest(port, [get(path, token)]);
      expect(answer.status, path).toBe(400);
      expect(answer.text).toMatch(/broken %-escape/);
      expectCleanRefusal(answer);
    }
    expect((await rawRequest(port, [get('/v1/printers', token)])).status).toBe(200);
    expect(api.alive()).toBe(true);
  });

  it('refuses a chunked body over the limit without crashing, and keeps serving', async () => {
    const { port, token } = await start();
    const megabyte = Buffer.alloc(1024 * 1024, 0x41);
    const parts: (string | Buffer)[] = [
      `POST /v1/jobs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    ];
    for (let i = 0; i < 10; i++) parts.push(`${megabyte.length.toString(16)}\r\n`, megabyte, '\r\n');
    parts.push('0\r\n\r\n');
    const answer = await rawRequest(port, parts);
    // The 413 is written while the client is still sending; whether it reads it before the reset is the client's luck.
    if (answer.status !== 'reset') expect(answer.status).toBe(413);
    // Twice more, then the server must still answer and its process still run.
    await rawRequest(port, parts);
    await rawRequest(port, parts);
    const after = await rawRequest(port, [get('/v1/printers', token)]);
    expect(after.status).toBe(200);
    expect(api.alive()).toBe(true);
    expect(api.stderr()).not.toMatch(/TypeError|Uncaught|node:internal/);
  });
});

describe('print API in the box office', () => {
  async function rig() {
    const r = await openPrintingRig({ service: { api: { port: 0 } } });
    cleanups.push(() => r.dispose());
    await r.service.started;
    return { rig: r, port: r.service.api!.port!, token: r.service.apiSettings().token };
  }

  it('answers only to its own names: a rebinding Host (with a matching Origin) is refused, upgrades included', async () => {
    const { port, token } = await rig();
    const auth = { authorization: `Bearer ${token}` };
    const refused: Record<string, string>[] = [
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      { host: `evil.example:${port}` },
      { host: `127.0.0.1:${port}`, origin: `http://evil.example:${port}` },
      { host: `127.0.0.1:${port}`, origin: 'null' },
      { host: `127.0.0.1:${port + 1}` },
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    ];
    for (const headers of refused) {
      const answer = await call(port, { path: '/v1/printers', headers: { ...auth, ...headers } });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expectCleanRefusal(answer);
    }
    const accepted: Record<string, string>[] = [{ host: `127.0.0.1:${port}` }, { host: `localhost:${port}`, origin: `http://localhost:${port}` }, { host: `[::1]:${port}` }];
    for (const headers of accepted) {
      expect((await call(port, { path: '/v1/printers', headers: { ...auth, ...headers } })).status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('declares a scope for every route in one table, serves exactly those routes, and checks the scope first', async () => {
    const { rig: r, port, token } = await rig();
    const server = new PrintApiServer(r.service);
    expect(Object.keys(server.handlers).sort()).toEqual(Object.keys(PRINT_API_ROUTES).sort());
    for (const [name, route] of Object.entries(PRINT_API_ROUTES) as [string, PrintApiRoute][]) {
      expect(PRINT_API_SCOPES, name).toContain(route.scope);
      const path = `/v1${route.path.replace(':id', 'ticket-80mm')}`;
      const segments = path.split('/').filter(Boolean).slice(1);
      expect(matchRoute(route.method, segments)).toMatchObject({ kind: 'route', name });
      // Without the route's scope the caller is refused with a sentence; with every scope it is not.
      const without = new Set(PRINT_API_SCOPES.filter((s) => s !== route.scope));
      expect(scopeRefusal(route, without)).toMatch(new RegExp(`needs the '${route.scope}' scope`));
      expect(scopeRefusal(route, new Set(PRINT_API_SCOPES))).toBeNull();
      // The station's token reaches the handler: whatever it answers, it is not "no such route".
      const answer = await call(port, {
        method: route.method,
        path,
        headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: route.method === 'POST' ? JSON.stringify({ bytes: ticketBytes(1).toString('base64') }) : undefined,
      });
      const where = `${route.method} ${route.path}: ${answer.text.slice(0, 200)}`;
      expect(answer.status, where).not.toBe(405);
      expect(answer.status, where).toBeLessThan(500);
      expect(answer.text, where).not.toMatch(/There is nothing at/);
    }
    expect(matchRoute('GET', ['drawer'])).toEqual({ kind: 'none' });
    expect(matchRoute('DELETE', ['printers'])).toEqual({ kind: 'wrong-method', allowed: ['GET'] });
  });

  it("catches every route's failure and answers it with a sentence, no stack and no path", async () => {
    const { rig: r, port, token } = await rig();
    // Real failures under every handler: the printers' and jobs' tables are gone from the station
    // database, and the venue's layouts folder is an ordinary file.
    r.office.station.$client.exec('drop table print_jobs; drop table printers;');
    rmSync(join(r.dataDir, 'layouts'), { recursive: true, force: true });
    writeFileSync(join(r.dataDir, 'layouts'), 'not a folder');
    for (const route of Object.values(PRINT_API_ROUTES) as PrintApiRoute[]) {
      const answer = await call(port, {
        method: route.method,
        path: `/v1${route.path.replace(':id', 'ticket-80mm')}`,
        headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: route.method === 'POST' ? JSON.stringify({ bytes: ticketBytes(2).toString('base64') }) : undefined,
      });
      // A preview drawn from layouts read before the folder broke may still succeed; all else fails, cleanly.
      if (answer.status === 200 && route.path.includes('preview')) continue;
      expect(answer.status, `${route.method} ${route.path}`).toBeGreaterThanOrEqual(400);
      expectCleanRefusal(answer, r.dataDir);
    }
    expect((await call(port, { path: '/v1/nowhere', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}` } })).status).toBe(404);
  });
});

describe('the cash drawer through the print API (item 11): refused without a reason, audited with one', () => {
  async function rig(type: 'epson' | 'star' = 'epson') {
    const r = await openPrintingRig({ service: { api: { port: 0 } }, printer: { type, drawerPin: 2 } });
    cleanups.push(() => r.dispose());
    await r.service.started;
    const port = r.service.api!.port!;
    const token = r.service.apiSettings().token;
    const submit = (body: Record<string, unknown>) =>
      call(port, {
        method: 'POST',
        path: '/v1/jobs',
        headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const auditRows = () =>
      r.office.records.$client.prepare('select action, station_id, staff_id, details from audit_log where action = ?').all(DRAWER_AUDIT_ACTION) as {
        action: string;
        station_id: string;
        staff_id: string | null;
        details: string;
      }[];
    const jobCount = () => (r.office.station.$client.prepare('select count(*) as n from print_jobs').get() as { n: number }).n;
    return { rig: r, submit, auditRows, jobCount };
  }

  const withPulse = (pulse: Buffer) => Buffer.concat([Buffer.from('\x1b@Kiosk\n'), pulse, Buffer.from('\n')]);

  it('refuses ESC/POS bytes that open the drawer (ESC p, DLE DC4) when no reason is given', async () => {
    const { submit, auditRows, jobCount, rig: r } = await rig('epson');
    for (const pulse of [drawerPulse('epson', 2), Buffer.from([0x1b, 0x70, 0x00]), Buffer.from([0x10, 0x14, 0x01, 0x00, 0x05])]) {
      const answer = await submit({ bytes: withPulse(pulse).toString('base64'), kind: 'ticket' });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.text).error.message).toMatch(/would open the cash drawer .*"drawer": \{"by"/);
    }
    expect(jobCount()).toBe(0);
    expect(auditRows()).toEqual([]);
    expect(r.fake.jobs).toEqual([]);
    // Bytes without a pulse print as before, and need no reason.
    expect((await submit({ bytes: ticketBytes(3).toString('base64') })).status).toBe(201);
  });

  it('prints a pulse given who and why, and writes the opening to the audit log', async () => {
    const { submit, auditRows, rig: r } = await rig('epson');
    const bytes = withPulse(drawerPulse('epson', 2));
    const answer = await submit({ bytes: bytes.toString('base64'), label: 'Float check', drawer: { by: 'Kiosk 2', reason: 'Counting the float at opening' } });
    expect(answer.status).toBe(201);
    const job = (JSON.parse(answer.text) as { job: { id: string } }).job;
    const rows = auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ station_id: r.office.identity.id, staff_id: null });
    expect(JSON.parse(rows[0]!.details)).toMatchObject({
      jobId: job.id,
      printerId: r.printer.id,
      by: 'Kiosk 2',
      reason: 'Counting the float at opening',
      commands: ['ESC p at byte 8'],
      tokenFingerprint: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(rows[0]!.details).not.toContain(r.service.apiSettings().token);
    expect((await r.fake.waitForJobs(1))[0]).toEqual(bytes);
    // A reason must be a reason.
    const vague = await submit({ bytes: bytes.toString('base64'), drawer: { by: 'Kiosk 2', reason: '' } });
    expect(vague.status).toBe(400);
  });

  it("knows Star's forms (BEL, ESC BEL) on a Star printer, without mistaking image data for them", async () => {
    const { submit, auditRows, jobCount } = await rig('star');
    for (const pulse of [drawerPulse('star', 2), drawerPulse('star', 5), Buffer.from([0x07]), Buffer.from([0x1b, 0x07, 0x0b, 0x37])]) {
      const answer = await submit({ bytes: withPulse(pulse).toString('base64') });
      expect(answer.status, pulse.toString('hex')).toBe(403);
    }
    expect(jobCount()).toBe(0);
    // An ESC k band whose pixels happen to contain 07 and 1A bytes is a picture, not a drawer command.
    const band = Buffer.concat([Buffer.from([0x1b, 0x6b, 2, 0]), Buffer.alloc(2 * 24, 0x07).fill(0x1a, 10, 20), Buffer.from('\n')]);
    expect((await submit({ bytes: Buffer.concat([Buffer.from('\x1b@'), band]).toString('base64') })).status).toBe(201);
    expect(auditRows()).toEqual([]);
  });
});
