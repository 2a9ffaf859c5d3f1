import type Database from 'better-sqlite3';

/**
 * The SQL behind an X or Z report. Every query reads the ledger's money rows (ledger_takings) of one range — seq after
 * `from` and before `to`, at one window or (station null) at all of them — and follows each row to
 * the rows it wrote: a sale's or exchange's payments and tickets share its order, time and window; a
 * refund's payments are its order's negative rows at its time, its tickets those it marked refunded.
 * The ledger's primary key makes the range a short scan; the rest are index lookups.
 */
/** One window's rows (by the ledger_takings_station index) or the whole venue's (by seq). */
const WINDOW_RANGE = `l.station_id = @station AND l.seq > @from AND l.seq < @to`;
const VENUE_RANGE = `l.seq > @from AND l.seq < @to`;
const OWN_PAYMENTS = `p.order_id = l.order_id AND p.at = l.at AND p.station_id = l.station_id
  AND (l.kind = 'order.exchanged' OR (l.kind = 'order.booked' AND p.amount_minor >= 0) OR (l.kind = 'order.refunded' AND p.amount_minor < 0))`;

function prepareFor(db: Database.Database, RANGE: string) {
  return {
    payments: db.prepare(
      `SELECT l.kind AS kind, p.staff_id AS staffId, p.method AS method, count(*) AS n, sum(p.amount_minor) AS minor,
              CASE WHEN p.method = 'complimentary' AND l.kind = 'order.booked' THEN json_group_array(l.order_id) END AS orders
       FROM ledger_takings l JOIN payments p ON ${OWN_PAYMENTS}
       WHERE ${RANGE}
       GROUP BY l.kind, p.staff_id, p.method`,
    ),
    operations: db.prepare(
      `SELECT l.kind AS kind, count(*) AS n FROM ledger_takings l WHERE ${RANGE} AND l.kind IN ('order.refunded', 'order.exchanged') GROUP BY l.kind`,
    ),
    issued: db.prepare(
      `SELECT t.performance_id AS performanceId, t.band_name AS bandName, t.price_band_id AS bandId,
              coalesce(t.tax_rate_bp, (SELECT b.tax_rate_bp FROM price_bands b WHERE b.id = t.price_band_id), 0) AS rateBp,
              count(*) AS n, sum(t.total_minor) AS gross, sum(t.tax_minor) AS tax
       FROM ledger_takings l JOIN tickets t ON t.order_id = l.order_id 
       WHERE ${RANGE} AND l.kind <> 'order.refunded'
       GROUP BY 1, 2, 3, 4`,
    ),
    refunded: db.prepare(
      `SELECT t.performance_id AS performanceId, t.band_name AS bandName, t.price_band_id AS bandId,
              coalesce(t.tax_rate_bp, (SELECT b.tax_rate_bp FROM price_bands b WHERE b.id = t.price_band_id), 0) AS rateBp,
              count(*) AS n, sum(t.total_minor) AS gross, sum(t.tax_minor) AS tax
       FROM ledger_takings l JOIN tickets t ON t.order_id = l.order_id AND t.state = 'refunded' AND t.updated_at = l.at
       
       WHERE ${RANGE} AND l.kind = 'order.refunded'
       GROUP BY 1, 2, 3, 4`,
    ),
    exchangedBack: db.prepare(
      `SELECT t.performance_id AS performanceId, t.band_name AS bandName, t.price_band_id AS bandId,
              coalesce(t.tax_rate_bp, (SELECT b.tax_rate_bp FROM price_bands b WHERE b.id = t.price_band_id), 0) AS rateBp,
              count(*) AS n, sum(t.total_minor) AS gross, sum(t.tax_minor) AS tax
       FROM ledger_takings l JOIN orders o ON o.id = l.order_id
       JOIN tickets t ON t.order_id = o.exchanged_from_order_id AND t.state = 'exchanged' AND t.updated_at = l.at
       
       WHERE ${RANGE} AND l.kind = 'order.exchanged'
       GROUP BY 1, 2, 3, 4`,
    ),
    discounts: db.prepare(
      `SELECT d.code AS code, count(*) AS n, sum(o.discount_minor) AS minor
       FROM ledger_takings l JOIN orders o ON o.id = l.order_id JOIN discount_codes d ON d.id = o.discount_code_id
       WHERE ${RANGE} AND l.kind = 'order.booked'
       GROUP BY d.code ORDER BY d.code`,
    ),
    // Complimentary seats are few: their orders come from the payments pass, their tickets by order.
    complimentary: db.prepare(
      `SELECT count(*) AS n, coalesce(sum(t.list_price_minor), 0) AS minor FROM tickets t WHERE t.order_id IN (SELECT value FROM json_each(?))`,
    ),
    // A void: a sale taken back at the window it was made, within the same report (a sale in
    // error). Its sale's own ledger row is in the range when the order was made after the range began.
    voids: db.prepare(
      `SELECT count(*) AS n, coalesce(-sum(p.amount_minor), 0) AS minor
       FROM ledger_takings l JOIN orders o ON o.id = l.order_id JOIN payments p ON ${OWN_PAYMENTS}
       WHERE ${RANGE} AND l.kind = 'order.refunded' AND o.station_id = l.station_id AND o.created_at > @fromAt`,
    ),
    // A correction of a closed shift never lands in the window's next shift; the venue's day counts it.
    movements: db.prepare(
      `SELECT m.kind AS kind, count(*) AS n, sum(m.amount_minor) AS minor
       FROM cash_movements m WHERE m.seq > @from AND m.seq < @to AND (@station IS NULL OR (m.station_id = @station AND m.kind <> 'correction'))
       GROUP BY m.kind`,
    ),
    // A day's floats and counts: the shifts opened (closed) within the range.
    floats: db.prepare(`SELECT coalesce(sum(float_minor), 0) FROM shifts WHERE open_seq > @from AND open_seq < @to AND (@station IS NULL OR station_id = @station)`).pluck(),
    counted: db.prepare(
      `SELECT coalesce(sum(counted_minor), 0) FROM shifts WHERE close_seq > @from AND close_seq < @to AND (@station IS NULL OR station_id = @station)`,
    ).pluck(),
    shiftIds: db.prepare(`SELECT id FROM shifts WHERE open_seq < @to AND (close_seq IS NULL OR close_seq > @from) AND (@station IS NULL OR station_id = @station) ORDER BY open_seq`).pluck(),
    performance: db.prepare(`SELECT e.title AS title, p.starts_at AS startsAt FROM performances p JOIN events e ON e.id = p.event_id WHERE p.id = ?`),
    staffName: db.prepare(`SELECT name FROM staff WHERE id = ?`).pluck(),
  };
}

type Prepared = ReturnType<typeof prepareFor>;

/** Both sets of statements: a range at one window, and the whole venue's. */
export function prepareFigureQueries(db: Database.Database) {
  return { window: prepareFor(db, WINDOW_RANGE), venue: prepareFor(db, VENUE_RANGE) };
}

export type FigureQueries = ReturnType<typeof prepareFigureQueries>;

/** The statements for this range: a window's or the venue's. */
export function queriesFor(q: FigureQueries, range: Range): Prepared {
  return range.station === null ? q.venue : q.window;
}

export interface Range {
  from: number;
  to: number;
  station: string | null;
  /** The instant of the range's first ledger row (for voids: orders made after it). */
  fromAt: number;
}
