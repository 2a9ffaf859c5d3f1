import type Database from 'better-sqlite3';
import { registerUnitLabel, UNIT_LABEL_SQL } from '../catalog/unit-label-sql.ts';
import type { RecordsDb } from '../db/open.ts';

/** How a unit reads on screen and on the ticket ("Stalls, row A, seat 1"), by the one rule. */
const LABEL = UNIT_LABEL_SQL;

/** Digits only, so "07700 900-123" and "+44 7700900123" both match a typed "900123". */
const digitsOf = (column: string) =>
  `replace(replace(replace(replace(replace(replace(coalesce(${column}, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`;

/** A reservation as Collect lists it (ReservationFound), from `reservations r` with its performance and event. */
const RESERVATIONS_FOUND = `SELECT r.id AS reservationId, r.reference AS reference, r.performance_id AS performanceId,
              e.title AS eventTitle, p.starts_at AS startsAt, r.customer_name AS customerName,
              r.customer_phone AS customerPhone, r.deadline_at AS deadlineAt, r.state AS state,
              r.order_id AS orderId, r.created_at AS createdAt,
              (SELECT count(*) FROM units u WHERE u.reservation_id = r.id AND u.state = 'reserved') AS seatCount
       FROM reservations r
       JOIN performances p ON p.id = r.performance_id
       JOIN events e ON e.id = p.event_id`;

function prepare(db: Database.Database) {
  registerUnitLabel(db);
  return {
    // Each way of matching is its own indexed or bounded query, run only when the text can be that
    // kind of key; one statement OR-ing them all made SQLite scan every table for every search.
    orderByTicket: db.prepare(`SELECT order_id AS id FROM tickets WHERE id = substr(@code, 1, 26) AND code = @code`),
    ordersByIdPrefix: db.prepare(`SELECT id FROM orders WHERE id >= @from AND id < @to ORDER BY id DESC LIMIT 50`),
    // Reads only the id index (a covering scan), not the order rows.
    ordersByReference: db.prepare(`SELECT id FROM orders WHERE substr(id, 19) = @ref`),
    orderByReservation: db.prepare(`SELECT order_id AS id FROM reservations WHERE reference = @upper AND order_id IS NOT NULL`),
    ordersByName: db.prepare(`SELECT id FROM orders WHERE customer_name LIKE @like ESCAPE '\\' ORDER BY created_at DESC LIMIT 50`),
    ordersByPhone: db.prepare(
      `SELECT id FROM orders WHERE customer_phone IS NOT NULL AND ${digitsOf('customer_phone')} LIKE '%' || @digits || '%' ORDER BY created_at DESC LIMIT 50`,
    ),
    ordersFound: db.prepare(
      `SELECT o.id AS orderId, o.performance_id AS performanceId, e.title AS eventTitle, p.starts_at AS startsAt,
              o.customer_name AS customerName, o.customer_phone AS customerPhone, o.state AS state,
              o.currency AS currency, o.total_minor AS totalMinor, o.refunded_minor AS refundedMinor,
              o.created_at AS createdAt,
              (SELECT count(*) FROM tickets t WHERE t.order_id = o.id) AS ticketCount,
              (SELECT count(*) FROM tickets t WHERE t.order_id = o.id AND t.state = 'valid') AS validCount
       FROM json_each(@ids) AS j
       CROSS JOIN orders o ON o.id = j.value
       JOIN performances p ON p.id = o.performance_id
       JOIN events e ON e.id = p.event_id
       ORDER BY o.created_at DESC, o.id DESC
       LIMIT 50`,
    ),
    findReservations: db.prepare(
      `${RESERVATIONS_FOUND}
       WHERE (@includeEnded = 1 OR r.state = 'active')
         AND (r.reference = @upper
              OR r.customer_name LIKE @like ESCAPE '\\'
              OR (@digits IS NOT NULL AND ${digitsOf('r.customer_phone')} LIKE '%' || @digits || '%'))
       ORDER BY r.state = 'active' DESC, r.created_at DESC, r.id DESC
       LIMIT 50`,
    ),
    // What is waiting at Collect (waiting-reservations.ts); reservations_deadline leads with state.
    waitingReservations: db.prepare(
      `${RESERVATIONS_FOUND}
       WHERE r.state = 'active' AND p.starts_at >= @from AND (r.deadline_at IS NULL OR r.deadline_at > @now)
       ORDER BY p.starts_at, coalesce(r.deadline_at, p.starts_at), r.customer_name, r.id
       LIMIT 500`,
    ),
    order: db.prepare(
      `SELECT o.id AS id, o.reservation_id AS reservationId, coalesce(r.created_at, o.created_at) AS since
       FROM orders o LEFT JOIN reservations r ON r.id = o.reservation_id WHERE o.id = ?`,
    ),
    // The ledger has no order index (every index slows sales). Its ids are ULIDs of the entry's
    // time, so the unique id index bounds the read to entries since the order's story began
    // (named, because without table statistics SQLite guesses a full scan is cheaper).
    history: db.prepare(
      `SELECT l.seq AS seq, l.at AS at, l.kind AS kind, l.order_id AS orderId, l.payload AS payload,
              s.name AS staffName, coalesce(st.name, 'Window ' || substr(l.station_id, -4)) AS stationName
       FROM ledger l INDEXED BY ledger_id_unique
       LEFT JOIN staff s ON s.id = l.staff_id
       LEFT JOIN stations st ON st.id = l.station_id
       WHERE l.id >= @fromId
         AND (l.order_id = @orderId
              OR (l.kind = 'order.exchanged' AND json_extract(l.payload, '$.fromOrderId') = @orderId)
              OR (@reservationId IS NOT NULL AND l.kind = 'reservation.created'
                  AND json_extract(l.payload, '$.rows.reservations[0].id') = @reservationId))
       ORDER BY l.seq`,
    ),
    labels: db.prepare(
      `SELECT u.id AS id, ${LABEL} AS label FROM units u LEFT JOIN plan_seats s ON s.id = u.seat_id
       LEFT JOIN plan_areas a ON a.id = u.area_id WHERE u.id IN (SELECT value FROM json_each(?))`,
    ),
  };
}

export type OrderStatements = ReturnType<typeof prepare>;

const cache = new WeakMap<Database.Database, OrderStatements>();

/** Prepared once per connection: searches run on every keystroke pause at the counter. */
export function orderStatements(records: RecordsDb): OrderStatements {
  const db = records.$client;
  let st = cache.get(db);
  if (!st) {
    st = prepare(db);
    cache.set(db, st);
  }
  return st;
}
