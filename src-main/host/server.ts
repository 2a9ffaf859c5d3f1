import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { API_PREFIX, REGISTER_PATH, UNVERSIONED_API_PREFIX } from '../../src-shared/http-bridge.ts';
import { THIS_VERSION, VERSION_HEADER, versionHeader, type PeerVersion } from '../../src-shared/version.ts';
import { outputChecksWanted, type Dispatcher } from '../api/dispatcher.ts';
import { createWindowApi, type WindowApi } from '../api/window-api.ts';
import type { RunningBoxOffice } from '../app/compose.ts';
import { createHostCheck, type HostCheck } from '../net/allowed-hosts.ts';
import { decodePathSafely } from '../net/safe-path.ts';
import { PairedWindows } from '../windows/paired-windows.ts';
import { WindowRegistration, type RegistrationLimits } from '../windows/window-registration.ts';
import { sendError, sendJson } from './answers.ts';
import { handleApiCall } from './api-route.ts';
import { EXPORT_DOWNLOAD, handleExportDownload } from './export-download.ts';
import { LOOPBACK_LISTEN, namesForHost, thisComputersAddresses, WILDCARD_LISTEN } from './client-address.ts';
import { createEventSockets } from './event-sockets.ts';
import { handleRegistration } from './register-route.ts';
import { OPENAPI_PATH, serveOpenApi } from './openapi-route.ts';
import { unversionedPathRefusal, versionRefusalOf } from './window-version.ts';
import { serveStatic } from './static-files.ts';

export interface HostServerOptions {
  /** The running box office (app/compose.ts): every browser window shares its engine and printing. */
  boxOffice: RunningBoxOffice;
  host?: string;
  port?: number;
  /** Built renderer (dist/renderer); without it only the API is served. */
  rendererDir?: string;
  /** Answer addresses other than loopback; only with an explicit --lan (and then only over TLS). */
  allowLan?: boolean;
  dispatcher?: Dispatcher;
  /** Serve HTTPS and WSS with this certificate (PEM); required to listen beyond loopback. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** More names browsers may use to reach this host (a DNS name), besides loopback and `host`. */
  names?: readonly string[];
  /**
   * Remote addresses that count as this computer: their windows are paired on registration.
   * Default: loopback and this computer's own addresses. Tests set [] to play "another computer"
   * over loopback.
   */
  localClientAddresses?: readonly string[];
  registrationLimits?: RegistrationLimits;
  /** The Marquee this host says it runs; default this build's (tests play other versions). */
  version?: PeerVersion;
  /** How long close() lets calls in flight finish before cutting them (default 10 s). */
  closeGraceMs?: number;
}

export interface HostServer {
  url: string;
  port: number;
  /** SHA-256 fingerprint of the TLS certificate, or null over plain HTTP. */
  fingerprint: string | null;
  close(): Promise<void>;
}

function fingerprintOf(cert: string | Buffer): string {
  return new X509Certificate(cert).fingerprint256;
}

