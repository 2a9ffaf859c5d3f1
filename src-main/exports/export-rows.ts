import type Database from 'better-sqlite3';
import { zonedInstant } from '../../src-shared/zoned-time.ts';
import type { ExportFilters } from '../../src-shared/contract/exports.ts';

/**
 * The rows every export reads, as plain SQL over a read-only connection of its own: the export
 * walks them with an iterator across many turns of the event loop, and an iterator keeps its
 * connection busy, so it must never be the connection sales write through. Each scan is driven by
 * its own table in rowid order (CROSS JOIN fixes the loop order): an ORDER BY anything else makes
 * SQLite sort every row before handing over the first, seconds of a blocked host at a season's size.
 *
 * The date range means the performance's day (basis `performance`) or the day the money was taken
 * (`payment`): for orders and their tickets the day the order was paid, for the payments sheet the
 * day of each payment (so a refund falls on the day it was given back). Days are the venue's.
 */

export interface Range {
  from: number;
  /** Exclusive: midnight after the last day. */
  until: number;
  payment: 0 | 1;
  eventId: string | null;
  performanceId: string | null;
}

export function rangeOf(filters: ExportFilters, timeZone: string): Range {
  const next = new Date(`${filters.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    from: zonedInstant(filters.from, '00:00', timeZone),
    until: zonedInstant(next.toISOString().slice(0, 10), '00:00', timeZone),
    payment: filters.basis === 'payment' ? 1 : 0,
    eventId: filters.eventId,
    performanceId: filters.performanceId,
  };
}

const PICKED = `(@eventId IS NULL OR pf.event_id = @eventId) AND (@performanceId IS NULL OR pf.id = @performanceId)`;
const ORDER_IN_RANGE = `(CASE WHEN @payment = 1 THEN o.created_at ELSE pf.starts_at END) >= @from
  AND (CASE WHEN @payment = 1 THEN o.created_at ELSE pf.starts_at END) < @until AND ${PICKED}`;
/** The ways an order was paid ("card", "cash+voucher"); money given back is not a way of paying. */
const PAYMENT_TYPE = `(SELECT group_concat(method, '+') FROM (SELECT DISTINCT method FROM payments WHERE order_id = o.id AND amount_minor > 0 ORDER BY method))`;

/** Rows are read in the order they were written (rowid), which needs no sort of a season's rows. */
interface Scanned {
  seq: number;
}

export interface OrderRow extends Scanned {
  id: string;
  createdAt: number;
  state: string;
  totalMinor: number;
  refundedMinor: number;
  discountMinor: number;
  taxMinor: number;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  discountCode: string | null;
  quantity: number;
  paymentType: string | null;
  eventTitle: string;
  startsAt: number;
  windowName: string | null;
  cashier: string | null;
}

export interface TicketRow extends Scanned {
  id: string;
  orderId: string;
  orderAt: number;
  state: string;
  customerName: string | null;
  customerEmail: string | null;
  paymentType: string | null;
  bandName: string;
  listPriceMinor: number;
  discountMinor: number;
  totalMinor: number;
  code: string;
  zone: string | null;
  row: string | null;
  number: string | null;
  area: string | null;
  placeNo: number | null;
  checkedInAt: number | null;
  eventTitle: string;
  startsAt: number;
}

export interface PaymentRow extends Scanned {
  id: string;
  orderId: string;
  at: number;
  method: string;
  amountMinor: number;
  reference: string | null;
  windowName: string | null;
  cashier: string | null;
  eventTitle: string;
  startsAt: number;
}

export interface ProgrammeRow {
  id: string;
  startsAt: number;
  title: string;
  description: string;
  durationMinutes: number;
  ageRating: string;
  venue: string;
}


/** The statements, prepared once per export on its own connection. */
export function exportStatements(db: Database.Database) {
  return {
    orders: db.prepare(`SELECT o.rowid AS seq, o.id, o.created_at AS createdAt, o.state, o.total_minor AS totalMinor, o.refunded_minor AS refundedMinor,
        o.discount_minor AS discountMinor, o.tax_minor AS taxMinor, o.customer_name AS customerName, o.customer_email AS customerEmail,
        o.customer_phone AS customerPhone, dc.code AS discountCode,
        (SELECT count(*) FROM tickets WHERE order_id = o.id) AS quantity, ${PAYMENT_TYPE} AS paymentType,
        e.title AS eventTitle, pf.starts_at AS startsAt, s.name AS windowName, st.name AS cashier
      FROM orders o CROSS JOIN performances pf ON pf.id = o.performance_id JOIN events e ON e.id = pf.event_id
      LEFT JOIN discount_codes dc ON dc.id = o.discount_code_id LEFT JOIN stations s ON s.id = o.station_id
      LEFT JOIN staff st ON st.id = o.staff_id
      WHERE ${ORDER_IN_RANGE} ORDER BY o.rowid`),
    tickets: db.prepare(`SELECT t.rowid AS seq, t.id, t.order_id AS orderId, o.created_at AS orderAt, t.state, o.customer_name AS customerName,
        o.customer_email AS customerEmail, ${PAYMENT_TYPE} AS paymentType, t.band_name AS bandName, t.list_price_minor AS listPriceMinor,
        t.discount_minor AS discountMinor, t.total_minor AS totalMinor, t.code,
        ps.zone, ps.row, ps.number, pa.name AS area, u.place_no AS placeNo, t.checked_in_at AS checkedInAt,
        e.title AS eventTitle, pf.starts_at AS startsAt
      FROM tickets t CROSS JOIN orders o ON o.id = t.order_id CROSS JOIN performances pf ON pf.id = o.performance_id
      JOIN events e ON e.id = pf.event_id LEFT JOIN units u ON u.id = t.unit_id
      LEFT JOIN plan_seats ps ON ps.id = u.seat_id LEFT JOIN plan_areas pa ON pa.id = u.area_id
      WHERE ${ORDER_IN_RANGE} ORDER BY t.rowid`),
    payments: db.prepare(`SELECT p.rowid AS seq, p.id, p.order_id AS orderId, p.at, p.method, p.amount_minor AS amountMinor, p.reference,
        s.name AS windowName, st.name AS cashier, e.title AS eventTitle, pf.starts_at AS startsAt
      FROM payments p CROSS JOIN orders o ON o.id = p.order_id CROSS JOIN performances pf ON pf.id = o.performance_id
      JOIN events e ON e.id = pf.event_id LEFT JOIN stations s ON s.id = p.station_id LEFT JOIN staff st ON st.id = p.staff_id
      WHERE (CASE WHEN @payment = 1 THEN p.at ELSE pf.starts_at END) >= @from
        AND (CASE WHEN @payment = 1 THEN p.at ELSE pf.starts_at END) < @until AND ${PICKED}
      ORDER BY p.rowid`),
    /** How far a scan has come: rows are read in rowid order, so its rowid against the table's last one. */
    span: {
      orders: db.prepare(`SELECT coalesce(min(rowid), 0) AS first, coalesce(max(rowid), 0) AS last FROM orders`),
      tickets: db.prepare(`SELECT coalesce(min(rowid), 0) AS first, coalesce(max(rowid), 0) AS last FROM tickets`),
      payments: db.prepare(`SELECT coalesce(min(rowid), 0) AS first, coalesce(max(rowid), 0) AS last FROM payments`),
    },
    programme: db.prepare(`SELECT pf.id, pf.starts_at AS startsAt, e.title, e.description, e.duration_minutes AS durationMinutes,
        e.age_rating AS ageRating, v.name AS venue
      FROM performances pf JOIN events e ON e.id = pf.event_id JOIN venues v ON v.id = pf.venue_id
      WHERE pf.state <> 'cancelled' AND pf.starts_at >= @from AND pf.starts_at < @until AND ${PICKED}
      ORDER BY pf.starts_at, v.name, pf.id`),
    performance: db.prepare(`SELECT pf.starts_at AS startsAt, e.title, v.name AS venue FROM performances pf
      JOIN events e ON e.id = pf.event_id JOIN venues v ON v.id = pf.venue_id WHERE pf.id = ?`),
    doorTickets: db.prepare(`SELECT t.id, t.order_id AS orderId, o.customer_name AS customerName, t.band_name AS bandName, t.code,
        ps.zone, ps.row, ps.number, pa.name AS area, u.place_no AS placeNo, t.checked_in_at AS checkedInAt
      FROM tickets t JOIN orders o ON o.id = t.order_id LEFT JOIN units u ON u.id = t.unit_id
      LEFT JOIN plan_seats ps ON ps.id = u.seat_id LEFT JOIN plan_areas pa ON pa.id = u.area_id
      WHERE t.performance_id = ? AND t.state = 'valid'`),
  };
}
export type ExportStatements = ReturnType<typeof exportStatements>;
