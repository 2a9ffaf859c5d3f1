import { describe, expect, it } from 'vitest';
import { createAppLocation, isAppUrl, startUrl } from '../../src-main/electron/app-location.ts';
import { desktopPaths } from '../../src-main/electron/desktop-paths.ts';

describe('isAppUrl', () => {
  const built = createAppLocation({ rendererIndexPath: '/opt/Marquee/resources/app.asar/dist/renderer/index.html', platform: 'linux' });

  it('trusts the built index with any hash or query, and nothing else on disk', () => {
    expect(startUrl(built)).toBe('file:///opt/Marquee/resources/app.asar/dist/renderer/index.html');
    expect(isAppUrl(`${startUrl(built)}#/sell?performance=1`, built)).toBe(true);
    expect(isAppUrl(`${startUrl(built)}?x=1`, built)).toBe(true);
    expect(isAppUrl('file:///opt/Marquee/resources/app.asar/dist/renderer/other.html', built)).toBe(false);
    expect(isAppUrl('file:///opt/Marquee/resources/app.asar/dist/renderer/INDEX.html', built)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppUrl('', built)).toBe(false);
  });

  it('ignores case in file URLs where the file system does', () => {
    const windows = createAppLocation({ rendererIndexPath: '/C:/Program Files/Marquee/dist/renderer/index.html', platform: 'win32' });
    const otherCase = startUrl(windows).replace('Program%20Files', 'program%20files');
    expect(otherCase).not.toBe(startUrl(windows));
    expect(isAppUrl(otherCase, windows)).toBe(true);
    expect(isAppUrl(otherCase.replace('index.html', 'other.html'), windows)).toBe(false);
  });

  it('trusts a local dev server by origin, and refuses to configure a remote one', () => {
    const dev = createAppLocation({ rendererIndexPath: '/p/dist/renderer/index.html', devServerUrl: 'http://localhost:5173/', platform: 'linux' });
    expect(startUrl(dev)).toBe('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(() =>
      createAppLocation({ rendererIndexPath: '/p/index.html', devServerUrl: 'http://example.com:5173', platform: 'linux' }),
    ).toThrow(/MARQUEE_DEV_SERVER_URL/);
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
    });
    expect(desktopPaths({ ...common, isPackaged: false })).toMatchObject({
      migrationsRoot: '/src/marquee/src-main/db/migrations',
      assetsDir: '/src/marquee/assets',
    });
    expect(desktopPaths({ ...common, isPackaged: true, env: { MARQUEE_DATA_DIR: '/srv/till' } }).dataDir).toBe('/srv/till');
    expect(desktopPaths({ ...common, isPackaged: true, env: { MARQUEE_DATA_DIR: '  ' } }).dataDir).toBe('/home/u/.config/Marquee');
  });
});
