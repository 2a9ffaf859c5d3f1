import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type Database from 'better-sqlite3';

/**
 * Hot paths run raw prepared statements, yet the ledger must carry rows exactly as drizzle would
 * return them (camelCase keys, mapped values). These helpers bridge the two from the schema itself,
 * so a column added to the schema flows into inserts and ledger payloads without edits here.
 */

interface ColumnMap {
  byName: Map<string, { key: string; map: (value: unknown) => unknown }>;
  keys: string[];
  names: string[];
}

const columnMaps = new WeakMap<Table, ColumnMap>();

function columnsOf(table: Table): ColumnMap {
  let map = columnMaps.get(table);
  if (!map) {
    const byName: ColumnMap['byName'] = new Map();
    const keys: string[] = [];
    const names: string[] = [];
    for (const [key, column] of Object.entries(getTableColumns(table))) {
      byName.set(column.name, { key, map: (value) => column.mapFromDriverValue(value) });
      keys.push(key);
      names.push(column.name);
    }
    map = { byName, keys, names };
    columnMaps.set(table, map);
  }
  return map;
}

/** A raw `RETURNING *` / `SELECT *` row turned into the drizzle row of `table`. */
export function fromDriver<T>(table: Table, raw: Record<string, unknown>): T {
  const { byName } = columnsOf(table);
  const row: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const column = byName.get(name);
    if (column) row[column.key] = value === null ? null : column.map(value);
  }
  return row as T;
}

/** A prepared INSERT of every column, bound by the camelCase keys of a full drizzle row. */
export function prepareInsert(sqlite: Database.Database, table: Table): Database.Statement {
  const { keys, names } = columnsOf(table);
  const cols = names.map((n) => `"${n}"`).join(', ');
  const params = keys.map((k) => `@${k}`).join(', ');
  return sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${cols}) VALUES (${params})`);
}
