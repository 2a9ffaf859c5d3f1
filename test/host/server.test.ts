import { afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startHostServer, type HostServer } from '../../src-main/host/server.ts';
import { createHttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import { stations } from '../../src-main/db/records/schema.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

let temp: TempBoxOffice | null = null;
let server: HostServer | null = null;
afterEach(async () => {
  await server?.close();
  temp?.dispose();
  server = null;
  temp = null;
});

async function start(): Promise<{ url: string; temp: TempBoxOffice }> {
  temp = openTempBoxOffice();
  server = await startHostServer({ office: temp.office, port: 0 });
  return { url: server.url, temp };
}

function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(url, { method: 'POST', headers, body });
}

describe('host mode server', () => {
  it('serves the contract over HTTP through the same bridge shape as the preload', async () => {
    const { url } = await start();
    const stationId = ulid();
    const bridge = createHttpBridge(url, { stationId, stationName: 'Window 2', WebSocket: WebSocket as unknown as WebSocketCtor });
    const info = await bridge.getStationInfo({});
    expect(info).toMatchObject({ ok: true, value: { mode: 'host', isEmpty: true } });
    const list = await bridge.listPerformances({});
    expect(list).toEqual({ ok: true, value: [] });
    const registered = temp!.office.records.select().from(stations).all();
    expect(registered.map((s) => s.name).sort()).toEqual(['Box office 1', 'Window 2']);
    bridge.close();
  });

  it('answers bad requests with a status and a sentence, never a crash', async () => {
    const { url } = await start();
    const notJson = await post(`${url}/api/getSeatMap`, '{"performanceId":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/not valid JSON/) } });
    const badField = await post(`${url}/api/getSeatMap`, '{"performanceId":42}');
    expect(badField.status).toBe(400);
    const unknown = await post(`${url}/api/sellEverything`, '{}');
    expect(unknown.status).toBe(404);
    const wrongType = await post(`${url}/api/listPerformances`, '{}', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    const get = await fetch(`${url}/api/listPerformances`);
    expect(get.status).toBe(405);
    const missing = await post(`${url}/api/getSeatMap`, JSON.stringify({ performanceId: ulid() }));
    expect(missing.status).toBe(404);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('refuses requests and sockets from another web site', async () => {
    const { url } = await start();
    const res = await post(`${url}/api/listPerformances`, '{}', { 'content-type': 'application/json', origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${url.replace('http', 'ws')}/events`, { headers: { origin: 'http://evil.example' } });
      ws.on('error', (e) => resolve(e.message));
      ws.on('open', () => resolve('opened'));
    });
    expect(refused).toMatch(/403/);
  });

  it('pushes core events to every connected screen', async () => {
    const { url, temp: t } = await start();
    const a = createHttpBridge(url, { stationId: ulid(), WebSocket: WebSocket as unknown as WebSocketCtor });
    const b = createHttpBridge(url, { stationId: ulid(), WebSocket: WebSocket as unknown as WebSocketCtor });
    const seen: string[] = [];
    const both = new Promise<void>((resolve) => {
      const done = (who: string) => (payload: { reason: string }) => {
        seen.push(`${who}:${payload.reason}`);
        if (seen.length === 2) resolve();
      };
      a.on('performancesChanged', done('a'));
      b.on('performancesChanged', done('b'));
    });
    // Sockets open asynchronously; keep announcing until both screens have heard it.
    const timer = setInterval(() => t.office.bus.emit('performancesChanged', { reason: 'test' }), 50);
    await both;
    clearInterval(timer);
    expect(seen.sort().slice(0, 2).map((s) => s.split(':')[1])).toEqual(['test', 'test']);
    a.close();
    b.close();
  });

  it('serves the built screens with a strict CSP and never a file outside them', async () => {
    temp = openTempBoxOffice();
    const rendererDir = join(temp.dataDir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marquee</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(temp.dataDir, 'secret.txt'), 'not for browsers');
    server = await startHostServer({ office: temp.office, port: 0, rendererDir });
    const index = await fetch(server.url);
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'/);
    expect(index.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(await index.text()).toContain('<title>Marquee</title>');
    const script = await fetch(`${server.url}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const escape = await fetch(`${server.url}/..%2Fsecret.txt`);
    expect(await escape.text()).not.toContain('not for browsers');
    const route = await fetch(`${server.url}/sell/tonight`);
    expect(await route.text()).toContain('<title>Marquee</title>');
  });

  it('will not listen beyond loopback unless told to', async () => {
    temp = openTempBoxOffice();
    await expect(startHostServer({ office: temp.office, host: '0.0.0.0', port: 0 })).rejects.toThrow(/--lan/);
  });

  it('says the host is unreachable in words when it is gone', async () => {
    const { url } = await start();
    await server!.close();
    server = null;
    const bridge = createHttpBridge(url, { stationId: ulid() });
    const result = await bridge.getStationInfo({});
    expect(result).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE', message: expect.stringContaining(url) } });
  });
});
