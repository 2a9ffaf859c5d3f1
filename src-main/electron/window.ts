import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer gets nothing but the preload's `window.marquee`: isolated, sandboxed, no Node, no
 * webviews. These are Electron's defaults today; spelling them out keeps a future default change
 * or a careless edit from loosening them silently.
 */
function secureWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: allowDevTools,
  };
}

function boxOfficeWindowOptions(preloadPath: string, allowDevTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Marquee',
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    // Shown once painted, so cashiers never see a blank white frame.
    show: false,
    backgroundColor: '#111318',
    webPreferences: secureWebPreferences(preloadPath, allowDevTools),
  };
}

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function openBoxOfficeWindow(
  BrowserWindowCtor: BrowserWindowClass,
  options: { preloadPath: string; url: string; allowDevTools: boolean },
): BrowserWindow {
  const window = new BrowserWindowCtor(boxOfficeWindowOptions(options.preloadPath, options.allowDevTools));
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => {
    console.error(`[marquee] could not load the box-office screen from ${options.url}`, error);
  });
  return window;
}

/** The second launch of the app brings the running window forward instead of opening a rival. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
