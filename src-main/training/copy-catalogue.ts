import type Database from 'better-sqlite3';

/**
 * What a training box office starts from: the live catalogue (what is for sale and who sells it),
 * copied table by table in foreign-key order. Nothing that was sold comes along: no orders,
 * tickets, payments, ledger, holds, reservations, shifts or sessions; every unit starts free.
 */
const CATALOGUE_TABLES = [
  'settings',
  'stations',
  'venues',
  'seating_plans',
  'plan_categories',
  'plan_seats',
  'plan_areas',
  'plan_focus',
  'plan_rows',
  'events',
  'performances',
  'price_bands',
  'discount_codes',
  'staff',
  'units',
] as const;

/**
 * Settings the training office must not share with the live one. The ticket secret above all:
 * the training office makes its own, so a training ticket's code never checks in at the live door.
 */
const SETTINGS_KEPT_LIVE = ['tickets.secret'];

/** Column values a training unit starts with: free, whatever the live seat is doing. */
const FREE_UNIT: Record<string, string> = {
  state: "'available'",
  hold_id: 'NULL',
  hold_station_id: 'NULL',
  hold_expires_at: 'NULL',
  reservation_id: 'NULL',
  ticket_id: 'NULL',
  block_id: 'NULL',
  version: '0',
};

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Counts per table of what was copied, for the log and the tests. */
export type CopiedCatalogue = Record<(typeof CATALOGUE_TABLES)[number], number>;

/**
 * Copies the catalogue from `live` (only read: SELECTs on its own connection, inside one read
 * transaction, so one consistent snapshot) into `training`, a freshly migrated records database,
 * in one transaction. Columns are matched by name, so both must be at the same schema.
 */
export function copyCatalogue(live: Database.Database, training: Database.Database): CopiedCatalogue {
  return copyTables(live, training, CATALOGUE_TABLES) as CopiedCatalogue;
}

/** The live station's printers, so a training window prints (its "TRAINING — NOT VALID" paper) where it would live. */
export function copyPrinters(liveStation: Database.Database, trainingStation: Database.Database): number {
  return copyTables(liveStation, trainingStation, ['printers']).printers ?? 0;
}

function copyTables(live: Database.Database, training: Database.Database, tables: readonly string[]): Record<string, number> {
  const copied: Record<string, number> = {};
  const read = live.transaction(() =>
    tables.map((table) => {
      const columns = columnsOf(live, table).filter((c) => columnsOf(training, table).includes(c));
      const select = columns.map((c) => (table === 'units' && c in FREE_UNIT ? `${FREE_UNIT[c]} AS ${quoted(c)}` : quoted(c)));
      const where = table === 'settings' ? ` WHERE key NOT IN (${SETTINGS_KEPT_LIVE.map(() => '?').join(', ')})` : '';
      const rows = live.prepare(`SELECT ${select.join(', ')} FROM ${quoted(table)}${where}`).raw().all(...(where ? SETTINGS_KEPT_LIVE : [])) as unknown[][];
      return { table, columns, rows };
    }),
  );
  const snapshot = read();
  training.transaction(() => {
    for (const { table, columns, rows } of snapshot) {
      // The training office wrote its own station row when it opened: the live ones replace it where they meet.
      const insert = training.prepare(
        `INSERT OR REPLACE INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      for (const row of rows) insert.run(row);
      copied[table] = rows.length;
    }
  })();
  return copied;
}
