import type { MarqueeBridge } from '../../src-shared/contract/index.ts';
import { createHttpBridge, type HostLink, type WindowPairing, type WindowTokenStore } from '../../src-shared/http-bridge.ts';

/** The token the host issued this browser profile's window. */
const TOKEN_KEY = 'marquee.windowToken';
/** Left by earlier versions, when a client-chosen station id was the credential. */
const OLD_STATION_KEY = 'marquee.stationId';

/**
 * The window token names this browser profile's window, so it is kept in localStorage and survives
 * reloads and restarts (a window from another computer is paired once, not every morning). The
 * session secret is not stored anywhere: the bridge keeps it in the tab's memory (see http-bridge).
 */
function localStorageTokens(): WindowTokenStore {
  return {
    read: () => window.localStorage.getItem(TOKEN_KEY),
    write: (token) => (token ? window.localStorage.setItem(TOKEN_KEY, token) : window.localStorage.removeItem(TOKEN_KEY)),
  };
}

export interface PickedTransport {
  bridge: MarqueeBridge;
  transport: 'ipc' | 'http';
  /** Host mode only: where this window stands with the host, for the pairing screen. Null on the desktop. */
  pairing: WindowPairing | null;
  /** Host mode only: what the bridge notices of the host, for the host watch (host-watch.ts). Null on the desktop. */
  link: HostLink | null;
}

/**
 * The desktop app's preload puts `window.marquee` in place; in a browser the same contract is
 * reached over host mode's HTTP API, as a window registered with the host.
 */
export function pickTransport(): PickedTransport {
  if (window.marquee) return { bridge: window.marquee, transport: 'ipc', pairing: null, link: null };
  window.localStorage.removeItem(OLD_STATION_KEY);
  const bridge = createHttpBridge(window.location.origin, { tokenStore: localStorageTokens() });
  return { bridge, transport: 'http', pairing: bridge.pairing, link: bridge.link };
}
