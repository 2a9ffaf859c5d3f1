import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The reports' rollups (docs/reports.md "Rollups"): sums the Reports screen reads instead of
 * grouping a season of tickets. Written only by src-main/reports/rollup-writer.ts, inside the
 * transaction of the ledger row that changes them, and rebuilt from the ledger by
 * `npm run reports:rebuild`. Each row is one cell of one figure:
 * - grain: which keys the cell keeps, so each report reads the narrowest grain that answers it:
 *     'p' day + performance, 'P' performance (all days), 'w' day + window + cashier,
 *     'f' day + performance + window + cashier, 'F' performance + window + cashier (all days);
 *   a key a grain does not keep is '' (pay_day, performance_id, station_id, staff_id);
 * - dim: 'total' (count = tickets, amount = gross, tax), 'band' (key = band name), 'method'
 *   (key = payment method; count = payments, refunds negative), 'discount' (key = code; count =
 *   uses, amount = discount given), 'refund' / 'exchange' (count = operations, amount = money),
 *   'checkin' (count = tickets scanned in; grain 'P' only);
 * - pay_day: the venue-local date (YYYY-MM-DD) the ledger row was written.
 */
export const reportSales = sqliteTable(
  'report_sales',
  {
    grain: text('grain', { enum: ['p', 'P', 'w', 'f', 'F'] }).notNull(),
    dim: text('dim', { enum: ['total', 'band', 'method', 'discount', 'refund', 'exchange', 'checkin'] }).notNull(),
    payDay: text('pay_day').notNull(),
    performanceId: text('performance_id').notNull(),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id').notNull(),
    key: text('key').notNull(),
    count: integer('count').notNull(),
    amount: integer('amount').notNull(),
    tax: integer('tax').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.dim, t.payDay, t.performanceId, t.stationId, t.staffId, t.key] }),
    // By performance date, a report reads its performances' cells whatever day they were paid.
    index('report_sales_performance').on(t.performanceId, t.grain, t.dim, t.payDay),
    // One window's or one cashier's cells without reading the others'. A sale mostly adds to
    // cells that exist, which leaves every index untouched: only a new cell writes them.
    index('report_sales_station').on(t.stationId, t.grain, t.dim, t.payDay),
    index('report_sales_staff').on(t.staffId, t.grain, t.dim, t.payDay),
  ],
);
