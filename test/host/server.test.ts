import { afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startHostServer, type HostServer } from '../../src-main/host/server.ts';
import { createHttpBridge } from '../../src-shared/http-bridge.ts';
import { stations } from '../../src-main/db/records/schema.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedStaff } from '../sales/fixtures.ts';
import { bridgeFor, registeredToken, signedIn } from './host-client.ts';

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
  server = await startHostServer({ boxOffice: composeForTest(temp.office), port: 0 });
  return { url: server.url, temp };
}

function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(url, { method: 'POST', headers, body });
}

describe('host mode server', () => {
  it('serves the contract over HTTP through the same bridge shape as the preload, as a registered window', async () => {
    const { url } = await start();
    const bridge = bridgeFor(url, 'Window 2');
    const info = await bridge.getStationInfo({});
    expect(info).toMatchObject({ ok: true, value: { mode: 'host', isEmpty: true, stationName: 'Window 2' } });
    expect(bridge.pairing.current()).toMatchObject({ phase: 'paired', pairingCode: null });
    const list = await bridge.listPerformances({});
    // A window on this computer is paired at once; selling needs someone signed in.
    expect(list).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const registered = temp!.office.records.select().from(stations).all();
    expect(registered.map((s) => s.name).sort()).toEqual(['Box office 1', 'Window 2']);
    bridge.close();
  });

  it('answers bad requests with a status and a sentence, never a crash', async () => {
    const { url } = await start();
    const token = await registeredToken(url);
    const json = { 'content-type': 'application/json', 'x-marquee-window': token };
    const notJson = await post(`${url}/api/v1/getStationInfo`, '{"performanceId":', json);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/not valid JSON/) } });
    const badField = await post(`${url}/api/v1/getStationInfo`, '{"performanceId":42}', json);
    expect(badField.status).toBe(400);
    const unknown = await post(`${url}/api/v1/sellEverything`, '{}', json);
    expect(unknown.status).toBe(404);
    const wrongType = await post(`${url}/api/v1/listStaff`, '{}', { ...json, 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    const get = await fetch(`${url}/api/v1/listStaff`, { headers: { 'x-marquee-window': token } });
    expect(get.status).toBe(405);
    const anonymous = await post(`${url}/api/v1/getSeatMap`, JSON.stringify({ performanceId: ulid() }), json);
    expect(anonymous.status).toBe(401);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('refuses requests and sockets from another web site', async () => {
    const { url } = await start();
    const token = await registeredToken(url);
    const res = await post(`${url}/api/v1/listStaff`, '{}', { 'content-type': 'application/json', 'x-marquee-window': token, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${url.replace('http', 'ws')}/events`, { headers: { origin: 'http://evil.example' } });
      ws.on('error', (e) => resolve(e.message));
      ws.on('open', () => resolve('opened'));
    });
    expect(refused).toMatch(/403/);
  });

  it('pushes core events to every signed-in screen', async () => {
    const { url, temp: t } = await start();
    const people = seedStaff(t.office);
    const a = await signedIn(url, people.cashier.staffId, people.pins.cashier);
    const b = await signedIn(url, people.manager.staffId, people.pins.manager);
    const seen: string[] = [];
    const both = new Promise<void>((resolve) => {
      const done = (who: string) => (payload: { reason: string }) => {
        seen.push(`${who}:${payload.reason}`);
        if (new Set(seen.map((s) => s.split(':')[0])).size === 2) resolve();
      };
      a.on('performancesChanged', done('a'));
      b.on('performancesChanged', done('b'));
    });
    // Sockets open asynchronously; keep announcing until both screens have heard it.
    const timer = setInterval(() => t.office.bus.emit('performancesChanged', { reason: 'test' }), 50);
    await both;
    clearInterval(timer);
    expect(seen.every((s) => s.endsWith(':test'))).toBe(true);
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
    server = await startHostServer({ boxOffice: composeForTest(temp.office), port: 0, rendererDir });
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

  it('will not listen beyond loopback unless told to, and then only over TLS', async () => {
    temp = openTempBoxOffice();
    await expect(startHostServer({ boxOffice: composeForTest(temp.office), host: '0.0.0.0', port: 0 })).rejects.toThrow(/--lan/);
    await expect(startHostServer({ boxOffice: composeForTest(temp.office), host: '0.0.0.0', port: 0, allowLan: true })).rejects.toThrow(/TLS/);
  });

  it('says the host is unreachable in words when it is gone', async () => {
    const { url } = await start();
    await server!.close();
    server = null;
    const bridge = createHttpBridge(url);
    const result = await bridge.getStationInfo({});
    expect(result).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE', message: expect.stringContaining(url) } });
  });
});
