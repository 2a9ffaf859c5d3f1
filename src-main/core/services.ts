import type { BoxOffice } from './box-office.ts';

export interface RunningServices {
  stop(): Promise<void>;
}

/**
 * Background work that lives as long as the box office is open (hold sweeper, print queue, sync).
 * Host mode and the Electron shell both start it once after opening the box office.
 */
export function startServices(_office: BoxOffice): RunningServices {
  const stops: (() => void | Promise<void>)[] = [];
  return {
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
