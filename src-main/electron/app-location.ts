import { pathToFileURL } from 'node:url';

/** Where the box-office screen is loaded from: the built index.html, or a dev server while developing. */
export interface AppLocation {
  /** file:// URL of dist/renderer/index.html, without query or hash. */
  readonly rendererIndexUrl: string;
  /** Origin of the vite dev server when one is used (never once packaged). */
  readonly devServerOrigin: string | null;
  /** Windows and macOS file systems ignore case, and so may the frame URLs Chromium reports. */
  readonly caseInsensitiveFiles: boolean;
}

export function createAppLocation(options: {
  rendererIndexPath: string;
  devServerUrl?: string | null | undefined;
  platform: string;
}): AppLocation {
  let devServerOrigin: string | null = null;
  if (options.devServerUrl) {
    const parsed = parseUrl(options.devServerUrl);
    // Only a local dev server may ever be trusted; anything else is a misconfiguration.
    if (parsed && parsed.protocol === 'http:' && isLoopback(parsed.hostname)) devServerOrigin = parsed.origin;
    else throw new Error(`MARQUEE_DEV_SERVER_URL must be an http:// URL on this computer, not '${options.devServerUrl}'`);
  }
  return {
    rendererIndexUrl: pathToFileURL(options.rendererIndexPath).href,
    devServerOrigin,
    caseInsensitiveFiles: options.platform === 'win32' || options.platform === 'darwin',
  };
}

/** The URL a new window opens: the dev server when one is set, else the built index. */
export function startUrl(location: AppLocation): string {
  return location.devServerOrigin ? `${location.devServerOrigin}/` : location.rendererIndexUrl;
}

/**
 * True only for the app's own screen. The hash (client-side routes) and query may vary; the file
 * itself may not, so another local HTML file (a downloaded page, say) is never trusted.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'file:') {
    parsed.hash = '';
    parsed.search = '';
    const own = new URL(location.rendererIndexUrl);
    return location.caseInsensitiveFiles
      ? decodeURIComponent(parsed.href).toLowerCase() === decodeURIComponent(own.href).toLowerCase()
      : parsed.href === own.href;
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
