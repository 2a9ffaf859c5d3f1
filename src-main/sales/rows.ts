import { Column, getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type Database from 'better-sqlite3';

/**
 * Hot paths run raw prepared statements, yet the ledger must carry rows exactly as drizzle would
 * return them (camelCase keys, mapped values). These helpers bridge the two from the schema itself,
 * so a column added to the schema flows into inserts and ledger payloads without edits here.
 */

interface ColumnMap {
  /** Column name -> drizzle key, and the value mapping when it is not the identity. */
  byName: Map<string, { key: string; map: ((value: unknown) => unknown) | null }>;
  keys: string[];
  names: string[];
  /** Every column comes back from the driver as drizzle returns it (plain integer, real, text). */
  plain: boolean;
}

const columnMaps = new WeakMap<Table, ColumnMap>();
const identity = Column.prototype.mapFromDriverValue;

function columnsOf(table: Table): ColumnMap {
  let map = columnMaps.get(table);
  if (!map) {
    const byName: ColumnMap['byName'] = new Map();
    const keys: string[] = [];
    const names: string[] = [];
    let plain = true;
    for (const [key, column] of Object.entries(getTableColumns(table))) {
      // Most columns map nothing; skipping the call for those keeps drizzle's per-value checks off hot paths.
      const mapped = column.mapFromDriverValue !== identity;
      if (mapped) plain = false;
      byName.set(column.name, { key, map: mapped ? (value) => column.mapFromDriverValue(value) : null });
      keys.push(key);
      names.push(column.name);
    }
    map = { byName, keys, names, plain };
    columnMaps.set(table, map);
  }
  return map;
}

/** A raw `RETURNING *` / `SELECT *` row turned into the drizzle row of `table`. */
export function fromDriver<T>(table: Table, raw: Record<string, unknown>): T {
  const { byName } = columnsOf(table);
  const row: Record<string, unknown> = {};
  for (const name in raw) {
    const column = byName.get(name);
    if (!column) continue;
    const value = raw[name];
    row[column.key] = value === null || column.map === null ? value : column.map(value);
  }
  return row as T;
}

/**
 * `"col" AS "key", ...` for a RETURNING or SELECT whose rows are then already drizzle rows. Only
 * for tables whose every column is plain, so that no mapping is silently skipped.
 */
export function returningKeys(table: Table, alias?: string): string {
  const { keys, names, plain } = columnsOf(table);
  if (!plain) throw new Error(`${getTableName(table)} has mapped columns; read its rows through fromDriver.`);
  const prefix = alias ? `${alias}.` : '';
  return names.map((n, i) => `${prefix}"${n}" AS "${keys[i]}"`).join(', ');
}

export interface RowInsert {
  run(row: object): Database.RunResult;
}

/**
 * A prepared INSERT of every column from a full drizzle row. Bound by position: better-sqlite3
 * looks each named parameter up on the object, which cost more than the insert's b-tree work.
 */
export function prepareInsert(sqlite: Database.Database, table: Table): RowInsert {
  const { keys, names } = columnsOf(table);
  const cols = names.map((n) => `"${n}"`).join(', ');
  const statement = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${cols}) VALUES (${keys.map(() => '?').join(', ')})`);
  const values: unknown[] = new Array(keys.length);
  return {
    run(row) {
      const source = row as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) values[i] = source[keys[i]!];
      return statement.run(values);
    },
  };
}

/** Rows read with `.raw()` turned into objects with the given keys (better-sqlite3's own objects cost more). */
export function objectsOf<T>(keys: readonly string[], raws: unknown[][]): T[] {
  const out: T[] = [];
  for (const raw of raws) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = raw[i];
    out.push(row as T);
  }
  return out;
}

/** The drizzle keys of a table's columns, in column order (the order of returningKeys). */
export function keysOf(table: Table): readonly string[] {
  return columnsOf(table).keys;
}
