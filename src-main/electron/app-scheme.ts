import type { CustomScheme } from 'electron';

/**
 * The screens load from `app://marquee/`, served by our own handler (app-protocol.ts), instead of
 * from file://: a file:// page shares its origin with every other local file and, unless the
 * GrantFileProtocolExtraPrivileges fuse is off, may read them. A custom origin gets exactly the
 * files of the built renderer and nothing else on the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'marquee';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: relative URLs (vite's `base: './'`) resolve and the page has a real origin, so its
 * module scripts load same-origin. secure: a secure context, as https would be. supportFetchAPI and
 * codeCache: ordinary page behaviour and a faster start. Deliberately NOT bypassCSP (our CSP must
 * apply), NOT corsEnabled (no other origin may read these files) and NOT allowServiceWorkers.
 */
const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export interface SchemeRegistrar {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
}

/** Electron accepts this only before the app is ready, and only once. */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([appScheme]);
}
