import type { RecordsDb } from '../db/open.ts';
import { TILL_TABLES } from './till-rows.ts';

/** A ledger row as read straight from SQLite: the payload stays the JSON text it was written as. */
export interface LocalLedgerRow {
  seq: number;
  id: string;
  at: number;
  kind: string;
  station_id: string;
  staff_id: string | null;
  performance_id: string | null;
  order_id: string | null;
  payload: string;
}

/** Payload tables projected into central tables of the same name; the till's have their own (till-rows.ts); others go to other_rows. */
const projectedTables = new Set(['orders', 'tickets', 'payments', 'reservations']);
/** Unit rows stay in the ledger payload only: the busiest rows, and pure inventory state. */
const notProjected = new Set(['units']);

/** Values for one central batch, ready for mysql2's `values ?` expansion. */
export interface CentralBatch {
  firstSeq: number;
  lastSeq: number;
  ledger: unknown[][];
  projections: Map<string, unknown[][]>;
  /** The till's own tables (till-rows.ts), latest version of each row. */
  till: Map<string, unknown[][]>;
  other: unknown[][];
}

/** Keeps each statement well under MySQL's 16 MB default max_allowed_packet. */
const MAX_BATCH_PAYLOAD_BYTES = 4 * 1024 * 1024;

export function readLedgerAfter(records: RecordsDb, afterSeq: number, limit: number): LocalLedgerRow[] {
  const rows = records.$client
    .prepare(
      `select seq, id, at, kind, station_id, staff_id, performance_id, order_id, payload
       from ledger where seq > ? order by seq limit ?`,
    )
    .all(afterSeq, limit) as LocalLedgerRow[];
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    bytes += rows[i]!.payload.length;
    if (bytes > MAX_BATCH_PAYLOAD_BYTES && i > 0) return rows.slice(0, i);
  }
  return rows;
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' ? value.slice(0, max) : null;
}

function money(row: Record<string, unknown>): number | null {
  for (const key of ['totalMinor', 'amountMinor', 'priceMinor']) {
    const v = row[key];
    if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  }
  return null;
}

/**
 * Turns ledger rows into one central batch. Payload rows are the rows "as they stand after the
 * change", so within a batch only the latest version of each row needs sending.
 */
export function buildCentralBatch(installationId: string, rows: LocalLedgerRow[], pushedAt: number): CentralBatch {
  const ledger: unknown[][] = [];
  const latest = new Map<string, Map<string, unknown[]>>();
  const other = new Map<string, unknown[]>();
  const till = new Map<string, Map<string, unknown[]>>();
  for (const entry of rows) {
    ledger.push([
      installationId,
      entry.station_id,
      entry.seq,
      entry.id,
      entry.at,
      entry.kind,
      entry.staff_id,
      entry.performance_id,
      entry.order_id,
      entry.payload,
      pushedAt,
    ]);
    let payload: { rows?: Record<string, unknown> };
    try {
      payload = JSON.parse(entry.payload) as { rows?: Record<string, unknown> };
    } catch {
      continue; // The entry itself still goes up verbatim; there is just nothing to project.
    }
    const tables = payload?.rows;
    if (!tables || typeof tables !== 'object') continue;
    for (const [table, list] of Object.entries(tables)) {
      if (!Array.isArray(list) || notProjected.has(table)) continue;
      list.forEach((item: unknown, index) => {
        if (!item || typeof item !== 'object') return;
        const row = item as Record<string, unknown>;
        const hasId = typeof row.id === 'string' || typeof row.id === 'number';
        const id = hasId ? String(row.id) : `${entry.seq}:${index}`;
        const data = JSON.stringify(row);
        const tillTable = hasId ? TILL_TABLES[table] : undefined;
        if (tillTable) {
          let byId = till.get(table);
          if (!byId) till.set(table, (byId = new Map()));
          byId.set(id, tillTable.values(installationId, row, entry.seq));
        } else if (hasId && projectedTables.has(table)) {
          let byId = latest.get(table);
          if (!byId) latest.set(table, (byId = new Map()));
          byId.set(id, [
            installationId,
            id,
            entry.station_id,
            text(row.performanceId, 64) ?? entry.performance_id,
            text(row.orderId, 64) ?? (table === 'orders' ? id : entry.order_id),
            text(row.state ?? row.status, 32),
            money(row),
            entry.at,
            entry.seq,
            data,
          ]);
        } else {
          other.set(`${table}\u0000${id}`, [installationId, table.slice(0, 64), id, entry.station_id, entry.at, entry.seq, data]);
        }
      });
    }
  }
  const projections = new Map<string, unknown[][]>();
  for (const [table, byId] of latest) projections.set(table, [...byId.values()]);
  return {
    firstSeq: rows[0]?.seq ?? 0,
    lastSeq: rows.at(-1)?.seq ?? 0,
    ledger,
    projections,
    till: new Map([...till].map(([table, byId]) => [table, [...byId.values()]])),
    other: [...other.values()],
  };
}
