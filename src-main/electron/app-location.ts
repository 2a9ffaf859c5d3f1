import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-scheme.ts';

/** Where the box-office screen is loaded from: our app:// origin, or a dev server while developing. */
export interface AppLocation {
  /** app://marquee/index.html, without query or hash. */
  readonly rendererIndexUrl: string;
  /** Origin of the vite dev server when one is used (never once packaged). */
  readonly devServerOrigin: string | null;
}

export function createAppLocation(options: { devServerUrl?: string | null | undefined }): AppLocation {
  let devServerOrigin: string | null = null;
  if (options.devServerUrl) {
    const parsed = parseUrl(options.devServerUrl);
    // Only a local dev server may ever be trusted; anything else is a misconfiguration.
    if (parsed && parsed.protocol === 'http:' && isLoopback(parsed.hostname)) devServerOrigin = parsed.origin;
    else throw new Error(`MARQUEE_DEV_SERVER_URL must be an http:// URL on this computer, not '${options.devServerUrl}'`);
  }
  return { rendererIndexUrl: APP_INDEX_URL, devServerOrigin };
}

/** The URL a new window opens: the dev server when one is set, else the built index. */
export function startUrl(location: AppLocation): string {
  return location.devServerOrigin ? `${location.devServerOrigin}/` : location.rendererIndexUrl;
}

/**
 * True only for the app's own screen: app://marquee/index.html (or `/`, which serves it) with any
 * hash (client-side routes) or query, or the dev server's origin while developing. No file:// page
 * is trusted any more, so a downloaded HTML file can never reach the IPC bridge.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    const plain = parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
    return plain && (parsed.pathname === '/' || parsed.pathname === '/index.html');
  }
  return location.devServerOrigin !== null && parsed.origin === location.devServerOrigin;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
