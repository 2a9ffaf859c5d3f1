import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_PREFIX, EVENTS_PATH, STATION_HEADER, STATION_NAME_HEADER } from '../../src-shared/http-bridge.ts';
import { events, procedures, type ProcedureName } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/errors.ts';
import { createApi } from '../api/create-api.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { httpStatusFor } from './http-status.ts';
import { securityHeaders } from './security-headers.ts';
import { serveStatic } from './static-files.ts';
import { StationRegistry } from './stations.ts';

export interface HostServerOptions {
  office: BoxOffice;
  host?: string;
  port?: number;
  /** Built renderer (dist/renderer); without it only the API is served. */
  rendererDir?: string;
  /** Answer addresses other than loopback; only with an explicit --lan. */
  allowLan?: boolean;
  dispatcher?: Dispatcher;
}

export interface HostServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 25 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendResult(res: ServerResponse, result: Result<unknown>): void {
  sendJson(res, result.ok ? 200 : httpStatusFor(result.error.code), result);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A page from another site must not drive the box office through the browser (the API has no
 * cookies, but it does sell seats): requests that carry an Origin must come from this server.
 */
function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  return origin === `http://${req.headers.host ?? ''}`;
}

/**
 * Host mode: the same core and contract as the desktop app, served to browsers over HTTP
 * (`POST /api/<procedure>`) with events on one WebSocket (`/events`).
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.allowLan) {
    throw new Error(`Refusing to listen on ${host}: host mode answers only this computer unless started with --lan.`);
  }
  const { office } = options;
  const dispatcher = options.dispatcher ?? createApi(office, { checkOutput: process.env.NODE_ENV !== 'production' });
  const stations = new StationRegistry(office.records);
  const rendererDir = options.rendererDir ? resolve(options.rendererDir) : null;

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Use POST for procedures.' } });
    if (!Object.hasOwn(procedures, name)) {
      return sendResult(res, { ok: false, error: { code: 'NOT_FOUND', message: `There is no procedure called '${name}'.` } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'BAD_INPUT', message: 'Send the request body as application/json.' } });
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      return sendJson(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is larger than 25 MB.' } });
    }
    let input: unknown;
    try {
      input = raw.trim() === '' ? {} : JSON.parse(raw);
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unreadable';
      return sendResult(res, { ok: false, error: { code: 'BAD_INPUT', message: `The request body is not valid JSON: ${detail}.` } });
    }
    const stationHeader = req.headers[STATION_HEADER];
    const nameHeader = req.headers[STATION_NAME_HEADER];
    const stationId =
      stations.resolve(typeof stationHeader === 'string' ? stationHeader : undefined, typeof nameHeader === 'string' ? nameHeader : undefined) ??
      office.identity.id;
    const result = await dispatcher.call(name as ProcedureName, input, { transport: 'http', stationId, sessionToken: null });
    sendResult(res, result);
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!originAllowed(req)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Requests from other web sites are refused.' } });
      return;
    }
    if (url.startsWith(API_PREFIX)) {
      const name = url.slice(API_PREFIX.length).split('?')[0] ?? '';
      handleApi(req, res, name).catch((error: unknown) => {
        console.error('[marquee] host request failed', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The host could not answer; it has been logged.' } });
      });
      return;
    }
    if (url === '/healthz') return sendJson(res, 200, { ok: true, value: { station: office.identity.name } });
    if (!rendererDir) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No screens are served here.' } });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Only GET is served.' } });
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
    serveStatic(rendererDir, url, res);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '') !== EVENTS_PATH || !originAllowed(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });
  const unsubscribe = office.bus.subscribe((event, payload) => {
    if (!(event in events)) return;
    const message = JSON.stringify({ event, payload });
    for (const client of sockets.clients as Set<WebSocket>) {
      if (client.readyState === client.OPEN) client.send(message);
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    async close() {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
