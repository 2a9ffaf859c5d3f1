import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { events, type EventName } from '../../src-shared/contract/index.ts';
import { EVENTS_PATH, SOCKET_NO_HELLO, SOCKET_NOT_PAIRED, type NotPairedReason, type SocketReady } from '../../src-shared/http-bridge.ts';
import { mayReceive } from '../api/event-access.ts';
import type { EventBus } from '../core/event-bus.ts';
import type { HostCheck } from '../net/allowed-hosts.ts';
import { decodePathSafely } from '../net/safe-path.ts';
import type { SessionStore } from '../staff/sessions.ts';
import type { PairedWindows } from '../windows/paired-windows.ts';

/** A socket must say which window it is this soon after opening, or it is closed. */
const HELLO_WITHIN_MS = 5_000;
/** Sockets that have not said hello yet, at most: more upgrades are refused until some do. */
const MAX_WAITING = 32;
/** A hello is a token and a secret; nothing a window sends is bigger. */
const MAX_MESSAGE_BYTES = 1024;
/** A window that stops reading while events pile up is cut off rather than held in memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

interface Listener {
  /** Null until the hello. */
  token: string | null;
  stationId: string | null;
  secret: string | null;
  /** Whether someone was signed in at the last check: a window that was, hears the sign-out that ends it. */
  signedIn: boolean;
}

export interface EventSockets {
  /** Takes an `upgrade` request: refused unless it is the events path, under an allowed name and origin. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, check: HostCheck | null): void;
  close(): void;
}

function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * The `/events` WebSocket: a window says hello with its token and session secret, and from then
 * on hears each core event its signed-in member's role may read (asked of `mayReceive` per event,
 * so a sign-out takes effect at once). A revoked window's socket is closed as soon as a manager
 * revokes it (`windowsChanged`). Anonymous sockets hear nothing.
 */
export function createEventSockets(deps: { bus: EventBus; sessions: SessionStore; windows: PairedWindows }): EventSockets {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const listeners = new Map<WebSocket, Listener>();
  let waiting = 0;

  function allowed(listener: Listener, event: EventName): boolean {
    if (!listener.stationId) return false;
    try {
      return mayReceive(deps.sessions, listener.stationId, listener.secret, event);
    } catch {
      return false;
    }
  }

  function shut(ws: WebSocket, code: number, reason: NotPairedReason | 'hello'): void {
    listeners.delete(ws);
    ws.close(code, reason);
  }

  function onHello(ws: WebSocket, listener: Listener, data: RawData): void {
    let hello: { type?: unknown; window?: unknown; session?: unknown };
    try {
      hello = JSON.parse(data.toString()) as typeof hello;
    } catch {
      return shut(ws, SOCKET_NO_HELLO, 'hello');
    }
    if (!hello || hello.type !== 'hello' || typeof hello.window !== 'string') return shut(ws, SOCKET_NO_HELLO, 'hello');
    // A later hello updates who is signed in; it cannot switch to another window.
    if (listener.token !== null && listener.token !== hello.window) return shut(ws, SOCKET_NO_HELLO, 'hello');
    const standing = deps.windows.lookup(hello.window);
    if (!standing) return shut(ws, SOCKET_NOT_PAIRED, 'unknown');
    if (standing.state !== 'paired') return shut(ws, SOCKET_NOT_PAIRED, standing.state);
    listener.token = hello.window;
    listener.stationId = standing.stationId;
    listener.secret = typeof hello.session === 'string' && hello.session !== '' ? hello.session : null;
    listener.signedIn = allowed(listener, 'staffSessionChanged');
    // Every accepted hello is acknowledged: from this message on, events follow the new session.
    const ready: SocketReady = { type: 'ready' };
    ws.send(JSON.stringify(ready));
  }

  server.on('connection', (ws: WebSocket) => {
    const listener: Listener = { token: null, stationId: null, secret: null, signedIn: false };
    listeners.set(ws, listener);
    waiting++;
    let counted = true;
    const uncount = () => {
      if (counted) waiting--;
      counted = false;
    };
    const timer = setTimeout(() => {
      if (listener.token === null) shut(ws, SOCKET_NO_HELLO, 'hello');
    }, HELLO_WITHIN_MS);
    ws.on('message', (data) => {
      try {
        onHello(ws, listener, data);
      } catch {
        shut(ws, SOCKET_NO_HELLO, 'hello');
      }
      if (listener.token !== null) {
        clearTimeout(timer);
        uncount();
      }
    });
    // A broken frame or a reset must never become an uncaught error.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(timer);
      uncount();
      listeners.delete(ws);
    });
  });

  /** After a change to the windows, any socket whose token no longer pairs is closed. */
  function closeUnpaired(): void {
    for (const [ws, listener] of listeners) {
      if (listener.token === null) continue;
      const standing = deps.windows.lookup(listener.token);
      if (!standing) shut(ws, SOCKET_NOT_PAIRED, 'unknown');
      else if (standing.state !== 'paired') shut(ws, SOCKET_NOT_PAIRED, standing.state);
    }
  }

  const unsubscribe = deps.bus.subscribe((event, payload) => {
    if (!Object.hasOwn(events, event)) return;
    if (event === 'windowsChanged') closeUnpaired();
    const message = JSON.stringify({ event, payload });
    for (const [ws, listener] of listeners) {
      if (listener.token === null || ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        listeners.delete(ws);
        ws.terminate();
        continue;
      }
      if (allowed(listener, event)) {
        listener.signedIn = true;
        ws.send(message);
      } else if (event === 'staffSessionChanged' && listener.signedIn) {
        // Its own session just ended (sign-out, lock, a manager): the empty event tells the screen to ask again.
        listener.signedIn = false;
        ws.send(message);
      }
    }
  });

  return {
    upgrade(req, socket, head, check) {
      socket.on('error', () => socket.destroy());
      const path = decodePathSafely(req.url);
      if (path !== EVENTS_PATH) return refuseUpgrade(socket, '404 Not Found');
      if (!check || !check.hostAllowed(req.headers.host) || !check.originAllowed(req.headers.origin)) return refuseUpgrade(socket, '403 Forbidden');
      if (waiting >= MAX_WAITING) return refuseUpgrade(socket, '503 Service Unavailable');
      server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      for (const ws of server.clients) ws.terminate();
      server.close();
    },
  };
}
