/**
 * Which Marquee a window and a host run, and whether the host can serve the window. Both send
 * theirs on every exchange (the VERSION_HEADER of each request and of each answer), so a window
 * left open across an upgrade, or a terminal not yet updated, is told so in a sentence instead of
 * meeting screens that misread the host's answers.
 */

/** package.json's version (test/host/version.test.ts keeps the two equal): shown to people. */
export const MARQUEE_VERSION = '0.1.0';

/**
 * The contract's own number, raised whenever a procedure, event or shape changes in a way a
 * window built before would misread. Releases that leave the contract alone keep it, so a host
 * and its windows need not be updated on the same morning.
 */
export const CONTRACT_VERSION = 1;

/** The oldest window contract this host still answers (raise it when an old shape is removed). */
export const OLDEST_SERVED_CONTRACT = 1;

/** `0.1.0; contract=1`, on requests (the window's) and on answers (the host's). */
export const VERSION_HEADER = 'x-marquee-version';

/** The API's path: the version in it changes only when the whole HTTP shape does. */
export const API_V1_PREFIX = '/api/v1/';

export interface PeerVersion {
  /** Marquee's version, e.g. 0.3.1. */
  app: string;
  contract: number;
}

export const THIS_VERSION: PeerVersion = { app: MARQUEE_VERSION, contract: CONTRACT_VERSION };

export function versionHeader(version: PeerVersion): string {
  return `${version.app}; contract=${version.contract}`;
}

/** The header's value read back, or null when it is missing or not one (an API client sends none). */
export function readVersionHeader(value: string | null | undefined): PeerVersion | null {
  const match = /^\s*([0-9A-Za-z.+-]{1,40})\s*;\s*contract=(\d{1,6})\s*$/.exec(value ?? '');
  return match ? { app: match[1]!, contract: Number(match[2]) } : null;
}

/** 0.3.1 as people say it (0.3), unless both sides would then read the same. */
function spoken(version: string, other: string): string {
  const short = (v: string) => v.split('.').slice(0, 2).join('.');
  return short(version) === short(other) ? version : short(version);
}

/**
 * Null when a host at `host` can serve a window at `window`; otherwise the sentence that window
 * shows: which side to update. A window newer than its host (a terminal updated first) is refused
 * too: it would call procedures the host does not have.
 */
export function versionRefusal(window: PeerVersion, host: PeerVersion, oldestServed = OLDEST_SERVED_CONTRACT): string | null {
  if (window.contract >= oldestServed && window.contract <= host.contract) return null;
  const runs = `This window runs Marquee ${spoken(window.app, host.app)}; the host runs ${spoken(host.app, window.app)}`;
  return window.contract < oldestServed ? `${runs}: update this window.` : `${runs}: update the host, or use a window of the host's version.`;
}
