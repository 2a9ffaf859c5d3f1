import { eq } from 'drizzle-orm';
import type { RecordsDb } from '../db/open.ts';
import { settings } from '../db/records/schema.ts';

/** Installation-wide settings shared by every window (currency, venue name, hold minutes, ...). */
export function readSetting<T>(records: RecordsDb, key: string, fallback: T): T {
  const row = records.select().from(settings).where(eq(settings.key, key)).get();
  return row === undefined ? fallback : (row.value as T);
}

export function writeSetting(records: RecordsDb, key: string, value: unknown): void {
  records
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}
