import { eq } from 'drizzle-orm';
import type { WindowServingStatus } from '../../src-shared/contract/window-serving.ts';
import type { StationDb } from '../db/open.ts';
import { preferences } from '../db/station/schema.ts';

/**
 * "Serve other windows" in the desktop app: the switch a manager turns in Manage → Windows.
 * The API layer sees only this interface; host/embedded-host.ts is what starts host mode's own
 * server inside the running desktop box office (the API may not import host/).
 */
export interface WindowServing {
  status(): WindowServingStatus;
  start(): Promise<WindowServingStatus>;
  stop(): Promise<WindowServingStatus>;
}

const SERVING_KEY = 'serveWindows.on';

/** Whether this computer served other windows when it last ran: it serves them again at start. */
export function readServingWanted(station: StationDb): boolean {
  return station.select().from(preferences).where(eq(preferences.key, SERVING_KEY)).get()?.value === (true as unknown as string);
}

export function writeServingWanted(station: StationDb, on: boolean): void {
  station
    .insert(preferences)
    .values({ key: SERVING_KEY, value: on as unknown as string })
    .onConflictDoUpdate({ target: preferences.key, set: { value: on as unknown as string } })
    .run();
}
