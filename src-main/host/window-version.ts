import type { IncomingMessage } from 'node:http';
import type { AppError } from '../../src-shared/errors.ts';
import { readVersionHeader, THIS_VERSION, VERSION_HEADER, versionRefusal, type PeerVersion } from '../../src-shared/version.ts';

/**
 * The refusal a window whose Marquee this host cannot serve gets (VERSION_MISMATCH, with both
 * versions in `details`), or null. A caller that names no version (curl, a venue's own script
 * reading the OpenAPI document) is served: only a window that says what it runs can be told.
 */
export function versionRefusalOf(req: IncomingMessage, host: PeerVersion = THIS_VERSION): AppError | null {
  const header = req.headers[VERSION_HEADER];
  const window = readVersionHeader(typeof header === 'string' ? header : null);
  if (!window) return null;
  const sentence = versionRefusal(window, host);
  return sentence ? { code: 'VERSION_MISMATCH', message: sentence, details: { window: window.app, host: host.app, windowContract: window.contract, hostContract: host.contract } } : null;
}

/** A window of 0.1 still calling `/api/<procedure>`: it cannot know this host's answers. */
export function unversionedPathRefusal(host: PeerVersion = THIS_VERSION): AppError {
  return {
    code: 'VERSION_MISMATCH',
    message: `This window runs an older Marquee; the host runs ${host.app}: update this window (in a browser, reload the page).`,
    details: { host: host.app, hostContract: host.contract },
  };
}
