/**
 * The locks on the renderer: a strict CSP on every response, no permissions, no navigation away
 * from the app, no new windows, no webviews. Written against small interfaces so that tests can
 * drive them with fakes; Electron's Session and WebContents satisfy them.
 */
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy.ts';

type Headers = Record<string, string | string[]>;

/** The response's headers with our CSP in place of any the response brought. */
function withContentSecurityPolicy(headers: Headers | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Headers }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** A box-office screen needs no camera, microphone, notifications or location: refuse them all. */
export function guardSession(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applied to every web contents the app creates, so that a link, a redirect or a script can never
 * take a window (which holds the IPC bridge) somewhere else.
 */
export function guardWebContents(
  contents: WebContentsLike,
  isAppUrl: (url: string) => boolean,
  log: (message: string) => void = (message) => console.warn(`[marquee] ${message}`),
): void {
  const stayHome = (event: PreventableEvent & { url: string }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`Blocked navigation to ${event.url}`);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`Blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}
