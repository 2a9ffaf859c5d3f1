import { encodeTime } from 'ulid';
import { labelList } from '../../src-shared/seat-label.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { orderReference, type OrderHistoryEntry } from '../../src-shared/contract/orders.ts';
import type { RecordsDb } from '../db/open.ts';
import { orderStatements } from './statements.ts';

interface LedgerRead {
  seq: number;
  at: number;
  kind: string;
  orderId: string | null;
  payload: string;
  staffName: string | null;
  stationName: string;
}

interface Payload {
  rows?: {
    tickets?: { id: string; orderId: string; unitId: number; state: string }[];
    payments?: { orderId: string; method: string; amountMinor: number }[];
    reservations?: { reference: string; customerName: string }[];
    units?: { id: number }[];
  };
  fromOrderId?: string;
  printCount?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const METHOD_WORDS: Record<string, string> = { cash: 'cash', card: 'card', voucher: 'voucher', complimentary: 'complimentary', exchange: 'exchange credit' };

/**
 * An order's story from the ledger, in the words a cashier uses at the counter: who sold, refunded,
 * exchanged, reprinted or admitted what, where and when. Oldest first.
 */
export function orderHistory(records: RecordsDb, orderId: string): OrderHistoryEntry[] {
  const st = orderStatements(records);
  const order = st.order.get(orderId) as { id: string; reservationId: string | null; since: number } | undefined;
  if (!order) throw new MarqueeError('NOT_FOUND', `There is no order with id ${orderId}.`);
  // An hour's margin in case the clock was set back between the reservation and the sale.
  const fromId = encodeTime(Math.max(0, order.since - 3_600_000), 10);
  const entries = (st.history.all({ orderId, reservationId: order.reservationId, fromId }) as LedgerRead[]).map((row) => ({
    row,
    payload: JSON.parse(row.payload) as Payload,
  }));

  const unitIds = new Set<number>();
  for (const { payload } of entries) {
    for (const t of payload.rows?.tickets ?? []) unitIds.add(t.unitId);
    for (const u of payload.rows?.units ?? []) unitIds.add(u.id);
  }
  const labels = new Map(
    (st.labels.all(JSON.stringify([...unitIds])) as { id: number; label: string }[]).map((l) => [l.id, l.label]),
  );
  const seatList = (ids: number[]) => labelList(ids.map((id) => labels.get(id) ?? `unit ${id}`));

  return entries.flatMap(({ row, payload }): OrderHistoryEntry[] => {
    const tickets = (payload.rows?.tickets ?? []).filter((t) => t.orderId === orderId);
    const payments = (payload.rows?.payments ?? []).filter((p) => p.orderId === orderId);
    const money = payments.length ? payments.reduce((sum, p) => sum + p.amountMinor, 0) : null;
    const methods = [...new Set(payments.filter((p) => p.method !== 'exchange').map((p) => METHOD_WORDS[p.method] ?? p.method))];
    const seats = seatList(tickets.map((t) => t.unitId));
    const base = { seq: row.seq, at: row.at, staffName: row.staffName, stationName: row.stationName };
    switch (row.kind) {
      case 'reservation.created': {
        const reservation = payload.rows?.reservations?.[0];
        const units = payload.rows?.units ?? [];
        return [{
          ...base,
          kind: 'reserved',
          summary: `Reserved ${plural(units.length, 'seat')} (${seatList(units.map((u) => u.id))}) for ${reservation?.customerName ?? 'a customer'}, reference ${reservation?.reference ?? '?'}`,
          amountMinor: null,
        }];
      }
      case 'order.booked': {
        const collected = payload.rows?.reservations?.[0];
        const paid = methods.length ? `, paid by ${methods.join(' and ')}` : '';
        const from = collected ? ` collecting reservation ${collected.reference}` : '';
        return [{ ...base, kind: 'booked', summary: `Booked ${plural(tickets.length, 'ticket')} (${seats})${from}${paid}`, amountMinor: money }];
      }
      case 'order.refunded': {
        const how = methods.length ? ` by ${methods.join(' and ')}` : '';
        return [{ ...base, kind: 'refunded', summary: `Refunded ${plural(tickets.length, 'ticket')} (${seats})${how}`, amountMinor: money }];
      }
      case 'order.exchanged': {
        if (row.orderId === orderId) {
          const from = payload.fromOrderId ? ` from order ${orderReference(payload.fromOrderId)}` : '';
          return [{ ...base, kind: 'exchanged_in', summary: `Exchanged in${from}: ${plural(tickets.length, 'new ticket')} (${seats})`, amountMinor: money }];
        }
        const to = row.orderId ? ` for order ${orderReference(row.orderId)}` : '';
        return [{ ...base, kind: 'exchanged_out', summary: `Exchanged ${plural(tickets.length, 'ticket')} (${seats})${to}`, amountMinor: money }];
      }
      case 'ticket.reprinted':
        return [{ ...base, kind: 'reprinted', summary: `Reprinted ticket ${seats}${payload.printCount ? ` (print ${payload.printCount})` : ''}`, amountMinor: null }];
      case 'ticket.checked-in':
        return [{ ...base, kind: 'checked_in', summary: `Checked in ticket ${seats}`, amountMinor: null }];
      case 'ticket.check-in-undone':
        return [{ ...base, kind: 'check_in_undone', summary: `Check-in undone for ticket ${seats}`, amountMinor: null }];
      default:
        return [];
    }
  });
}
