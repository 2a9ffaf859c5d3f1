import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Closing the day (docs/cash-up.md). Every row here is written in the same transaction as a ledger
 * row that carries it in full, so the ledger rebuilds these tables and the central sync sends them.
 * `openSeq` / `closeSeq` are the ledger seqs of the shift's own "opened" and "closed" rows: what the
 * window sold in between is the shift's, by the ledger's own order (never by clock time).
 */
export const shifts = sqliteTable(
  'shifts',
  {
    id: text('id').primaryKey(),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id').notNull(),
    state: text('state', { enum: ['open', 'closed'] }).notNull(),
    openedAt: integer('opened_at', { mode: 'number' }).notNull(),
    openSeq: integer('open_seq').notNull(),
    floatMinor: integer('float_minor').notNull(),
    /** The float counted by denomination ({"2000": 3, ...}: value in minor units → how many); null when typed as a total. */
    floatCount: text('float_count', { mode: 'json' }).$type<Record<string, number> | null>(),
    closedAt: integer('closed_at', { mode: 'number' }),
    closeSeq: integer('close_seq'),
    closedBy: text('closed_by'),
    expectedMinor: integer('expected_minor'),
    countedMinor: integer('counted_minor'),
    count: text('count', { mode: 'json' }).$type<Record<string, number> | null>(),
    varianceMinor: integer('variance_minor'),
    varianceReason: text('variance_reason'),
    approvedBy: text('approved_by'),
    zNumber: integer('z_number'),
  },
  // One open shift per window: the database refuses a second even if two requests race.
  (t) => [uniqueIndex('shifts_open_per_window').on(t.stationId).where(sql`state = 'open'`), index('shifts_close_seq').on(t.closeSeq)],
);

/** Money into or out of a drawer that is not a sale (float top-up, paid-out), and drawer openings without a sale. */
export const cashMovements = sqliteTable(
  'cash_movements',
  {
    id: text('id').primaryKey(),
    shiftId: text('shift_id').notNull(),
    /** The ledger seq of the row that carries this one. */
    seq: integer('seq').notNull(),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id').notNull(),
    kind: text('kind', { enum: ['in', 'out', 'no-sale', 'correction'] }).notNull(),
    /** Into the drawer positive, out of it negative; 0 for a no-sale. */
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason').notNull(),
    approvedBy: text('approved_by'),
    at: integer('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('cash_movements_shift').on(t.shiftId), index('cash_movements_seq').on(t.seq)],
);

/**
 * Z reports, numbered 1, 2, 3, … per installation with no gaps and no repeats (the number is the
 * key, taken as max + 1 inside the closing transaction). `figures` is the report as it was printed,
 * kept so it reprints exactly; the ledger range it sums is (fromSeq, toSeq).
 */
export const zReports = sqliteTable(
  'z_reports',
  {
    number: integer('number').primaryKey(),
    id: text('id').notNull().unique(),
    scope: text('scope', { enum: ['shift', 'day'] }).notNull(),
    shiftId: text('shift_id'),
    stationId: text('station_id'),
    /** The venue's calendar day (YYYY-MM-DD) a day report closes; null for a shift's. */
    businessDate: text('business_date'),
    fromSeq: integer('from_seq').notNull(),
    toSeq: integer('to_seq').notNull(),
    at: integer('at', { mode: 'number' }).notNull(),
    staffId: text('staff_id').notNull(),
    figures: text('figures', { mode: 'json' }).notNull(),
  },
  (t) => [uniqueIndex('z_reports_day').on(t.businessDate).where(sql`scope = 'day'`)],
);

/** Each receipt's number: consecutive per installation, taken in the sale's own transaction. */
export const receiptNumbers = sqliteTable('receipt_numbers', {
  /** The order's id: one number per receipt, and the ledger replays it by this key. */
  id: text('id').primaryKey(),
  number: integer('number').notNull().unique(),
});

export type ShiftRow = typeof shifts.$inferSelect;
export type CashMovementRow = typeof cashMovements.$inferSelect;
export type ZReportRow = typeof zReports.$inferSelect;

/**
 * The ledger's money rows in brief (a sale, refund or exchange: seq, time, window, order), written by
 * the ledger writer in the same transaction as the row itself. The ledger's own rows carry their
 * full payload (kilobytes each), so a report that walked them would read the whole day's history;
 * this narrow copy lets an X or Z report find its rows by window and seq in a few pages.
 */
export const ledgerTakings = sqliteTable(
  'ledger_takings',
  {
    seq: integer('seq').primaryKey(),
    at: integer('at', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    stationId: text('station_id').notNull(),
    orderId: text('order_id').notNull(),
  },
  (t) => [index('ledger_takings_station').on(t.stationId, t.seq)],
);
