import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decodeEscPos, decodedTextLines } from '../../src-main/print/render/index.ts';
import { unitLabel } from '../../src-shared/seat-label.ts';

/** What a host wrote to its data folder, read back to check what the screens claim. */

/** The raw bytes of each job the demo's simulated printer received (<dataDir>/fake-printer/NNNN.bin), in order. */
export function printedBytes(dataDir: string): Buffer[] {
  const dir = join(dataDir, 'fake-printer');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

/** Each printed job decoded from its ESC/POS bytes with the project's decoder, as text lines. */
export function printedLines(dataDir: string): string[][] {
  return printedBytes(dataDir).map((bytes) => decodedTextLines(decodeEscPos(bytes)));
}

/** Each printed job as one text. */
export function printedJobs(dataDir: string): string[] {
  return printedLines(dataDir).map((lines) => lines.join('\n'));
}

/** How many printed jobs carry this text (a ticket code, a seat label). */
export function jobsWith(dataDir: string, text: string): number {
  return printedLines(dataDir).filter((lines) => lines.some((l) => l.includes(text))).length;
}

/** Rows straight from one of the host's SQLite files (records by default), opened read-only. */
export function queryDatabase<Row>(dataDir: string, query: string, params: unknown[] = [], file = 'records.sqlite'): Row[] {
  const db = new Database(join(dataDir, file), { readonly: true });
  try {
    return db.prepare(query).all(...params) as Row[];
  } finally {
    db.close();
  }
}

/** One number straight from the host's records, e.g. `select count(*) as n from staff`. */
export function countInDatabase(dataDir: string, query: string, ...params: unknown[]): number {
  return queryDatabase<{ n: number }>(dataDir, query, params)[0]!.n;
}

/** The tickets (code, seat label, band) the host's records hold for the latest order. */
export function latestOrderTickets(dataDir: string): { orderId: string; code: string; label: string; bandName: string }[] {
  const rows = queryDatabase<{ orderId: string; code: string; bandName: string; zone: string | null; row: string | null; number: string | null; area: string | null; placeNo: number | null }>(
    dataDir,
    `select t.order_id as orderId, t.code as code, t.band_name as bandName, s.zone as zone, s.row as row, s.number as number,
            a.name as area, u.place_no as placeNo
     from tickets t join units u on u.id = t.unit_id left join plan_seats s on s.id = u.seat_id left join plan_areas a on a.id = u.area_id
     where t.order_id = (select id from orders order by created_at desc, id desc limit 1) order by t.unit_id`,
  );
  // Labelled by the one rule the screens and the paper use.
  return rows.map(({ orderId, code, bandName, ...unit }) => ({ orderId, code, bandName, label: unitLabel(unit) }));
}
