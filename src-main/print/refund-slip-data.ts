import { and, desc, eq } from 'drizzle-orm';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { ledger, staff, type OrderRow, type PaymentRow } from '../db/records/schema.ts';
import { bandsById, businessVenue, commonData, METHOD_NAMES, placesOf, seatsOf, sellerLinesOf, showOf, taxLines, type TicketRow } from './order-print-data.ts';
import type { RefundSlipPrintData } from './render/print-data.ts';

/** The ledger kinds that can hand money back across the counter. */
export type MoneyBackKind = 'order.refunded' | 'order.exchanged';

interface MoneyBackPayload {
  rows: { orders?: OrderRow[]; tickets?: TicketRow[]; payments?: PaymentRow[] };
  approvedBy?: string | null;
}

/**
 * What the refund slip prints, read from the ledger row the refund or exchange wrote (the last one
 * of that kind for the order), so the slip shows exactly what was committed: the tickets given
 * back, the money and how it went back, who did it at which window, and who approved it.
 * `orderId` is the refunded order, or for an exchange the new order (as the ledger keys it).
 */
export function refundSlipPrintData(office: BoxOffice, kind: MoneyBackKind, orderId: string): RefundSlipPrintData {
  const { records } = office;
  const entry = records
    .select()
    .from(ledger)
    .where(and(eq(ledger.kind, kind), eq(ledger.orderId, orderId)))
    .orderBy(desc(ledger.seq))
    .limit(1)
    .get();
  if (!entry) throw new MarqueeError('NOT_FOUND', `There is no refund or exchange of order ${orderReference(orderId)} to print a slip for.`);
  const payload = entry.payload as MoneyBackPayload;
  const orderRows = payload.rows.orders ?? [];
  const given = orderRows[0];
  if (!given) throw new MarqueeError('NOT_FOUND', `The ledger holds no order for the refund of ${orderReference(orderId)}.`);
  const exchange = kind === 'order.exchanged';
  const newOrder = exchange ? orderRows[1] : undefined;
  const returned = (payload.rows.tickets ?? []).filter((t) => t.orderId === given.id && t.state === (exchange ? 'exchanged' : 'refunded'));
  // Money handed back: the negative payment that is not exchange credit moving between the two orders.
  const back = (payload.rows.payments ?? []).filter((p) => p.amountMinor < 0 && p.method !== 'exchange');
  const method = back[0]?.method ?? 'cash';
  const approverId = exchange ? (newOrder?.approvedBy ?? null) : (payload.approvedBy ?? null);
  const approver = approverId ? records.select({ name: staff.name }).from(staff).where(eq(staff.id, approverId)).get() : undefined;
  const show = showOf(office, given.performanceId);
  const common = commonData(office, show.venue, { staffId: entry.staffId, stationId: entry.stationId }, given.currency);
  const places = placesOf(office, returned.map((t) => t.unitId));
  return {
    kind: 'refund',
    ...common,
    venue: businessVenue(office, common.venue),
    sellerLines: sellerLinesOf(office),
    event: { title: show.title, ageRating: show.ageRating },
    performance: { startsAt: show.startsAt, doorsAt: show.doorsAt },
    order: { reference: orderReference(given.id), soldAt: given.createdAt },
    refund: {
      what: exchange ? 'Exchange' : 'Refund',
      at: entry.at,
      amount: back.reduce((sum, p) => sum - p.amountMinor, 0),
      method: METHOD_NAMES[method] ?? method,
      tickets: returned.length,
    },
    paymentReferences: back.flatMap((p) => (p.reference && (p.method === 'card' || p.method === 'voucher') ? [{ method: METHOD_NAMES[p.method] ?? p.method, reference: p.reference }] : [])),
    seats: seatsOf(returned, places),
    approvals: approver ? [{ name: approver.name }] : [],
    notes: newOrder ? [{ text: `Exchanged for order ${orderReference(newOrder.id)}; the difference is handed back.` }] : [],
    // A refund gives the tickets' tax back; an exchange only the difference, so it prints no tax lines.
    taxLines: exchange ? [] : taxLines(office, returned, bandsById(office, returned.map((t) => t.priceBandId))),
  };
}
