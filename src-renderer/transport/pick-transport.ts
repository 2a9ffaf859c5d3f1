import { ulid } from 'ulid';
import type { MarqueeBridge } from '../../src-shared/contract/index.ts';
import { createHttpBridge } from '../../src-shared/http-bridge.ts';

const STATION_KEY = 'marquee.stationId';

/**
 * The desktop app's preload puts `window.marquee` in place; in a browser the same contract is
 * reached over host mode's HTTP API. Each browser profile is its own box-office window.
 */
export function pickTransport(): { bridge: MarqueeBridge; transport: 'ipc' | 'http' } {
  if (window.marquee) return { bridge: window.marquee, transport: 'ipc' };
  let stationId = window.localStorage.getItem(STATION_KEY);
  if (!stationId) {
    stationId = ulid();
    window.localStorage.setItem(STATION_KEY, stationId);
  }
  return { bridge: createHttpBridge(window.location.origin, { stationId }), transport: 'http' };
}
