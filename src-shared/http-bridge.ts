import {
  eventNames,
  events,
  procedureNames,
  type EventName,
  type MarqueeBridge,
  type PayloadOf,
  type ProcedureName,
} from './contract/index.ts';
import type { PairingStatus, WindowRegistration } from './contract/windows.ts';
import type { AppError, Result } from './errors.ts';
import { API_V1_PREFIX, THIS_VERSION, VERSION_HEADER, versionHeader, type PeerVersion } from './version.ts';

/** The little of the WebSocket API we use, so Node tests can pass the `ws` package's class. */
export interface WebSocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

/** Where the window keeps the token the host issued it (the renderer: localStorage). */
export interface WindowTokenStore {
  read(): string | null;
  write(token: string | null): void;
}

export interface HttpBridgeOptions {
  /** The name this window asks for when it registers (a manager can rename it). */
  windowName?: string;
  /** Default: this bridge's memory only, so every bridge is a new window (what tests want). */
  tokenStore?: WindowTokenStore;
  WebSocket?: WebSocketCtor;
  fetch?: typeof fetch;
  /** The Marquee this window runs, sent with every request; default this build's (src-shared/version.ts). */
  version?: PeerVersion;
}

/** The window token the host issued: the only thing that says which window (station) is calling. */
export const WINDOW_HEADER = 'x-marquee-window';
/** The window's session secret: sent on every call, and answered by the host when it changes. */
export const SESSION_HEADER = 'x-marquee-session';
/** `POST {"name": "..."}` here answers a window token (WindowRegistration). */
export const REGISTER_PATH = '/window/register';
export const EVENTS_PATH = '/events';
/** `POST /api/v1/<procedure>`; the unversioned `/api/<procedure>` of 0.1 answers 410 with a sentence. */
export const API_PREFIX = API_V1_PREFIX;
export const UNVERSIONED_API_PREFIX = '/api/';

/**
 * Why the host answered NOT_PAIRED, in the error's `details.reason` (and as the close reason of an
 * event socket closed with SOCKET_NOT_PAIRED): no token, a token it does not know (never issued,
 * or a request that expired), a window still waiting for a manager (`details.pairingCode`), or
 * one a manager revoked.
 */
export type NotPairedReason = 'missing' | 'unknown' | 'pending' | 'revoked';
export const SOCKET_NOT_PAIRED = 4403;
/** The socket's first message was not a hello, or none came in time. */
export const SOCKET_NO_HELLO = 4401;

/**
 * The first message on the event socket, and again whenever the window's session secret changes
 * (sign-in, sign-out): which window this is and who is signed in at it. A browser cannot put
 * headers on a WebSocket, and a message (unlike Sec-WebSocket-Protocol, which is fixed for the
 * connection and echoed back) lets a sign-in take effect without reconnecting.
 */
export interface SocketHello {
  type: 'hello';
  window: string;
  session: string | null;
}
/** The host's answer to each accepted hello: events after it follow the session that hello named. */
export interface SocketReady {
  type: 'ready';
}

/**
 * Where this window stands with the host, for the pairing screen: `unknown` until the host has
 * answered (or when it could not: `problem` says why), `pending` with the code a manager must
 * approve, `revoked` once a manager removed it (registerAgain asks anew).
 */
export interface PairingState {
  /** `outdated`: the host cannot serve this window's version (`problem` says which side to update). */
  phase: 'unknown' | 'paired' | 'pending' | 'revoked' | 'outdated';
  windowName: string | null;
  pairingCode: string | null;
  expiresAt: number | null;
  /** The host's TLS certificate fingerprint as it says it, to compare with what the browser shows. */
  fingerprint: string | null;
  problem: string | null;
}

export interface WindowPairing {
  current(): PairingState;
  subscribe(listener: (state: PairingState) => void): () => void;
  /** Registers when the window has no token yet, otherwise asks the host where it stands. */
  refresh(): Promise<PairingState>;
  /** Forgets the token and registers anew: a revoked window asking to be paired again. */
  registerAgain(): Promise<PairingState>;
}

/**
 * What the bridge itself notices of the host: a call's answer or an opened event socket says it
 * is there, a refused connection or a closed socket hints it is gone. The host watch
 * (host-connection.ts) turns the hints into the window's one answer, and asks for the socket again
 * the moment the host is back instead of waiting out the socket's own back-off.
 */
export interface HostLink {
  subscribe(listener: (hint: 'answered' | 'lost') => void): () => void;
  reconnectNow(): void;
}

export type HttpBridge = MarqueeBridge & { close(): void; readonly pairing: WindowPairing; readonly link: HostLink };

export function memoryTokenStore(): WindowTokenStore {
  let token: string | null = null;
  return { read: () => token, write: (t) => void (token = t) };
}

