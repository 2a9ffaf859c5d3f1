import type { HostLink } from './http-bridge.ts';

/**
 * Whether a host-mode window can reach its host, as one answer every screen shares. Two signals
 * feed it: the bridge's hints (the event socket closed, a call could not connect), which catch a
 * host that stopped at once, and a light heartbeat (GET /healthz every second while all is well),
 * which catches a network that went quiet without closing anything. A hint is checked with one
 * probe before the window is told, so a socket the host closed on purpose does not flash the band.
 * While unreachable the watch probes by itself with back-off (0.5 s doubling to 5 s) or at once on
 * "Try now"; when the host answers it asks the bridge for its event socket again.
 */

export const HEALTH_PATH = '/healthz';
/** Heartbeat period and the time a probe may take: a silent host is noticed within about 2 s. */
export const HEARTBEAT_MS = 1000;
export const PROBE_TIMEOUT_MS = 1000;
export const FIRST_RETRY_MS = 500;
export const LONGEST_RETRY_MS = 5000;

export interface HostConnectionState {
  reachable: boolean;
  /** When the host was first missed (ms since epoch), null while reachable. */
  lostAt: number | null;
  /** When the next probe goes by itself, null while reachable or while a probe is out. */
  retryAt: number | null;
  /** Probes that failed since the host was lost. */
  attempts: number;
  checking: boolean;
}

export interface HostConnection {
  current(): HostConnectionState;
  subscribe(listener: (state: HostConnectionState) => void): () => void;
  /** Probes now (the band's "Try now"), ending any wait. */
  tryNow(): void;
  /** Resolves as soon as the host is reachable (at once when it is). */
  whenReachable(): Promise<void>;
  stop(): void;
}

export interface HostConnectionOptions {
  baseUrl: string;
  link: HostLink;
  fetch?: typeof fetch;
  now?: () => number;
  heartbeatMs?: number;
}

/** The pause before the n-th retry (n from 0): 0.5, 1, 2, 4, 5, 5 … seconds. */
export function retryPauseMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** attempt, LONGEST_RETRY_MS);
}

export function watchHost(options: HostConnectionOptions): HostConnection {
  const base = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  let state: HostConnectionState = { reachable: true, lostAt: null, retryAt: null, attempts: 0, checking: false };
  const listeners = new Set<(state: HostConnectionState) => void>();
  let waiters: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let probing: Promise<void> | null = null;
  let stopped = false;

  function set(next: Partial<HostConnectionState>): void {
    state = { ...state, ...next };
    for (const listener of listeners) listener(state);
    if (state.reachable) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void probe();
    }, ms);
  }

  async function answers(): Promise<boolean> {
    const abort = new AbortController();
    const cut = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
    try {
      const response = await doFetch(`${base}${HEALTH_PATH}`, { signal: abort.signal });
      return response.ok;
    } catch {
      return false;
    } finally {
      clearTimeout(cut);
    }
  }

  function probe(): Promise<void> {
    probing ??= (async () => {
      if (!state.reachable) set({ checking: true, retryAt: null });
      const ok = await answers();
      if (stopped) return;
      if (ok) {
        const wasLost = !state.reachable;
        if (wasLost) set({ reachable: true, lostAt: null, retryAt: null, attempts: 0, checking: false });
        // Back: the event socket comes again now, and with it every screen's events.
        if (wasLost) options.link.reconnectNow();
        schedule(heartbeatMs);
      } else {
        const attempts = state.reachable ? 0 : state.attempts + 1;
        const pause = retryPauseMs(attempts);
        set({ reachable: false, lostAt: state.lostAt ?? now(), retryAt: now() + pause, attempts, checking: false });
        schedule(pause);
      }
    })().finally(() => {
      probing = null;
    });
    return probing;
  }

  const unlink = options.link.subscribe((hint) => {
    if (hint === 'lost' && state.reachable) void probe();
    // A call got through while we thought the host gone: check at once rather than at the next pause.
    if (hint === 'answered' && !state.reachable) void probe();
  });
  schedule(heartbeatMs);

  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tryNow() {
      if (timer) clearTimeout(timer);
      timer = null;
      void probe();
    },
    whenReachable() {
      if (state.reachable) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    stop() {
      stopped = true;
      unlink();
      if (timer) clearTimeout(timer);
    },
  };
}
