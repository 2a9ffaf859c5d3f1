import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { startTestHost, type TestHost } from './host-client.ts';

/**
 * Given a certificate, host mode serves HTTPS and WSS: the same registration, calls and event
 * socket, and the fingerprint it reports is the certificate's. (Making and keeping certificates is
 * src-main/host/tls.ts's business; here openssl makes a throwaway one.)
 */

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

function throwawayCertificate(): { cert: string; key: string } {
  const dir = makeTempDir('marquee-tls-');
  const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
    { stdio: 'ignore' },
  );
  const pair = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

function post(url: string, path: string, ca: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', ca, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

it('serves registration, calls and the event socket over TLS when given a certificate', async () => {
  const tls = throwawayCertificate();
  host = await startTestHost({ tls });
  expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(host.server.fingerprint).toBe(new X509Certificate(tls.cert).fingerprint256);

  const registered = (await post(host.url, '/window/register', tls.cert, { name: 'Secure till' })).json as { ok: true; value: { token: string; fingerprint: string } };
  expect(registered).toMatchObject({ ok: true, value: { fingerprint: host.server.fingerprint } });
  const staff = await post(host.url, '/api/v1/listStaff', tls.cert, {}, { 'x-marquee-window': registered.value.token });
  expect(staff).toMatchObject({ status: 200, json: { ok: true } });

  const ready = await new Promise<string>((resolve, reject) => {
    const ws = new WebSocket(`${host!.url.replace('https', 'wss')}/events`, { ca: tls.cert });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', window: registered.value.token, session: null })));
    ws.on('message', (data) => {
      ws.close();
      resolve(String(data));
    });
    ws.on('error', reject);
  });
  expect(JSON.parse(ready)).toEqual({ type: 'ready' });

  // The plain-HTTP Origin of the same name is another site to an HTTPS host.
  const { port } = new URL(host.url);
  const mixed = await post(host.url, '/api/v1/listStaff', tls.cert, {}, { 'x-marquee-window': registered.value.token, origin: `http://127.0.0.1:${port}` });
  expect(mixed.status).toBe(403);
});
