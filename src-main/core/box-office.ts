import { join } from 'node:path';
import { openRecordsDb, openStationDb, type RecordsDb, type StationDb } from '../db/open.ts';
import { startCheckpointer } from '../db/checkpointer.ts';
import { storageErrorAtStart } from '../db/storage-errors.ts';
import { systemClock, type Clock } from './clock.ts';
import { EventBus } from './event-bus.ts';
import { sourceAssetsDir, sourceLayoutsDir } from '../paths.ts';
import { ensureStationIdentity, type StationIdentity } from './station-identity.ts';

export interface BoxOfficeOptions {
  dataDir: string;
  migrationsRoot: string;
  mode: 'desktop' | 'host';
  version: string;
  stationName?: string;
  clock?: Clock;
  /** Built-in layouts and assets: the source folders, or extraResources once packaged. */
  layoutsDir?: string;
  assetsDir?: string;
}

/**
 * Everything the procedures need, with no Electron in sight: both databases, the clock, the event
 * bus and who this station is. The Electron shell and host mode each open exactly one.
 */
export interface BoxOffice {
  readonly records: RecordsDb;
  readonly station: StationDb;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly identity: StationIdentity;
  readonly mode: 'desktop' | 'host';
  readonly version: string;
  readonly dataDir: string;
  readonly migrationsRoot: string;
  readonly layoutsDir: string;
  readonly assetsDir: string;
  close(): void;
}

export const RECORDS_FILE = 'records.sqlite';
const STATION_FILE = 'station.sqlite';

/**
 * Opens the data folder's two databases. A bad folder (missing and not creatable, read-only, on a
 * full disk) or a damaged file throws a MarqueeError (code STORAGE) whose sentence names the file
 * and says what to do; whatever was already open is closed again first.
 */
export function openBoxOffice(options: BoxOfficeOptions): BoxOffice {
  const recordsFile = join(options.dataDir, RECORDS_FILE);
  const records = openRecordsDb(recordsFile, { migrationsRoot: options.migrationsRoot });
  // Sales commit; a worker copies the WAL into the database file (docs/performance.md).
  const checkpointer = startCheckpointer(records.$client, recordsFile);
  let station: StationDb | undefined;
  let identity: StationIdentity;
  try {
    station = openStationDb(join(options.dataDir, STATION_FILE), { migrationsRoot: options.migrationsRoot });
    // The first write of every start: on a full disk or a read-only folder this is where it shows.
    identity = ensureStationIdentity(station, records, options.stationName ?? 'Box office 1');
  } catch (error) {
    closeQuietly(() => checkpointer.close());
    closeQuietly(() => records.$client.close());
    if (station) closeQuietly(() => station?.$client.close());
    throw storageErrorAtStart(error, recordsFile);
  }
  return {
    records,
    station,
    clock: options.clock ?? systemClock,
    bus: new EventBus(),
    identity,
    mode: options.mode,
    version: options.version,
    dataDir: options.dataDir,
    migrationsRoot: options.migrationsRoot,
    layoutsDir: options.layoutsDir ?? sourceLayoutsDir,
    assetsDir: options.assetsDir ?? sourceAssetsDir,
    close() {
      checkpointer.close();
      records.$client.close();
      station.$client.close();
    },
  };
}

/** Closing after a failed start must not hide why it failed (a final checkpoint on a full disk fails too). */
function closeQuietly(close: () => void): void {
  try {
    close();
  } catch {
    // The start-up failure already being thrown is the one that matters.
  }
}
