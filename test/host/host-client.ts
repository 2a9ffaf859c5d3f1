import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createHttpBridge, REGISTER_PATH, SESSION_HEADER, WINDOW_HEADER, type HttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import type { WindowRegistration } from '../../src-shared/contract/windows.ts';
import type { Result } from '../../src-shared/errors.ts';
import type { Clock } from '../../src-main/core/clock.ts';
import { startHostServer, type HostServer, type HostServerOptions } from '../../src-main/host/server.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedStaff, type StaffFixture } from '../sales/fixtures.ts';

/**
 * Host-mode test clients over real sockets: raw HTTP (to set any Host, Origin or body shape a
 * browser would not), raw WebSockets, and the real bridge the renderer uses.
 */

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

/**
 * One request exactly as given. `chunks` are written one by one with chunked encoding, each after
 * the last has drained, stopping once the host has answered (as a client would on a 413). A
 * connection the host resets before answering gives status 0.
 */
export function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; chunks?: Buffer[] },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let answered = false;
    const finish = (status: number, headers: RawAnswer['headers'], text: string) => {
      if (answered) return;
      answered = true;
      resolve({ status, headers, text, json: () => JSON.parse(text) as unknown });
    };
    const req = httpRequest(
      { host: hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: options.headers?.host === undefined },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => finish(res.statusCode ?? 0, res.headers, Buffer.concat(parts).toString('utf8')));
        res.on('error', () => finish(res.statusCode ?? 0, res.headers, Buffer.concat(parts).toString('utf8')));
      },
    );
    // The host may answer (413) and close while an upload is still going: that is the point.
    req.on('error', () => finish(0, {}, ''));
    if (!options.chunks) {
      req.end(options.body);
      return;
    }
    const chunks = options.chunks;
    void (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        if (!req.write(chunk)) {
          await new Promise<void>((next) => {
            req.once('drain', next);
            req.once('close', next);
            req.once('response', next);
          });
        }
      }
      if (!answered && !req.destroyed) req.end();
    })();
  });
}

/** Registers a window the way the bridge does; the answer's value (token, state, code). */
export async function register(url: string, name = 'Test window'): Promise<Result<WindowRegistration>> {
  const res = await fetch(`${url}${REGISTER_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  return (await res.json()) as Result<WindowRegistration>;
}

export async function registeredToken(url: string, name?: string): Promise<string> {
  const answer = await register(url, name);
  if (!answer.ok) throw new Error(`registration refused: ${answer.error.message}`);
  return answer.value.token;
}

/** POST /api/<name> with a window token and (optionally) a session secret, as raw as it gets. */
export async function callAs(
  url: string,
  name: string,
  input: unknown,
  who: { token?: string; session?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Result<unknown>; session: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...who.headers };
  if (who.token) headers[WINDOW_HEADER] = who.token;
  if (who.session) headers[SESSION_HEADER] = who.session;
  const res = await fetch(`${url}/api/v1/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return { status: res.status, body: (await res.json()) as Result<unknown>, session: res.headers.get(SESSION_HEADER) };
}

/** The real bridge, as a new window of its own. */
export function bridgeFor(url: string, windowName?: string): HttpBridge {
  return createHttpBridge(url, { windowName, WebSocket: WebSocket as unknown as WebSocketCtor });
}

export async function signedIn(url: string, staffId: string, pin: string, windowName?: string): Promise<HttpBridge> {
  const bridge = bridgeFor(url, windowName);
  const answer = await bridge.signIn({ staffId, pin });
  if (!answer.ok) throw new Error(`sign-in refused: ${answer.error.message}`);
  return bridge;
}

/** A raw event socket that records every message, and how it closed. */
export interface SocketProbe {
  ws: WebSocket;
  messages: { type?: string; event?: string; payload?: unknown }[];
  opened: Promise<void>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Sends a hello and waits for the host's `ready` (or the close that refuses it). */
  hello(token: string, session?: string | null): Promise<'ready' | { code: number; reason: string }>;
  /** Resolves when a message with this event arrives. */
  heard(event: string): Promise<void>;
}

export function probe(url: string, headers: Record<string, string> = {}): SocketProbe {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/events`, { headers });
  const messages: SocketProbe['messages'] = [];
  const waiters: { test: (m: SocketProbe['messages'][number]) => boolean; done: () => void }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as SocketProbe['messages'][number];
    messages.push(message);
    for (const w of [...waiters]) {
      if (w.test(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done();
      }
    }
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const until = (test: (m: SocketProbe['messages'][number]) => boolean) =>
    new Promise<void>((resolve) => {
      if (messages.some(test)) return resolve();
      waiters.push({ test, done: resolve });
    });
  return {
    ws,
    messages,
    opened,
    closed,
    async hello(token, session = null) {
      await opened;
      const readies = messages.filter((m) => m.type === 'ready').length;
      ws.send(JSON.stringify({ type: 'hello', window: token, session }));
      const acknowledged = until(() => messages.filter((m) => m.type === 'ready').length > readies);
      return Promise.race([acknowledged.then(() => 'ready' as const), closed]);
    },
    heard: (event) => until((m) => m.event === event),
  };
}

/** A host on a fresh temp box office with staff (PINs 1111 cashier, 2222 manager, 3333 admin). */
export interface TestHost {
  temp: TempBoxOffice;
  server: HostServer;
  url: string;
  people: StaffFixture;
  /** A second server on the same box office (and bus), e.g. the counter on this computer beside "another computer". */
  alsoServe(options?: Partial<HostServerOptions>): Promise<HostServer>;
  close(): Promise<void>;
}

export async function startTestHost(options: Partial<HostServerOptions> & { clock?: Clock; screens?: boolean } = {}): Promise<TestHost> {
  const { clock, screens, ...serverOptions } = options;
  const temp = openTempBoxOffice(clock ? { clock } : {});
  const people = seedStaff(temp.office);
  if (screens) {
    // A stand-in for the built renderer: enough for the static-file paths.
    serverOptions.rendererDir = join(temp.dataDir, 'renderer');
    mkdirSync(serverOptions.rendererDir, { recursive: true });
    writeFileSync(join(serverOptions.rendererDir, 'index.html'), '<!doctype html><title>Marquee</title>');
  }
  const servers: HostServer[] = [];
  // One running box office, as host mode has: every server here shares its engine and printing.
  const boxOffice = composeForTest(temp.office);
  const serve = async (more: Partial<HostServerOptions>) => {
    const server = await startHostServer({ boxOffice, port: 0, ...more });
    servers.push(server);
    return server;
  };
  const server = await serve(serverOptions);
  return {
    temp,
    server,
    url: server.url,
    people,
    alsoServe: (more = {}) => serve(more),
    async close() {
      for (const s of servers) await s.close();
      await boxOffice.stop();
      temp.dispose();
    },
  };
}
