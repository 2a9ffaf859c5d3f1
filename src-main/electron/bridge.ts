import {
  CHANNEL_PREFIX,
  EVENT_PREFIX,
  events,
  procedureNames,
  procedures,
  type EventName,
  type MarqueeBridge,
  type ProcedureName,
} from '../../src-shared/contract/index.ts';

/** The slice of Electron's ipcRenderer the bridge uses (injected so tests can record it). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

// As VS Code's validateIPC: the preload only ever touches channels of our own prefix, so a
// contract typo can never turn the bridge into a door to Electron's internal channels.
function checkChannel(channel: string, prefix: string): string {
  if (typeof channel !== 'string' || !channel.startsWith(prefix)) {
    throw new Error(`Refusing IPC channel '${String(channel)}': it does not start with '${prefix}'.`);
  }
  return channel;
}

/**
 * `window.marquee`: one method per contract procedure and `on` for contract events. Nothing else;
 * in particular never a raw invoke or the IpcRendererEvent (which would hand the page `sender`).
 */
export function createBridge(ipcRenderer: IpcRendererLike): MarqueeBridge {
  const methods: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of procedureNames) {
    const channel = checkChannel(procedures[name].channel, CHANNEL_PREFIX);
    methods[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }

  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    if (typeof event !== 'string' || !Object.hasOwn(events, event)) {
      throw new Error(`'${String(event)}' is not a box-office event.`);
    }
    if (typeof listener !== 'function') throw new Error('A box-office event listener must be a function.');
    const channel = checkChannel(events[event].channel, EVENT_PREFIX);
    const relay = (_event: unknown, payload: unknown) => (listener as (payload: unknown) => void)(payload);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  };

  const bridge = { ...(methods as { [K in ProcedureName]: MarqueeBridge[K] }), on } satisfies MarqueeBridge;
  return bridge;
}
