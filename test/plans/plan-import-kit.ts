import { ulid } from 'ulid';
import type { RecordsDb } from '../../src-main/db/open.ts';
import { venues } from '../../src-main/db/records/schema.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

/** What the plan-import tests start each test from: a fresh box office with one venue to import into. */
export interface TempVenue {
  temp: TempBoxOffice;
  records: RecordsDb;
  venueId: string;
}

export function openTempVenue(name: string): TempVenue {
  const temp = openTempBoxOffice();
  const venueId = ulid();
  temp.office.records.insert(venues).values({ id: venueId, name }).run();
  return { temp, records: temp.office.records, venueId };
}

/** What `act` threw (undefined when it did not), for tests about the error itself. */
export function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}
