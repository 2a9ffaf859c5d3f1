import {
  eventNames,
  events,
  procedureNames,
  type EventName,
  type MarqueeBridge,
  type PayloadOf,
} from './contract/index.ts';
import type { AppError, Result } from './errors.ts';

/** The little of the WebSocket API we use, so Node tests can pass the `ws` package's class. */
export interface WebSocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

export interface HttpBridgeOptions {
  /** The box-office window this client is; the host records it on every operation. */
  stationId: string;
  stationName?: string;
  WebSocket?: WebSocketCtor;
  fetch?: typeof fetch;
}

export const STATION_HEADER = 'x-marquee-station';
export const STATION_NAME_HEADER = 'x-marquee-station-name';
export const EVENTS_PATH = '/events';
export const API_PREFIX = '/api/';

function unreachable(baseUrl: string, reason: unknown): Result<never> {
  const error: AppError = {
    code: 'HOST_UNREACHABLE',
    message: `The box-office host at ${baseUrl} is not answering (${reason instanceof Error ? reason.message : String(reason)}).`,
  };
  return { ok: false, error };
}

/**
 * Host mode's twin of the preload's `window.marquee`: the same methods built from the same
 * contract, carried over HTTP, with events over one WebSocket that reconnects by itself.
 */
export function createHttpBridge(baseUrl: string, options: HttpBridgeOptions): MarqueeBridge & { close(): void } {
  const base = baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { 'content-type': 'application/json', [STATION_HEADER]: options.stationId };
  if (options.stationName) headers[STATION_NAME_HEADER] = encodeURIComponent(options.stationName);

  const bridge: Record<string, unknown> = {};
  for (const name of procedureNames) {
    bridge[name] = async (input: unknown): Promise<Result<unknown>> => {
      let response: Response;
      try {
        response = await doFetch(`${base}${API_PREFIX}${name}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        return unreachable(base, error);
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return unreachable(base, new Error(`answered ${response.status} without a JSON body`));
      }
    };
  }

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: WebSocketLike | null = null;
  let closed = false;
  let retryMs = 250;

  function connect(): void {
    const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
    if (!Ctor || closed || socket) return;
    const ws = new Ctor(`${base.replace(/^http/, 'ws')}${EVENTS_PATH}`);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
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
    ws.onclose = () => {
      socket = null;
      if (closed) return;
      // Screens must come back by themselves after the host restarts; back off up to 5 s.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
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
    socket?.close();
  };

  return bridge as MarqueeBridge & { close(): void };
}
