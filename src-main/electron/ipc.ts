import type { Result } from '../../src-shared/errors.ts';
import { events, type EventName } from '../../src-shared/contract/index.ts';
import type { CallContext, Dispatcher } from '../api/dispatcher.ts';
import type { EventBus } from '../core/event-bus.ts';

/** What a handler sees of Electron's IpcMainInvokeEvent: the frame that sent the call and its window. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: { readonly id: number };
}

/** The slice of Electron's ipcMain this module needs (injected so tests can record it). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

const forbidden: Result<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: "This call did not come from the box office's own screen, so it was refused.",
  },
};

/** A sender is trusted only when its frame is still there and shows the app's own page. */
export function trustSendersAt(isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    return frame !== null && isAppUrl(frame.url);
  };
}

/**
 * Each window's call context, kept in the main process: the session secret a sign-in issues stays
 * here, keyed by the window's webContents id, and never reaches the renderer, so a script in the
 * page has nothing to steal and one window cannot act on another's session.
 */
export class WindowContexts {
  private readonly byWindow = new Map<number, CallContext>();

  constructor(private readonly stationId: string) {}

  contextOf(windowId: number): CallContext {
    let ctx = this.byWindow.get(windowId);
    if (!ctx) {
      ctx = { transport: 'ipc', stationId: this.stationId, peer: `ipc:${windowId}`, sessionSecret: null };
      this.byWindow.set(windowId, ctx);
    }
    return ctx;
  }

  /** A closed or reloaded window forgets its session; the next page signs in again. */
  forget(windowId: number): void {
    this.byWindow.delete(windowId);
  }

  secretOf(windowId: number): string | null {
    return this.byWindow.get(windowId)?.sessionSecret ?? null;
  }
}

/**
 * Registers one `ipcMain.handle` per contract channel; every call goes through the dispatcher, so
 * the renderer only ever receives `{ok, value}` or `{ok: false, error: {code, message}}` and an
 * invoke never rejects (a rejection would carry Electron's own error text to the screen).
 * Returns a function that removes the handlers again.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatcher: Dispatcher,
  isTrustedSender: SenderCheck,
  windows: WindowContexts,
): () => void {
  const channels = [...dispatcher.channels.keys()];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) return forbidden;
      try {
        return await dispatcher.callChannel(channel, input, windows.contextOf(event.sender.id));
      } catch (error) {
        console.error(`[marquee] IPC call on ${channel} failed`, error);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong in the box office; it has been logged.' },
        } satisfies Result<never>;
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** A window as far as event forwarding cares. */
export interface EventTarget {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; isDestroyed(): boolean; send(channel: string, payload: unknown): void };
}

/** Pushes each bus event to the open windows that may receive it (signed in, role high enough). */
export function forwardBusEvents(
  bus: EventBus,
  windows: () => readonly EventTarget[],
  mayReceive: (windowId: number, event: EventName) => boolean,
): () => void {
  return bus.subscribe((event: EventName, payload) => {
    const channel = events[event].channel;
    for (const window of windows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
      if (!mayReceive(window.webContents.id, event)) continue;
      window.webContents.send(channel, payload);
    }
  });
}
