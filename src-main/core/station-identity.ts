import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { RecordsDb, StationDb } from '../db/open.ts';
import { preferences } from '../db/station/schema.ts';
import { stations } from '../db/records/schema.ts';

export interface StationIdentity {
  id: string;
  name: string;
}

/** A machine keeps its station id for life, so holds and ledger rows always say where they came from. */
export function ensureStationIdentity(station: StationDb, records: RecordsDb, defaultName: string): StationIdentity {
  const read = (key: string) => station.select().from(preferences).where(eq(preferences.key, key)).get()?.value;
  const storedId = read('station.id');
  const storedName = read('station.name');
  let id: string;
  let name: string;
  if (typeof storedId === 'string') {
    id = storedId;
  } else {
    id = ulid();
    station.insert(preferences).values({ key: 'station.id', value: id }).run();
  }
  if (typeof storedName === 'string') {
    name = storedName;
  } else {
    name = defaultName;
    station.insert(preferences).values({ key: 'station.name', value: name }).run();
  }
  records.insert(stations).values({ id, name }).onConflictDoUpdate({ target: stations.id, set: { name } }).run();
  return { id, name };
}
