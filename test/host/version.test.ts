import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { createHttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import {
  CONTRACT_VERSION,
  MARQUEE_VERSION,
  readVersionHeader,
  VERSION_HEADER,
  versionHeader,
  versionRefusal,
} from '../../src-shared/version.ts';
import { callAs, registeredToken, startTestHost, type TestHost } from './host-client.ts';

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

describe('which window a host can serve', () => {
  it('keeps the version windows show equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(sourceRoot, 'package.json'), 'utf8')) as { version: string };
    expect(MARQUEE_VERSION).toBe(pkg.version);
  });

  it('serves a window of any contract from the oldest it keeps to its own, and says which side to update otherwise', () => {
    const host5 = { app: '0.5.0', contract: 5 };
    expect(versionRefusal({ app: '0.5.2', contract: 5 }, host5, 4)).toBeNull();
    expect(versionRefusal({ app: '0.4.1', contract: 4 }, host5, 4)).toBeNull();
    expect(versionRefusal({ app: '0.3.0', contract: 3 }, host5, 4)).toBe('This window runs Marquee 0.3; the host runs 0.5: update this window.');
    expect(versionRefusal({ app: '0.6.0', contract: 6 }, host5, 4)).toBe("This window runs Marquee 0.6; the host runs 0.5: update the host, or use a window of the host's version.");
    // Versions that read the same when shortened are given in full.
    expect(versionRefusal({ app: '0.5.0-beta', contract: 2 }, { app: '0.5.1', contract: 5 }, 4)).toBe('This window runs Marquee 0.5.0-beta; the host runs 0.5.1: update this window.');
  });

  it('reads the header both sides send, and nothing else', () => {
    expect(readVersionHeader(versionHeader({ app: '0.3.1', contract: 3 }))).toEqual({ app: '0.3.1', contract: 3 });
    expect(readVersionHeader(null)).toBeNull();
    expect(readVersionHeader('0.3.1')).toBeNull();
    expect(readVersionHeader('0.3.1; contract=three')).toBeNull();
  });
});

describe('versions over HTTP', () => {
  it('refuses a window the host cannot serve with VERSION_MISMATCH and the sentence, and says its own version on every answer', async () => {
    // A host two contracts ahead of this build.
    host = await startTestHost({ version: { app: '0.5.0', contract: CONTRACT_VERSION + 2 } });
    const token = await registeredToken(host.url);
    const old = await callAs(host.url, 'getStationInfo', {}, { token, headers: { [VERSION_HEADER]: '0.3.0; contract=1' } });
    // This host still serves contract 1 (OLDEST_SERVED_CONTRACT): an older window is fine…
    expect(old.status).toBe(200);
    // …a newer one is not.
    const newer = await callAs(host.url, 'getStationInfo', {}, { token, headers: { [VERSION_HEADER]: `0.7.0; contract=${CONTRACT_VERSION + 3}` } });
    expect(newer.status).toBe(409);
    expect(newer.body).toEqual({
      ok: false,
      error: {
        code: 'VERSION_MISMATCH',
        message: "This window runs Marquee 0.7; the host runs 0.5: update the host, or use a window of the host's version.",
        details: { window: '0.7.0', host: '0.5.0', windowContract: CONTRACT_VERSION + 3, hostContract: CONTRACT_VERSION + 2 },
      },
    });
    const answer = await fetch(`${host.url}/healthz`);
    expect(readVersionHeader(answer.headers.get(VERSION_HEADER))).toEqual({ app: '0.5.0', contract: CONTRACT_VERSION + 2 });
  });

  it('tells a window of an older contract to update, through the bridge, which takes the whole window with the sentence', async () => {
    host = await startTestHost();
    const oldWindow = createHttpBridge(host.url, { version: { app: '0.0.3', contract: 0 }, WebSocket: WebSocket as unknown as WebSocketCtor });
    const answer = await oldWindow.getStationInfo({});
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'VERSION_MISMATCH', message: `This window runs Marquee 0.0; the host runs 0.1: update this window.` }) });
    expect(oldWindow.pairing.current()).toMatchObject({ phase: 'outdated', problem: 'This window runs Marquee 0.0; the host runs 0.1: update this window.' });
    oldWindow.close();
    // This build's own window is served.
    const window = createHttpBridge(host.url, { WebSocket: WebSocket as unknown as WebSocketCtor });
    expect(await window.getStationInfo({})).toMatchObject({ ok: true });
    window.close();
  });

  it('answers the unversioned path of 0.1 with 410 and a sentence instead of a procedure', async () => {
    host = await startTestHost();
    const token = await registeredToken(host.url);
    const res = await fetch(`${host.url}/api/getStationInfo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-marquee-window': token }, body: '{}' });
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VERSION_MISMATCH', message: `This window runs an older Marquee; the host runs ${MARQUEE_VERSION}: update this window (in a browser, reload the page).` } });
  });
});
