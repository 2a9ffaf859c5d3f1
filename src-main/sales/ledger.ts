import type Database from 'better-sqlite3';
import { newId } from './ids.ts';
import { RollupWriter } from '../reports/rollup-writer.ts';

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
  | 'block.released'
  // Closing the day (src-main/shifts/, docs/cash-up.md).
  | 'shift.opened'
  | 'shift.closed'
  | 'cash.moved'
  | 'z.reported';

export type LedgerTable =
  | 'orders'
  | 'tickets'
  | 'payments'
  | 'reservations'
  | 'units'
  | 'blocks'
  | 'discount_codes'
  | 'shifts'
  | 'cash_movements'
  | 'z_reports'
  | 'receipt_numbers';

export interface LedgerEntry {
  kind: LedgerKind;
  at: number;
  actor: { stationId: string; staffId: string | null };
  performanceId: string | null;
  orderId?: string | null;
  rows: Partial<Record<LedgerTable, object[]>>;
  extra?: Record<string, unknown>;
}

/** The kinds that move money at a window: the X and Z reports read them through ledger_takings. */
const TAKINGS: ReadonlySet<LedgerKind> = new Set(['order.booked', 'order.refunded', 'order.exchanged']);

export class LedgerWriter {
  private readonly insert: Database.Statement;
  private readonly insertTaking: Database.Statement;
  private readonly rollups: RollupWriter;

  constructor(sqlite: Database.Database) {
    // The reports' sums move with the row that changes them, in the same transaction (docs/reports.md).
    this.rollups = new RollupWriter(sqlite);
    // A sale's, refund's or exchange's keys again in the narrow ledger_takings (shift-tables.ts), for the cash-up reports.
    this.insertTaking = sqlite.prepare(`INSERT INTO ledger_takings (seq, at, kind, station_id, order_id) VALUES (?, ?, ?, ?, ?)`);
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
    const seq = Number(info.lastInsertRowid);
    if (entry.orderId && TAKINGS.has(entry.kind)) this.insertTaking.run(seq, entry.at, entry.kind, entry.actor.stationId, entry.orderId);
    this.rollups.apply({ kind: entry.kind, at: entry.at, stationId: entry.actor.stationId, staffId: entry.actor.staffId, performanceId: entry.performanceId, rows: entry.rows, extra: entry.extra });
    return seq;
  }
}
