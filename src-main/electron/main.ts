import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { startDesktop } from './desktop.ts';

// The entry Electron runs (package.json "main" → dist/main/index.cjs). Everything testable lives
// in startDesktop, which takes the electron modules as arguments.
startDesktop(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session },
  { env: process.env, platform: process.platform, resourcesPath: process.resourcesPath, argv: process.argv },
).catch((error: unknown) => {
  console.error('[marquee] the desktop shell failed to start', error);
  dialog.showErrorBox('Marquee could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
