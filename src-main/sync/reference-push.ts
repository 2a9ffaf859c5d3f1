import { createHash } from 'node:crypto';
import { asc, getTableColumns, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { RecordsDb } from '../db/open.ts';
import * as local from '../db/records/schema.ts';

/**
 * The reference data the ledger points to. Each local table goes to the central table of the
 * same name and columns, plus installation_id; `omit` keeps secrets (PIN hashes) at the venue.
 */
interface ReferenceTable {
  name: string;
  table: SQLiteTable & { id: Column };
  omit?: string[];
}

export const referenceTables: ReferenceTable[] = [
  { name: 'stations', table: local.stations },
  { name: 'venues', table: local.venues },
  { name: 'seating_plans', table: local.seatingPlans },
  { name: 'plan_categories', table: local.planCategories },
  { name: 'plan_seats', table: local.planSeats },
  { name: 'plan_areas', table: local.planAreas },
  { name: 'events', table: local.events },
  { name: 'performances', table: local.performances },
  { name: 'price_bands', table: local.priceBands },
  { name: 'staff', table: local.staff, omit: ['pin_hash', 'pin_salt', 'failed_attempts', 'locked_until'] },
];

interface Snapshot {
  columns: string[];
  rows: unknown[][];
  digest: string;
}

function snapshot(records: RecordsDb, ref: ReferenceTable): Snapshot {
  const entries = Object.entries(getTableColumns(ref.table)).filter(([, col]) => !ref.omit?.includes(col.name));
  const rows = records
    .select()
    .from(ref.table)
    .orderBy(asc(ref.table.id))
    .all()
    .map((row) => entries.map(([key]) => (row as Record<string, unknown>)[key] ?? null));
  const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  return { columns: entries.map(([, col]) => col.name), rows, digest };
}

function lastUnitId(records: RecordsDb): number {
  return (records.$client.prepare('select coalesce(max(id), 0) as m from units').get() as { m: number }).m;
}

/** What the reference tables hold now, as digests; cheap enough to compare before every push. */
export function referenceDigests(records: RecordsDb): Map<string, string> {
  const digests = new Map(referenceTables.map((ref) => [ref.name, snapshot(records, ref).digest]));
  digests.set('units', String(lastUnitId(records)));
  return digests;
}

const UNIT_CHUNK = 5000;

/**
 * Units are written once, when a performance is created, and then only change state (which the
 * ledger carries), so the central copy of what each unit is grows by id and is never re-sent.
 */
async function pushUnits(conn: Connection, records: RecordsDb, installationId: string): Promise<boolean> {
  const [rows] = await conn.query<RowDataPacket[]>('select coalesce(max(id), 0) as m from units where installation_id = ?', [installationId]);
  let after = Number(rows[0]?.m ?? 0);
  const read = records.$client
    .prepare('select id, performance_id, seat_id, area_id, place_no, category from units where id > ? order by id limit ?')
    .raw();
  let any = false;
  for (;;) {
    const chunk = read.all(after, UNIT_CHUNK) as unknown[][];
    if (chunk.length === 0) return any;
    // One statement per chunk: atomic by itself, and the next push resumes from the central max id.
    await conn.query(
      `insert into units (installation_id, id, performance_id, seat_id, area_id, place_no, category) values ?
       on duplicate key update performance_id = values(performance_id), seat_id = values(seat_id), area_id = values(area_id),
       place_no = values(place_no), category = values(category)`,
      [chunk.map((row) => [installationId, ...row])],
    );
    after = Number(chunk.at(-1)![0]);
    any = true;
  }
}

const CHUNK = 1000;

/**
 * Sends every reference table whose content changed since the central database last got it,
 * each in one transaction with its new digest. Rows deleted locally stay centrally: head office
 * keeps the history the ledger refers to.
 */
export async function pushReferenceData(
  conn: Connection,
  records: RecordsDb,
  installationId: string,
  now: number,
): Promise<{ tables: string[]; digests: Map<string, string> }> {
  const [stored] = await conn.query<RowDataPacket[]>(
    'select table_name, digest from sync_reference_digests where installation_id = ?',
    [installationId],
  );
  const centralDigests = new Map(stored.map((r) => [String(r.table_name), String(r.digest)]));
  const pushed: string[] = [];
  const digests = new Map<string, string>();
  for (const ref of referenceTables) {
    const snap = snapshot(records, ref);
    digests.set(ref.name, snap.digest);
    if (centralDigests.get(ref.name) === snap.digest) continue;
    const columns = ['installation_id', ...snap.columns];
    const quoted = columns.map((c) => `\`${c}\``).join(', ');
    const updates = snap.columns
      .filter((c) => c !== 'id')
      .map((c) => `\`${c}\` = values(\`${c}\`)`)
      .join(', ');
    await conn.beginTransaction();
    try {
      for (let i = 0; i < snap.rows.length; i += CHUNK) {
        const values = snap.rows.slice(i, i + CHUNK).map((row) => [installationId, ...row]);
        await conn.query(`insert into \`${ref.name}\` (${quoted}) values ? on duplicate key update ${updates}`, [values]);
      }
      await conn.query(
        `insert into sync_reference_digests (installation_id, table_name, digest, row_count, pushed_at) values (?, ?, ?, ?, ?)
         on duplicate key update digest = values(digest), row_count = values(row_count), pushed_at = values(pushed_at)`,
        [installationId, ref.name, snap.digest, snap.rows.length, now],
      );
      await conn.commit();
    } catch (error) {
      await conn.rollback().catch(() => undefined);
      throw error;
    }
    pushed.push(ref.name);
  }
  if (await pushUnits(conn, records, installationId)) pushed.push('units');
  digests.set('units', String(lastUnitId(records)));
  return { tables: pushed, digests };
}
