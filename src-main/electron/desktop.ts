import type * as Electron from 'electron';
import { createWindowApi } from '../api/window-api.ts';
import { openBoxOffice, type BoxOffice } from '../core/box-office.ts';
import { composeBoxOffice } from '../app/compose.ts';
import { prepareDataFolder } from '../app/backup-at-start.ts';
import { SafeStorageSecretStore } from '../sync/safe-storage-secret-store.ts';
import { createAppLocation, isAppUrl, startUrl } from './app-location.ts';
import { handleAppProtocol } from './app-protocol.ts';
import { registerAppScheme } from './app-scheme.ts';
import { desktopPaths } from './desktop-paths.ts';
import { forwardBusEvents, registerIpc, trustSendersAt, WindowContexts } from './ipc.ts';
import { mayReceive } from '../api/event-access.ts';
import { menuTemplate } from './menu.ts';
import { guardSession, guardWebContents } from './security.ts';
import { chooseDesktopRole } from './desktop-role.ts';
import { openTerminalDesktop, registerTerminalIpc, relayTerminalEvents } from './terminal-desktop.ts';
import { EmbeddedHost } from '../host/embedded-host.ts';
import { join } from 'node:path';
import { focusWindow, openBoxOfficeWindow } from './window.ts';

/** The parts of the 'electron' module the shell uses, passed in so that tests can supply fakes. */
export type ElectronModules = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'session' | 'safeStorage'>;

export interface DesktopEnvironment {
  env: Record<string, string | undefined>;
  platform: string;
  /** process.resourcesPath: where extraResources land once packaged. */
  resourcesPath: string;
  /** process.argv: a terminal's first start may name its host (`--join URL --fingerprint FP`, desktop-role.ts). */
  argv?: readonly string[];
}

/**
 * Wires one box office to Electron: a single instance, one database pair in userData, every
 * contract channel on ipcMain behind a sender check, bus events to every window, and windows that
 * cannot leave the app. Resolves once the first window is open (or the app gave up).
 */
export async function startDesktop(electron: ElectronModules, environment: DesktopEnvironment): Promise<void> {
  const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, safeStorage } = electron;

  // Two processes writing one station database would fight over it; the second one hands over.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Only possible before 'ready': the screens' own origin, app://marquee (app-scheme.ts).
  registerAppScheme(protocol);

  const development = !app.isPackaged;
  const paths = desktopPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: environment.resourcesPath,
    userDataPath: app.getPath('userData'),
    env: environment.env,
  });
  const location = createAppLocation({
    devServerUrl: development ? environment.env['MARQUEE_DEV_SERVER_URL'] : null,
  });
  const ownUrl = (url: string) => isAppUrl(url, location);

  let mainWindow: Electron.BrowserWindow | undefined;
  const openWindow = () => {
    mainWindow = openBoxOfficeWindow(BrowserWindow, {
      preloadPath: paths.preloadPath,
      url: startUrl(location),
      allowDevTools: development,
    });
    mainWindow.on('closed', () => (mainWindow = undefined));
  };

  app.on('second-instance', () => focusWindow(mainWindow ?? BrowserWindow.getAllWindows()[0]));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, ownUrl));
  // The databases close with the last window on every platform: a till has no dock-only state.
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  // The built screens, and only they, answer on app://marquee/ (never file://).
  handleAppProtocol(protocol, paths.rendererDir);

  // Asked once: the box office itself, or a terminal joining one (desktop-role.ts, src-main/terminal/).
  const role = await chooseDesktopRole(dialog, paths.dataDir, environment.argv ?? []);
  if (role.role === 'terminal') {
    const terminal = await openTerminalDesktop({ ...paths, version: app.getVersion(), role, secrets: new SafeStorageSecretStore(safeStorage, join(paths.dataDir, 'terminal'), 'terminal-window.secret') });
    guardSession(session.defaultSession);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(environment.platform, development)));
    registerTerminalIpc(ipcMain, terminal, trustSendersAt(ownUrl));
    relayTerminalEvents(terminal, () => BrowserWindow.getAllWindows());
    app.on('will-quit', () => void terminal.close());
    openWindow();
    return;
  }

  let office: BoxOffice;
  try {
    await prepareDataFolder(paths.dataDir, paths.migrationsRoot, app.getVersion());
    office = openBoxOffice({
      mode: 'desktop',
      dataDir: paths.dataDir,
      migrationsRoot: paths.migrationsRoot,
      layoutsDir: paths.layoutsDir,
      assetsDir: paths.assetsDir,
      version: app.getVersion(),
    });
  } catch (error) {
    // openBoxOffice's sentence names the file and its folder and says what to do (full disk,
    // read-only folder, damaged file), so the dialog shows it as it is: no stack trace.
    const sentence = error instanceof Error ? error.message : String(error);
    console.error(`[marquee] could not open the box-office databases: ${sentence}`);
    dialog.showErrorBox('Marquee could not start', sentence);
    app.quit();
    return;
  }

  // Built once for every window. Packaged, the assets (layouts, logos, the printer font) are
  // extraResources rather than beside the source: the office names them and compose hands them on.
  const boxOffice = composeBoxOffice(office, { secrets: new SafeStorageSecretStore(safeStorage, paths.dataDir) });
  // "Serve other windows" (Manage → Windows): host mode's server inside this box office, off until a manager turns it on.
  const serving = new EmbeddedHost({ boxOffice, dispatcher: () => dispatcher, rendererDir: paths.rendererDir });
  // createWindowApi: a window a manager puts in training sells from the training records, as in host mode.
  const dispatcher = createWindowApi(boxOffice, { checkOutput: development, windowServing: serving });
  void serving.resume();
  guardSession(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(environment.platform, development)));
  const windowContexts = new WindowContexts(office.identity.id);
  const unregister = registerIpc(ipcMain, dispatcher, trustSendersAt(ownUrl), windowContexts);
  const stopForwarding = forwardBusEvents(office.bus, () => BrowserWindow.getAllWindows(), (windowId, event) =>
    mayReceive(dispatcher.sessions, office.identity.id, windowContexts.secretOf(windowId), event),
  );
  // A window that closes or navigates again (reload) starts without a session.
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id;
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) windowContexts.forget(id);
    });
    contents.once('destroyed', () => windowContexts.forget(id));
  });

  // Quitting waits for the services (print queue, sync) to stop before the databases close, so a
  // job in flight is never cut off half-written.
  let shutdown: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('will-quit', (event) => {
    if (shutdown === 'stopped') return;
    event.preventDefault();
    if (shutdown === 'stopping') return;
    shutdown = 'stopping';
    stopForwarding();
    unregister();
    serving
      .close()
      .then(() => dispatcher.close())
      .then(() => boxOffice.stop())
      .catch((error: unknown) => console.error('[marquee] a service did not stop cleanly', error))
      .finally(() => {
        office.close();
        shutdown = 'stopped';
        app.quit();
      });
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  openWindow();
}
