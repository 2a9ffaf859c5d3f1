import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { raw, registeredToken, startTestHost, type TestHost } from '../host/host-client.ts';

/**
 * Finding (DNS rebinding): the Origin check compared Origin with Host, so a page on evil.example
 * whose name had been pointed at 127.0.0.1 sent `Host: evil.example:5180` with a matching Origin
 * and was let in, WebSocket upgrade included. The host now answers only to loopback names and the
 * names it was started with, on its own port.
 */

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

function upgrade(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/events`, { headers });
    ws.on('error', (e) => resolve(e.message));
    ws.on('open', () => {
      ws.close();
      resolve('opened');
    });
  });
}

describe('names the host answers to', () => {
  it('refuses a rebound Host with a matching Origin on every path', async () => {
    host = await startTestHost({ screens: true });
    const { port } = new URL(host.url);
    const token = await registeredToken(host.url);
    const evil = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    const tries = [
      await raw(host.url, { path: '/', headers: evil }),
      await raw(host.url, { path: '/healthz', headers: evil }),
      await raw(host.url, { method: 'POST', path: '/window/register', headers: { ...evil, 'content-type': 'application/json' }, body: '{}' }),
      await raw(host.url, {
        method: 'POST',
        path: '/api/v1/listStaff',
        headers: { ...evil, 'content-type': 'application/json', 'x-marquee-window': token },
        body: '{}',
      }),
      // No Origin at all (a plain navigation of the rebound name) is refused by Host alone.
      await raw(host.url, { path: '/', headers: { host: `evil.example:${port}` } }),
    ];
    for (const answer of tries) {
      expect(answer.status).toBe(403);
      expect(answer.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(answer.text).not.toContain('<title>Marquee</title>');
    }
  });

  it('refuses a rebound WebSocket upgrade, and one from another site', async () => {
    host = await startTestHost();
    const { port } = new URL(host.url);
    expect(await upgrade(host.url, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toMatch(/403/);
    expect(await upgrade(host.url, { origin: 'http://evil.example' })).toMatch(/403/);
    expect(await upgrade(host.url, { origin: `http://127.0.0.1:${Number(port) + 1}` })).toMatch(/403/);
    expect(await upgrade(host.url, {})).toBe('opened');
    expect(await upgrade(host.url, { host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe('opened');
  });

  it('refuses the right name on the wrong port, a missing Host, and an Origin of another scheme', async () => {
    host = await startTestHost();
    const { port } = new URL(host.url);
    const wrongPort = await raw(host.url, { path: '/healthz', headers: { host: `127.0.0.1:${Number(port) + 1}` } });
    expect(wrongPort.status).toBe(403);
    const noHost = await raw(host.url, { path: '/healthz', headers: { host: '' } });
    expect(noHost.status).toBeGreaterThanOrEqual(400);
    const https = await raw(host.url, { path: '/healthz', headers: { origin: `https://127.0.0.1:${port}` } });
    expect(https.status).toBe(403);
    // Loopback under any of its names, with its own Origin, is this computer's browser.
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const ok = await raw(host.url, { path: '/healthz', headers: { host: `${name}:${port}`, origin: `http://${name}:${port}` } });
      expect(ok.status, name).toBe(200);
    }
  });

  it('answers names it was started with, and still no others', async () => {
    host = await startTestHost({ names: ['boxoffice.theatre.lan'] });
    const { port } = new URL(host.url);
    const named = await raw(host.url, { path: '/healthz', headers: { host: `boxoffice.theatre.lan:${port}`, origin: `http://boxoffice.theatre.lan:${port}` } });
    expect(named.status).toBe(200);
    const other = await raw(host.url, { path: '/healthz', headers: { host: `theatre.lan:${port}` } });
    expect(other.status).toBe(403);
  });
});
