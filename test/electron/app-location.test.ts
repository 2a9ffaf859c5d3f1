import { describe, expect, it } from 'vitest';
import { createAppLocation, isAppUrl, startUrl } from '../../src-main/electron/app-location.ts';
import { desktopPaths } from '../../src-main/electron/desktop-paths.ts';

describe('isAppUrl', () => {
  const built = createAppLocation({});

  it('trusts app://marquee/index.html with any hash or query, and nothing else', () => {
    expect(startUrl(built)).toBe('app://marquee/index.html');
    expect(isAppUrl(`${startUrl(built)}#/sell?performance=1`, built)).toBe(true);
    expect(isAppUrl(`${startUrl(built)}?x=1`, built)).toBe(true);
    expect(isAppUrl('app://marquee/', built)).toBe(true);
    expect(isAppUrl('app://marquee/other.html', built)).toBe(false);
    expect(isAppUrl('app://marquee/assets/index.html', built)).toBe(false);
    expect(isAppUrl('app://marquee:8080/index.html', built)).toBe(false);
    expect(isAppUrl('app://someone@marquee/index.html', built)).toBe(false);
    expect(isAppUrl('app://evil/index.html', built)).toBe(false);
    expect(isAppUrl('marquee://app/index.html', built)).toBe(false);
    // The old file:// home is a stranger now, wherever the build sits.
    expect(isAppUrl('file:///opt/Marquee/resources/app.asar/dist/renderer/index.html', built)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppUrl('', built)).toBe(false);
  });

  it('trusts a local dev server by origin, and refuses to configure a remote one', () => {
    const dev = createAppLocation({ devServerUrl: 'http://localhost:5173/' });
    expect(startUrl(dev)).toBe('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('app://marquee/index.html', dev)).toBe(true);
    expect(() => createAppLocation({ devServerUrl: 'http://example.com:5173' })).toThrow(/MARQUEE_DEV_SERVER_URL/);
  });
});

describe('desktopPaths', () => {
  it('reads resources from beside app.asar once packaged, and from the project folder otherwise', () => {
    const common = { appPath: '/src/marquee', resourcesPath: '/opt/M/resources', userDataPath: '/home/u/.config/Marquee', env: {} };
    expect(desktopPaths({ ...common, isPackaged: true })).toMatchObject({
      dataDir: '/home/u/.config/Marquee',
      migrationsRoot: '/opt/M/resources/migrations',
      layoutsDir: '/opt/M/resources/layouts',
      assetsDir: '/opt/M/resources/assets',
      preloadPath: '/src/marquee/dist/preload/index.cjs',
      rendererDir: '/src/marquee/dist/renderer',
    });
    expect(desktopPaths({ ...common, isPackaged: false })).toMatchObject({
      migrationsRoot: '/src/marquee/src-main/db/migrations',
      assetsDir: '/src/marquee/assets',
    });
    expect(desktopPaths({ ...common, isPackaged: true, env: { MARQUEE_DATA_DIR: '/srv/till' } }).dataDir).toBe('/srv/till');
    expect(desktopPaths({ ...common, isPackaged: true, env: { MARQUEE_DATA_DIR: '  ' } }).dataDir).toBe('/home/u/.config/Marquee');
  });
});
