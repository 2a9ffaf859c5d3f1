import { join } from 'node:path';
import { openRecordsDb, openStationDb, type RecordsDb, type StationDb } from '../db/open.ts';
import { startCheckpointer } from '../db/checkpointer.ts';
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
export const STATION_FILE = 'station.sqlite';

export function openBoxOffice(options: BoxOfficeOptions): BoxOffice {
  const recordsFile = join(options.dataDir, RECORDS_FILE);
  const records = openRecordsDb(recordsFile, { migrationsRoot: options.migrationsRoot });
  // Sales commit; a worker copies the WAL into the database file (docs/performance.md).
  const checkpointer = startCheckpointer(records.$client, recordsFile);
  const station = openStationDb(join(options.dataDir, STATION_FILE), { migrationsRoot: options.migrationsRoot });
  const identity = ensureStationIdentity(station, records, options.stationName ?? 'Box office 1');
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
