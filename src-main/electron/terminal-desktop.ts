import { join } from 'node:path';
import { events, procedureNames, procedures, type EventName } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/errors.ts';
import type { SecretStore } from '../sync/secret-store.ts';
import { openTerminal, type Terminal } from '../terminal/terminal-core.ts';
import type { DesktopRole } from './desktop-role.ts';
import type { EventTarget, IpcMainLike, SenderCheck } from './ipc.ts';

export interface TerminalDesktopOptions {
  dataDir: string;
  migrationsRoot: string;
  layoutsDir: string;
  assetsDir: string;
  version: string;
  role: Extract<DesktopRole, { role: 'terminal' }>;
  /** safeStorage-backed, so the window token is encrypted at rest like the sync password. */
  secrets: SecretStore;
}

/**
 * The desktop app as a terminal: the terminal core in its own folder (its own station.sqlite:
 * printers, print queue, journal), joined to the host named at first start. Kept thin: the core
 * is plain Node and tested without Electron (test/terminal/).
 */
export async function openTerminalDesktop(options: TerminalDesktopOptions): Promise<Terminal> {
  const terminal = await openTerminal({
    dataDir: join(options.dataDir, 'terminal'),
    migrationsRoot: options.migrationsRoot,
    layoutsDir: options.layoutsDir,
    assetsDir: options.assetsDir,
    version: options.version,
    secrets: options.secrets,
  });
  const joinTo = options.role.join;
  if (!terminal.host() && joinTo) await terminal.join(joinTo.url, joinTo.fingerprint, joinTo.windowName);
  return terminal;
}

/**
 * Every contract channel answered by the host through the terminal (the same `{ok, value}` shapes
 * the local dispatcher gives), behind the same sender check as the box office's own IPC.
 */
export function registerTerminalIpc(ipcMain: IpcMainLike, terminal: Terminal, isTrustedSender: SenderCheck): () => void {
  const channels = procedureNames.map((name) => [name, procedures[name].channel] as const);
  for (const [name, channel] of channels) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: "This call did not come from the box office's own screen, so it was refused." } } satisfies Result<never>;
      }
      try {
        return await terminal.call(name, input);
      } catch (error) {
        console.error(`[marquee] terminal call ${name} failed`, error);
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong in this terminal; it has been logged.' } } satisfies Result<never>;
      }
    });
  }
  return () => {
    for (const [, channel] of channels) ipcMain.removeHandler(channel);
  };
}

/** The host's events (already filtered by the host for this terminal's session) to every open window. */
export function relayTerminalEvents(terminal: Terminal, windows: () => readonly EventTarget[]): () => void {
  const offs = (Object.keys(events) as EventName[]).map((event) =>
    terminal.on(event, (payload) => {
      for (const window of windows()) {
        if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(events[event].channel, payload);
      }
    }),
  );
  return () => offs.forEach((off) => off());
}
