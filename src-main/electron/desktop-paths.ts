import { join, resolve } from 'node:path';

export interface DesktopPaths {
  /** The two SQLite files live here: userData unless MARQUEE_DATA_DIR says otherwise. */
  dataDir: string;
  migrationsRoot: string;
  layoutsDir: string;
  assetsDir: string;
  /** The built screens, served as app://marquee/ (app-protocol.ts). */
  rendererDir: string;
  preloadPath: string;
}

/**
 * Packaged, the migrations, layouts and assets are extraResources beside app.asar (see
 * electron-builder.yml); from source they are the repository's own folders. The renderer and the
 * preload sit under dist/ in both cases (app.getAppPath() is the asar or the project folder).
 */
export function desktopPaths(options: {
  isPackaged: boolean;
  appPath: string;
  resourcesPath: string;
  userDataPath: string;
  env: Record<string, string | undefined>;
}): DesktopPaths {
  const override = options.env['MARQUEE_DATA_DIR']?.trim();
  const resources = options.isPackaged ? options.resourcesPath : null;
  return {
    dataDir: override ? resolve(override) : options.userDataPath,
    migrationsRoot: resources ? join(resources, 'migrations') : join(options.appPath, 'src-main', 'db', 'migrations'),
    layoutsDir: resources ? join(resources, 'layouts') : join(options.appPath, 'layouts'),
    assetsDir: resources ? join(resources, 'assets') : join(options.appPath, 'assets'),
    rendererDir: join(options.appPath, 'dist', 'renderer'),
    preloadPath: join(options.appPath, 'dist', 'preload', 'index.cjs'),
  };
}
