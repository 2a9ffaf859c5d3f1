import type Database from 'better-sqlite3';
import { newId } from './ids.ts';

/**
 * The one place that writes ledger rows. Every payload is `{ rows: { <table>: [full rows after
 * the change] }, ...extra }` so replaying the ledger in seq order rebuilds orders, tickets,
 * payments, reservations, blocks, discount codes and unit states (docs/ledger.md).
 */
export type LedgerKind =
  | 'reservation.created'
  | 'reservation.cancelled'
  | 'reservation.expired'
  | 'order.booked'
  | 'order.refunded'
  | 'order.exchanged'
  | 'ticket.reprinted'
  | 'ticket.checked-in'
  | 'ticket.check-in-undone'
  | 'block.created'
  | 'block.released';

export type LedgerTable = 'orders' | 'tickets' | 'payments' | 'reservations' | 'units' | 'blocks' | 'discount_codes';

export interface LedgerEntry {
  kind: LedgerKind;
  at: number;
  actor: { stationId: string; staffId: string | null };
  performanceId: string | null;
  orderId?: string | null;
  rows: Partial<Record<LedgerTable, object[]>>;
  extra?: Record<string, unknown>;
}

export class LedgerWriter {
  private readonly insert: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare(
      `INSERT INTO ledger (id, at, kind, station_id, staff_id, performance_id, order_id, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Must run inside the operation's transaction, so the ledger and current state never disagree. */
  append(entry: LedgerEntry): number {
    const payload = JSON.stringify({ ...entry.extra, rows: entry.rows });
    const info = this.insert.run(
      newId(entry.at),
      entry.at,
      entry.kind,
      entry.actor.stationId,
      entry.actor.staffId,
      entry.performanceId,
      entry.orderId ?? null,
      payload,
    );
    return Number(info.lastInsertRowid);
  }
}
