import { orderReference, ORDER_REFERENCE_LENGTH, type OrderFound, type ReservationFound } from '../../src-shared/contract/orders.ts';
import type { RecordsDb } from '../db/open.ts';
import { orderStatements } from './statements.ts';
import { searchTerms } from './search-terms.ts';

type Match = OrderFound['matchedBy'];

/**
 * Orders matching what the cashier typed: an order reference or id prefix, a reservation
 * reference, part of a customer's name or phone, or an exact ticket code. Newest first, at most 50.
 * Read-only: it never takes the write lock, so searching never slows a sale at another window.
 */
export function findOrders(records: RecordsDb, query: string): OrderFound[] {
  const t = searchTerms(query);
  const st = orderStatements(records);
  const matched = new Map<string, Match>();
  const add = (rows: unknown[], how: Match) => {
    for (const r of rows as { id: string }[]) if (!matched.has(r.id)) matched.set(r.id, how);
  };
  if (t.code) {
    // A ticket code is never anything else.
    add(st.orderByTicket.all({ code: t.code }), 'ticket');
  } else {
    if (t.ref) {
      // "~" sorts after every Crockford character, so [ref, ref~) is exactly the ids starting with ref.
      add(st.ordersByIdPrefix.all({ from: t.ref, to: `${t.ref}~` }), 'reference');
      if (t.ref.length === ORDER_REFERENCE_LENGTH) add(st.ordersByReference.all({ ref: t.ref }), 'reference');
    }
    // Reservation references use their own alphabet; an exact look-up by the unique index is cheap.
    add(st.orderByReservation.all({ upper: t.upper }), 'reservation');
    // References carry digits and names do not: a reference that found its order needs no name scan.
    if (!(matched.size && /\d/.test(t.upper))) add(st.ordersByName.all({ like: t.like }), 'name');
    if (t.digits) add(st.ordersByPhone.all({ digits: t.digits }), 'phone');
  }
  if (!matched.size) return [];
  const rows = st.ordersFound.all({ ids: JSON.stringify([...matched.keys()]) }) as Omit<OrderFound, 'reference' | 'matchedBy'>[];
  return rows.map((row) => ({ ...row, reference: orderReference(row.orderId), matchedBy: matched.get(row.orderId)! }));
}

/** Reservations to collect, by reference, part of the name or phone; active ones first. */
export function findReservations(records: RecordsDb, query: string, includeEnded = false): ReservationFound[] {
  const t = searchTerms(query);
  return orderStatements(records).findReservations.all({
    upper: t.upper,
    like: t.like,
    digits: t.digits,
    includeEnded: includeEnded ? 1 : 0,
  }) as ReservationFound[];
}