/**
 * Host mode: the same core and contract as the desktop app, served to browsers over HTTP(S)
 * (`POST /api/v1/<procedure>`) with events on one WebSocket (`/events`). Every request is checked
 * for the name it uses (DNS rebinding), every window is named by a token this host issued, and
 * nothing a request carries can throw out of the server.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_LISTEN.has(host) && !options.allowLan) {
    throw new Error(`Refusing to listen on ${host}: host mode answers only this computer unless started with --lan.`);
  }
  if (!LOOPBACK_LISTEN.has(host) && !options.tls) {
    throw new Error(`Refusing to listen on ${host} without TLS: other computers are served over HTTPS only.`);
  }
  const { office } = options.boxOffice;
  // Each window is served by the live box office, or by the training one when the host put it in training.
  const windowApi = options.dispatcher ? null : createWindowApi(options.boxOffice, { checkOutput: outputChecksWanted() });
  const dispatcher = options.dispatcher ?? windowApi!;
  const training = windowApi?.training ?? ('training' in dispatcher ? (dispatcher as WindowApi).training : null);
  const windows = new PairedWindows(office.records, office.clock, (stationId) => training?.trains(stationId) ?? false);
  const registration = new WindowRegistration(windows, office.clock, options.registrationLimits);
  const localAddresses = new Set(options.localClientAddresses ?? thisComputersAddresses());
  const fingerprint = options.tls ? fingerprintOf(options.tls.cert) : null;
  const rendererDir = options.rendererDir ? resolve(options.rendererDir) : null;
  const sockets = createEventSockets({ bus: office.bus, sessions: dispatcher.sessions, windows });
  // Known once the port is: nothing is answered before.
  let check: HostCheck | null = null;
  const version = options.version ?? THIS_VERSION;
  const versionAnswer = versionHeader(version);

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every answer says which Marquee answered: a window compares it with its own.
    res.setHeader(VERSION_HEADER, versionAnswer);
    if (!check) return sendError(res, { code: 'HOST_UNREACHABLE', message: 'The box office is still starting.' }, 503);
    if (!check.hostAllowed(req.headers.host)) {
      return sendError(res, { code: 'FORBIDDEN', message: 'This box office answers only under its own address; open it by the address it printed at start.' });
    }
    if (!check.originAllowed(req.headers.origin)) {
      return sendError(res, { code: 'FORBIDDEN', message: 'Requests from other web sites are refused.' });
    }
    const path = decodePathSafely(req.url);
    if (path === null) return sendError(res, { code: 'BAD_INPUT', message: 'The address asked for is not valid (a broken % escape).' });
    if (path === OPENAPI_PATH) return serveOpenApi(req, res, { dispatcher, windows });
    if (path.startsWith(API_PREFIX) || path === REGISTER_PATH) {
      const refused = versionRefusalOf(req, version);
      if (refused) return sendError(res, refused);
    }
    if (path.startsWith(API_PREFIX)) return handleApiCall(req, res, path.slice(API_PREFIX.length), { dispatcher, windows });
    if (path.startsWith(UNVERSIONED_API_PREFIX)) return sendError(res, unversionedPathRefusal(version), 410);
    if (path === REGISTER_PATH) {
      return handleRegistration(req, res, { office, registration, isLocal: (a) => localAddresses.has(a), fingerprint });
    }
    const exportJob = EXPORT_DOWNLOAD.exec(path);
    if (exportJob) {
      return handleExportDownload(req, res, exportJob[1]!, { exports: options.boxOffice.exports, sessions: dispatcher.sessions, windows, now: () => office.clock.now() });
    }
    if (path === '/healthz') return sendJson(res, 200, { ok: true, value: { healthy: true } });
    if (!rendererDir) return sendError(res, { code: 'NOT_FOUND', message: 'No screens are served here.' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, { code: 'BAD_INPUT', message: 'Only GET is served.' }, 405);
    return serveStatic(rendererDir, path, res);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res).catch((error: unknown) => {
      console.error('[marquee] host request failed', error);
      sendError(res, { code: 'INTERNAL', message: 'The host could not answer; it has been logged.' }, 500);
    });
  };
  const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createHttpServer(onRequest);

  // A request Node cannot even parse: answer 400 if the socket still can, never throw.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    socket.destroy();
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    try {
      sockets.upgrade(req, socket, head, check);
    } catch (error) {
      console.error('[marquee] event socket upgrade failed', error);
      socket.destroy();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  }).catch((error: unknown) => {
    sockets.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  check = createHostCheck({ names: namesForHost(host, options.names), port, scheme });
  const shownHost = WILDCARD_LISTEN.has(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `${scheme}://${shownHost}:${port}`,
    port,
    fingerprint,
    /** Stops accepting, lets calls in flight finish (a sale half-answered is worse than a slow stop), then cuts what is left. */
    async close() {
      sockets.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Keep-alive connections go as soon as their answer is out; a call still running keeps its own.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 10_000);
      await closed;
      clearInterval(sweep);
      clearTimeout(cut);
      await windowApi?.close();
    },
  };
}