function unreachable(baseUrl: string, reason: unknown): { ok: false; error: AppError } {
  const error: AppError = {
    code: 'HOST_UNREACHABLE',
    message: `The box-office host at ${baseUrl} is not answering (${reason instanceof Error ? reason.message : String(reason)}).`,
  };
  return { ok: false, error };
}

function closeDetails(ev: unknown): { code: number; reason: string } {
  const e = (ev ?? {}) as { code?: unknown; reason?: unknown };
  return { code: typeof e.code === 'number' ? e.code : 0, reason: typeof e.reason === 'string' ? e.reason : String(e.reason ?? '') };
}

/**
 * Host mode's twin of the preload's `window.marquee`: the same methods built from the same
 * contract, carried over HTTP, with events over one WebSocket that reconnects by itself. The
 * window registers once for a token, sends it on every call, and registers again by itself when
 * the host no longer knows it. The session secret lives in this bridge's memory only: a tab's
 * sign-in is the tab's, never written to storage, and a reload (or closing the tab) leaves the
 * counter at the sign-in screen.
 */
export function createHttpBridge(baseUrl: string, options: HttpBridgeOptions = {}): HttpBridge {
  const base = baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;
  const tokens = options.tokenStore ?? memoryTokenStore();
  const ownVersion = versionHeader(options.version ?? THIS_VERSION);
  let sessionSecret: string | null = null;
  let state: PairingState = { phase: 'unknown', windowName: null, pairingCode: null, expiresAt: null, fingerprint: null, problem: null };
  const pairingListeners = new Set<(state: PairingState) => void>();
  const linkListeners = new Set<(hint: 'answered' | 'lost') => void>();
  const hint = (h: 'answered' | 'lost') => {
    for (const listener of linkListeners) listener(h);
  };

  function setState(next: Partial<PairingState>): void {
    const before = state;
    state = { ...state, ...next };
    if (JSON.stringify(before) === JSON.stringify(state)) return;
    for (const listener of pairingListeners) listener(state);
    if (state.phase === 'paired' && before.phase !== 'paired') connect();
  }

  function noteStatus(status: PairingStatus): void {
    setState({ phase: status.state, windowName: status.windowName, pairingCode: status.pairingCode, expiresAt: status.expiresAt, problem: null });
  }

  function noteNotPaired(error: AppError): void {
    const details = error.details ?? {};
    const reason = details.reason as NotPairedReason | undefined;
    if (reason === 'pending') {
      setState({
        phase: 'pending',
        pairingCode: typeof details.pairingCode === 'string' ? details.pairingCode : state.pairingCode,
        expiresAt: typeof details.expiresAt === 'number' ? details.expiresAt : state.expiresAt,
        problem: null,
      });
    } else if (reason === 'revoked') {
      setState({ phase: 'revoked', pairingCode: null, expiresAt: null, problem: null });
    } else {
      setState({ phase: 'unknown', pairingCode: null, expiresAt: null, problem: error.message });
    }
  }

  let registering: Promise<Result<string>> | null = null;

  async function register(): Promise<Result<string>> {
    let response: Response;
    try {
      response = await doFetch(`${base}${REGISTER_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [VERSION_HEADER]: ownVersion },
        body: JSON.stringify({ name: options.windowName ?? '' }),
      });
    } catch (error) {
      const failed = unreachable(base, error);
      setState({ problem: failed.error.message });
      return failed;
    }
    let answer: Result<WindowRegistration>;
    try {
      answer = (await response.json()) as Result<WindowRegistration>;
    } catch {
      return unreachable(base, new Error(`answered ${response.status} without a JSON body`));
    }
    if (!answer.ok) {
      setState(answer.error.code === 'VERSION_MISMATCH' ? { phase: 'outdated', problem: answer.error.message } : { problem: answer.error.message });
      return answer;
    }
    tokens.write(answer.value.token);
    sessionSecret = null;
    // A socket opened with the old token belongs to a window that is gone.
    dropSocket();
    setState({ fingerprint: answer.value.fingerprint });
    noteStatus(answer.value);
    return { ok: true, value: answer.value.token };
  }

  function ensureToken(): Promise<Result<string>> {
    const token = tokens.read();
    if (token) return Promise.resolve({ ok: true, value: token });
    registering ??= register().finally(() => {
      registering = null;
    });
    return registering;
  }

  async function post(name: ProcedureName, input: unknown, token: string): Promise<Result<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', [WINDOW_HEADER]: token, [VERSION_HEADER]: ownVersion };
    if (sessionSecret) headers[SESSION_HEADER] = sessionSecret;
    let response: Response;
    try {
      response = await doFetch(`${base}${API_PREFIX}${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
    } catch (error) {
      hint('lost');
      return unreachable(base, error);
    }
    hint('answered');
    const issued = response.headers.get(SESSION_HEADER);
    if (issued !== null && (issued === '' ? null : issued) !== sessionSecret) {
      sessionSecret = issued === '' ? null : issued;
      sendHello();
      // The host's own staffSessionChanged can arrive before this answer (a demo reset ends every
      // session and signs the manager in again): a screen that asked then used the old secret and
      // heard "nobody". Ask again now, with the new one.
      for (const listener of listeners.get('staffSessionChanged') ?? []) listener({});
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return unreachable(base, new Error(`answered ${response.status} without a JSON body`));
    }
  }

  async function callProcedure(name: ProcedureName, input: unknown): Promise<Result<unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await ensureToken();
      if (!token.ok) return token;
      const result = await post(name, input, token.value);
      if (result.ok) {
        if (name === 'pairingStatus') noteStatus(result.value as PairingStatus);
        else setState({ phase: 'paired', pairingCode: null, expiresAt: null, problem: null });
        return result;
      }
      if (result.error.code === 'NOT_PAIRED') {
        const reason = result.error.details?.reason as NotPairedReason | undefined;
        // The host forgot this window (a new database, an expired request): register once more and retry.
        if ((reason === 'unknown' || reason === 'missing') && attempt === 0) {
          if (tokens.read() === token.value) tokens.write(null);
          continue;
        }
        noteNotPaired(result.error);
      } else if (result.error.code === 'HOST_UNREACHABLE') {
        setState({ problem: result.error.message });
      } else if (result.error.code === 'VERSION_MISMATCH') {
        // No screen can work against a host that cannot serve this window: the gate takes the whole
        // window and shows the sentence (which side to update) until it can.
        setState({ phase: 'outdated', problem: result.error.message });
      }
      return result;
    }
  }

  const bridge: Record<string, unknown> = {};
  for (const name of procedureNames) bridge[name] = (input: unknown) => callProcedure(name, input);

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: WebSocketLike | null = null;
  let socketOpen = false;
  let closed = false;
  let retryMs = 250;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function dropSocket(): void {
    const old = socket;
    socket = null;
    socketOpen = false;
    old?.close();
  }

  function sendHello(): void {
    const token = tokens.read();
    if (!socket || !socketOpen || !token) return;
    const hello: SocketHello = { type: 'hello', window: token, session: sessionSecret };
    socket.send(JSON.stringify(hello));
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return;
    // Screens must come back by themselves after the host restarts; back off up to 5 s.
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void ensureToken().then(connect);
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  }

  function connect(): void {
    const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
    const waiting = state.phase === 'pending' || state.phase === 'revoked';
    if (!Ctor || closed || socket || listeners.size === 0 || waiting || !tokens.read()) return;
    const ws = new Ctor(`${base.replace(/^http/, 'ws')}${EVENTS_PATH}`);
    socket = ws;
    ws.onopen = () => {
      hint('answered');
      retryMs = 250;
      socketOpen = true;
      sendHello();
    };
    ws.onmessage = (ev) => {
      let message: { event?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(ev.data)) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      const name = message.event as EventName;
      if (!eventNames.includes(name)) return;
      for (const listener of listeners.get(name) ?? []) listener(message.payload);
    };
    ws.onerror = () => undefined;
    ws.onclose = (ev) => {
      if (socket === ws) {
        socket = null;
        socketOpen = false;
      }
      if (closed) return;
      const { code, reason } = closeDetails(ev);
      if (code !== SOCKET_NOT_PAIRED && code !== SOCKET_NO_HELLO) hint('lost');
      if (code === SOCKET_NOT_PAIRED) {
        if (reason === 'unknown' || reason === 'missing') {
          if (tokens.read()) tokens.write(null);
          setState({ phase: 'unknown' });
        } else if (reason === 'revoked' || reason === 'pending') {
          // Nothing to hear until a manager acts; the pairing screen asks again.
          setState({ phase: reason });
          return;
        }
      }
      scheduleReconnect();
    };
  }

  bridge.on = <E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void) => {
    if (!(event in events)) throw new Error(`'${String(event)}' is not an event of the contract`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(event, set);
    connect();
    return () => set.delete(listener as (payload: unknown) => void);
  };

  bridge.close = () => {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    socket?.close();
  };

  const pairing: WindowPairing = {
    current: () => state,
    subscribe(listener) {
      pairingListeners.add(listener);
      return () => pairingListeners.delete(listener);
    },
    async refresh() {
      if (!tokens.read()) await ensureToken();
      else await callProcedure('pairingStatus', {});
      return state;
    },
    async registerAgain() {
      tokens.write(null);
      setState({ phase: 'unknown', pairingCode: null, expiresAt: null });
      await ensureToken();
      return state;
    },
  };
  bridge.pairing = pairing;
  const link: HostLink = {
    subscribe(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    reconnectNow() {
      if (closed) return;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      retryMs = 250;
      if (!socket) void ensureToken().then(connect);
    },
  };
  bridge.link = link;

  return bridge as HttpBridge;
}
