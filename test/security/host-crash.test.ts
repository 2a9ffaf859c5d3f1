import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sourceRoot } from '../../src-main/paths.ts';
import { probe, raw, registeredToken, startTestHost, type RawAnswer, type TestHost } from '../host/host-client.ts';

/**
 * Finding: one GET with no sign-in killed host mode (`/%E0%A4%A` threw out of the static files),
 * and a chunked body over the limit crashed the process. Every request here must be answered
 * with a status and a sentence, and the host must still answer afterwards.
 */

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function stillAnswers(url: string): Promise<void> {
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
}

/** No stack trace and no path of the host machine in anything a request gets back. */
function expectNothingLeaked(answer: RawAnswer, dataDir: string): void {
  expect(answer.text).not.toMatch(/\n\s+at /);
  expect(answer.text).not.toContain(dataDir);
  expect(answer.text).not.toContain(sourceRoot);
}

describe('nothing a request carries takes the host down', () => {
  it('answers a malformed escape with 400, on the screens and on the API, and keeps serving', async () => {
    host = await startTestHost({ screens: true });
    const token = await registeredToken(host.url);
    const answers = [
      await raw(host.url, { path: '/%E0%A4%A' }),
      await raw(host.url, { path: '/assets/%E0%A4%A.js' }),
      await raw(host.url, { path: '/%00' }),
      await raw(host.url, { method: 'POST', path: '/api/v1/%E0%A4%A', headers: { 'content-type': 'application/json', 'x-marquee-window': token }, body: '{}' }),
      await raw(host.url, { method: 'POST', path: '/window/%E0%A4%A', headers: { 'content-type': 'application/json' }, body: '{}' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/not valid/) } });
      expectNothingLeaked(answer, host.temp.dataDir);
    }
    await stillAnswers(host.url);
    expect(await (await fetch(host.url)).text()).toContain('<title>Marquee</title>');
  });

  it('refuses a chunked body over the limit without touching a closed socket, then answers the next request', async () => {
    host = await startTestHost();
    const token = await registeredToken(host.url);
    const megabyte = Buffer.alloc(1024 * 1024, 0x20);
    const tooBig = await raw(host.url, {
      method: 'POST',
      path: '/api/v1/listStaff',
      headers: { 'content-type': 'application/json', 'x-marquee-window': token },
      chunks: Array.from({ length: 27 }, () => megabyte),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('25 MB') } });
    // The registration door takes a name, nothing more.
    const bigRegistration = await raw(host.url, {
      method: 'POST',
      path: '/window/register',
      headers: { 'content-type': 'application/json' },
      chunks: Array.from({ length: 8 }, () => Buffer.alloc(1024, 0x20)),
    });
    expect(bigRegistration.status).toBe(413);
    await stillAnswers(host.url);
    const after = await raw(host.url, { method: 'POST', path: '/api/v1/listStaff', headers: { 'content-type': 'application/json', 'x-marquee-window': token }, body: '{}' });
    expect(after.status).toBe(200);
  });

  it('refuses a body announced over the limit before reading it', async () => {
    host = await startTestHost();
    const token = await registeredToken(host.url);
    const answer = await raw(host.url, {
      method: 'POST',
      path: '/api/v1/listStaff',
      headers: { 'content-type': 'application/json', 'x-marquee-window': token, 'content-length': String(26 * 1024 * 1024) },
      chunks: [Buffer.from('{}')],
    });
    expect(answer.status).toBe(413);
    await stillAnswers(host.url);
  });

  it('survives requests Node cannot parse, and odd WebSocket upgrades and frames', async () => {
    host = await startTestHost();
    const { port } = new URL(host.url);
    const garbage = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);

    const badPath = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${host!.url.replace('http', 'ws')}/%E0%A4%A`);
      ws.on('error', (e) => resolve(e.message));
      ws.on('open', () => resolve('opened'));
    });
    expect(badPath).toMatch(/404/);

    const token = await registeredToken(host.url);
    // Not JSON, then a frame over the size limit: each socket is closed, the host stays up.
    const notJson = probe(host.url);
    await notJson.opened;
    notJson.ws.send('{{{{');
    expect((await notJson.closed).code).toBe(4401);
    const huge = probe(host.url);
    await huge.opened;
    huge.ws.send(JSON.stringify({ type: 'hello', window: token, session: 'x'.repeat(100_000) }));
    expect((await huge.closed).code).toBe(1009);
    const binary = probe(host.url);
    await binary.opened;
    binary.ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    expect((await binary.closed).code).toBe(4401);
    await stillAnswers(host.url);
  });

  it('answers a handler failure with a sentence, never a stack trace or a path', async () => {
    host = await startTestHost();
    const token = await registeredToken(host.url);
    const answers = [
      await raw(host.url, { method: 'POST', path: '/api/v1/getSeatMap', headers: { 'content-type': 'application/json', 'x-marquee-window': token }, body: '{"performanceId":' }),
      await raw(host.url, { method: 'POST', path: '/api/v1/signIn', headers: { 'content-type': 'application/json', 'x-marquee-window': token }, body: '{"staffId":"nope","pin":"12"}' }),
      await raw(host.url, { method: 'POST', path: '/api/v1/constructor', headers: { 'content-type': 'application/json', 'x-marquee-window': token }, body: '{}' }),
      await raw(host.url, { method: 'POST', path: '/api/v1/__proto__', headers: { 'content-type': 'application/json', 'x-marquee-window': token }, body: '{}' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expectNothingLeaked(answer, host.temp.dataDir);
    }
    await stillAnswers(host.url);
  });
});
