import { EventEmitter } from 'node:events';
import type { ElectronModules } from '../../src-main/electron/desktop.ts';

/**
 * Stand-ins for the parts of the 'electron' module the shell and the preload use, recording what
 * was asked of them. Electron's binary cannot run here; everything behind these fakes is real.
 */

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires an event the way Electron does: listeners may call preventDefault(). */
  fire(name: string, details: Record<string, unknown> = {}): { prevented: boolean } {
    const outcome = { prevented: false };
    this.emit(name, { ...details, preventDefault: () => (outcome.prevented = true) });
    return outcome;
  }
}

export interface FakeElectron {
  modules: ElectronModules;
  app: FakeApp;
  windows: FakeWindow[];
  ipcHandlers: Map<string, Listener>;
  removedChannels: string[];
  menuTemplates: unknown[];
  errorBoxes: { title: string; content: string }[];
  session: {
    headersListener: Listener | null;
    permissionRequestHandler: Listener | null;
    permissionCheckHandler: Listener | null;
  };
  protocol: {
    /** Each registerSchemesAsPrivileged call's argument (Electron allows one, before ready). */
    privileged: unknown[][];
    handlers: Map<string, (request: Request) => Response | Promise<Response>>;
  };
  /** Asks the registered protocol handler for `url`, as a page loading it would. */
  fetchApp(url: string, method?: string): Promise<Response>;
  /** Calls a registered ipcMain handler as a renderer frame at `senderUrl` (null: frame gone). */
  invoke(channel: string, senderUrl: string | null, input?: unknown): Promise<unknown>;
}

export interface FakeApp extends EventEmitter {
  isPackaged: boolean;
  lockGranted: boolean;
  lockRequests: number;
  quitCalls: number;
  markReady(): void;
  /** Emits will-quit; true when a listener postponed quitting. */
  quit(): boolean;
}

export interface FakeWindow extends EventEmitter {
  options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  loadedUrl: string | null;
  webContents: FakeWebContents;
  focused: number;
  destroyed: boolean;
}

export function createFakeElectron(options: { appPath: string; userDataPath: string }): FakeElectron {
  let resolveReady: () => void = () => undefined;
  let isReady = false;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    lockGranted: true,
    lockRequests: 0,
    quitCalls: 0,
    markReady: () => {
      isReady = true;
      resolveReady();
    },
    requestSingleInstanceLock() {
      app.lockRequests += 1;
      return app.lockGranted;
    },
    whenReady: () => ready,
    getAppPath: () => options.appPath,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`The fake app only knows userData, not ${name}`);
      return options.userDataPath;
    },
    getVersion: () => '0.1.0-test',
    quit() {
      app.quitCalls += 1;
      // As Electron: quitting emits will-quit, which a listener may postpone with preventDefault.
      let prevented = false;
      app.emit('will-quit', { preventDefault: () => (prevented = true) });
      return prevented;
    },
    exit: () => undefined,
  });

  const windows: FakeWindow[] = [];
  class BrowserWindow extends EventEmitter implements FakeWindow {
    loadedUrl: string | null = null;
    webContents = new FakeWebContents();
    focused = 0;
    destroyed = false;
    constructor(readonly options: FakeWindow['options']) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows() {
      return windows.filter((window) => !window.destroyed);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    show() {}
    focus() {
      this.focused += 1;
    }
  }

  const ipcHandlers = new Map<string, Listener>();
  const removedChannels: string[] = [];
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      // Electron refuses a second handler on one channel; so does the fake.
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      ipcHandlers.delete(channel);
      removedChannels.push(channel);
    },
  };

  const session: FakeElectron['session'] = {
    headersListener: null,
    permissionRequestHandler: null,
    permissionCheckHandler: null,
  };
  const defaultSession = {
    webRequest: { onHeadersReceived: (listener: Listener) => (session.headersListener = listener) },
    setPermissionRequestHandler: (handler: Listener) => (session.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler: Listener) => (session.permissionCheckHandler = handler),
  };

  const protocolState: FakeElectron['protocol'] = { privileged: [], handlers: new Map() };
  const protocol = {
    // As Electron: schemes are made privileged once, before the app is ready; handlers only after.
    registerSchemesAsPrivileged(schemes: unknown[]) {
      if (isReady) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
      if (protocolState.privileged.length > 0) throw new Error('registerSchemesAsPrivileged can be called only once');
      protocolState.privileged.push(schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      if (!isReady) throw new Error('protocol.handle can only be used once the app is ready');
      if (protocolState.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
      protocolState.handlers.set(scheme, handler);
    },
    unhandle(scheme: string) {
      protocolState.handlers.delete(scheme);
    },
  };

  const menuTemplates: unknown[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const modules = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    // Electron's keychain cannot run here; a reversible stand-in keeps the shell's wiring testable.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => menuTemplates.push(menu.template),
    },
    // The start-up question (desktop-role.ts): the first button, "This computer is the box office".
    dialog: { showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }), showMessageBox: () => Promise.resolve({ response: 0, checkboxChecked: false }) },
  } as unknown as ElectronModules;

  return {
    modules,
    app,
    windows,
    ipcHandlers,
    removedChannels,
    menuTemplates,
    errorBoxes,
    session,
    protocol: protocolState,
    async fetchApp(url, method = 'GET') {
      const handler = protocolState.handlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) throw new Error(`No protocol handler for ${url}`);
      return handler(new Request(url, { method }));
    },
    async invoke(channel, senderUrl, input) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No ipcMain handler for ${channel}`);
      // The call comes from the first window, as the app's one screen.
      return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl }, sender: { id: windows[0]?.webContents.id ?? 0 } }, input);
    },
  };
}

/** The renderer side: contextBridge and ipcRenderer, for the preload. */
export function createFakeRenderer() {
  const exposed: { key: string; api: unknown }[] = [];
  const invocations: { channel: string; args: unknown[] }[] = [];
  const emitter = new EventEmitter();
  let answer: (channel: string, input: unknown) => Promise<unknown> = () => Promise.resolve(undefined);
  return {
    exposed,
    invocations,
    emitter,
    answerWith(fn: (channel: string, input: unknown) => Promise<unknown>) {
      answer = fn;
    },
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        exposed.push({ key, api });
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        invocations.push({ channel, args });
        return answer(channel, args[0]);
      },
      on(channel: string, listener: Listener) {
        emitter.on(channel, listener);
      },
      removeListener(channel: string, listener: Listener) {
        emitter.removeListener(channel, listener);
      },
    },
  };
}
