import { asc, eq, inArray } from 'drizzle-orm';
import { ORDER_REFERENCE_LENGTH, orderReference } from '../../src-shared/contract/orders.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { sumByRate } from '../../src-shared/pricing/index.ts';
import { unitLabel } from '../../src-shared/seat-label.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { findOrders } from '../orders/find-orders.ts';
import { readSetting } from '../core/settings.ts';
import {
  discountCodes,
  events,
  orders,
  payments,
  performances,
  planAreas,
  planSeats,
  priceBands,
  reservations,
  staff,
  stations,
  tickets,
  units,
  venues,
  type PriceBandRow,
} from '../db/records/schema.ts';
import type { ReceiptPrintData, ReservationSlipPrintData, TicketPrintData, VenuePrintData } from './render/index.ts';
import type { TaxLine } from './render/print-data.ts';
import { receiptNumberOf } from '../sales/receipt-numbers.ts';

/** One ticket's print data and the layout its price band or event chose (null: the printer's default). */
export interface OrderTicketPrint {
  data: TicketPrintData;
  layoutId: string | null;
}

export interface OrderPrintData {
  reference: string;
  tickets: OrderTicketPrint[];
  receipt: ReceiptPrintData;
}

// Capitalised: a layout that wants "Paid by card" lower-cases them itself ({payment.method|lower}).
export const METHOD_NAMES: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  voucher: 'Voucher',
  complimentary: 'Complimentary',
  exchange: 'Exchange credit',
};

/**
 * What an order's tickets and receipt print, exactly as the printer gets it: printing a sale and
 * previewing a layout with a real order both come through here. Valid tickets only, unless
 * `ticketIds` names the ones wanted (a reprint).
 */
export function orderPrintData(office: BoxOffice, orderId: string, options: { ticketIds?: string[] } = {}): OrderPrintData {
  const { records } = office;
  const order = records.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) throw new MarqueeError('NOT_FOUND', `There is no order with id ${orderId}.`);
  const show = showOf(office, order.performanceId);
  const common = commonData(office, show.venue, { staffId: order.staffId, stationId: order.stationId }, order.currency);
  const reference = orderReference(order.id);
  let ticketRows = records.select().from(tickets).where(eq(tickets.orderId, orderId)).orderBy(asc(tickets.unitId)).all();
  if (options.ticketIds) {
    const wanted = new Set(options.ticketIds);
    ticketRows = ticketRows.filter((t) => wanted.has(t.id));
  } else {
    ticketRows = ticketRows.filter((t) => t.state === 'valid');
  }
  const places = placesOf(office, ticketRows.map((t) => t.unitId));
  const bands = bandsById(office, ticketRows.map((t) => t.priceBandId));

  const ticketPrints = ticketRows.map((t): OrderTicketPrint => {
    const seat = places.get(t.unitId) ?? { section: '', row: '', number: '', label: String(t.unitId) };
    return {
      data: {
        kind: 'ticket',
        ...common,
        event: { title: show.title, ageRating: show.ageRating },
        performance: { startsAt: show.startsAt, doorsAt: show.doorsAt },
        seat,
        priceBand: { name: t.bandName },
        price: t.totalMinor,
        ticket: { code: t.code, id: t.id, printCount: t.printCount },
        order: { reference, soldAt: order.createdAt },
        // The sale prints copy 1; every copy after it says REPRINT and which one it is.
        reprints: t.printCount > 1 ? [{ count: t.printCount - 1 }] : [],
        // A reservation collected (or a sale for a named customer) carries the name to the door.
        customers: order.customerName?.trim() ? [{ name: order.customerName.trim() }] : [],
      },
      layoutId: bands.get(t.priceBandId)?.layoutId ?? show.layoutId,
    };
  });

  const paymentRows = records.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.at)).all();
  const receipt: ReceiptPrintData = {
    kind: 'receipt',
    ...common,
    venue: businessVenue(office, common.venue),
    event: { title: show.title, ageRating: show.ageRating },
    performance: { startsAt: show.startsAt, doorsAt: show.doorsAt },
    seats: seatsOf(ticketRows, places),
    sellerLines: sellerLinesOf(office),
    // Only cash gives change: a card receipt has no "Change £0.00" line.
    changeGiven: paymentRows.some((p) => p.method === 'cash' && p.amountMinor > 0) ? [{ amount: paymentRows.reduce((sum, p) => sum + (p.changeMinor ?? 0), 0) }] : [],
    order: {
      reference,
      receiptNumber: String(receiptNumberOf(records.$client, order.id) ?? ''),
      soldAt: order.createdAt,
      total: order.totalMinor,
      taxTotal: order.taxMinor,
      paid: paymentRows.reduce((sum, p) => sum + (p.tenderedMinor ?? p.amountMinor), 0),
      change: paymentRows.reduce((sum, p) => sum + (p.changeMinor ?? 0), 0),
      discount: order.discountMinor,
    },
    lines: receiptLines(show, ticketRows),
    discounts: discountsOf(office, order),
    taxLines: taxLines(office, ticketRows, bands),
    payments: paymentRows.map((p) => ({ method: METHOD_NAMES[p.method] ?? p.method, amount: p.tenderedMinor ?? p.amountMinor, reference: paymentReference(p) })),
    paymentReferences: paymentRows.flatMap((p) => (paymentReference(p) ? [{ method: METHOD_NAMES[p.method] ?? p.method, reference: paymentReference(p) }] : [])),
    footerLines: footerLinesOf(office),
  };
  return { reference, tickets: ticketPrints, receipt };
}

/** The order a person typed: its full id, or its reference as printed on the receipt (any case). */
export function orderIdFromTyped(office: BoxOffice, typed: string): string {
  const upper = typed.trim().toUpperCase();
  const byId = office.records.select({ id: orders.id }).from(orders).where(eq(orders.id, upper)).get();
  if (byId) return byId.id;
  const found = upper.length === ORDER_REFERENCE_LENGTH ? findOrders(office.records, upper).filter((o) => o.reference === upper) : [];
  if (found.length === 0) throw new MarqueeError('NOT_FOUND', `There is no order with reference ${typed.trim()}; check the reference on the receipt.`);
  if (found.length > 1) throw new MarqueeError('BAD_INPUT', `More than one order has the reference ${upper}; type the full order id instead.`);
  return found[0]!.orderId;
}

/** What a reservation's slip prints: the seats held for the customer and what they would cost. */
export function reservationSlipPrintData(office: BoxOffice, reservationId: string): ReservationSlipPrintData {
  const { records } = office;
  const reservation = records.select().from(reservations).where(eq(reservations.id, reservationId)).get();
  if (!reservation) throw new MarqueeError('NOT_FOUND', `There is no reservation with id ${reservationId}.`);
  const show = showOf(office, reservation.performanceId);
  const reserved = records
    .select({ id: units.id, category: units.category })
    .from(units)
    .where(eq(units.reservationId, reservationId))
    .orderBy(asc(units.id))
    .all();
  const places = placesOf(office, reserved.map((u) => u.id));
  const bands = records.select().from(priceBands).where(eq(priceBands.eventId, show.eventId)).orderBy(asc(priceBands.sortOrder), asc(priceBands.name)).all();
  // A reservation has no prices yet: the slip shows what each seat's first band would cost.
  const seats = reserved.map((u) => {
    const band = bands.find((b) => b.category === u.category) ?? bands.find((b) => b.category === null);
    return { label: places.get(u.id)?.label ?? String(u.id), priceBand: band?.name ?? '', price: band?.priceMinor ?? 0 };
  });
  return {
    kind: 'reservation',
    ...commonData(office, show.venue, { staffId: reservation.staffId, stationId: reservation.stationId }, readSetting(records, 'currency')),
    event: { title: show.title, ageRating: show.ageRating },
    performance: { startsAt: show.startsAt, doorsAt: show.doorsAt },
    reservation: {
      reference: reservation.reference,
      name: reservation.customerName,
      expiresAt: reservation.deadlineAt ?? show.startsAt,
      total: seats.reduce((sum, s) => sum + s.price, 0),
    },
    seats,
  };
}

/** The code the order used and what it took off; none when it used no code or the code took nothing off. */
function discountsOf(office: BoxOffice, order: typeof orders.$inferSelect): ReceiptPrintData['discounts'] {
  if (order.discountMinor <= 0) return [];
  const code = order.discountCodeId
    ? office.records.select({ code: discountCodes.code }).from(discountCodes).where(eq(discountCodes.id, order.discountCodeId)).get()?.code
    : undefined;
  return [{ code: code ?? '', amount: order.discountMinor }];
}

/** The invoice footer saved in Settings, a line per item, so an empty footer prints nothing at all. */
function footerLinesOf(office: BoxOffice): ReceiptPrintData['footerLines'] {
  const footer = readSetting(office.records, 'invoice.footer').trim();
  if (footer === '') return [];
  return footer.split(/\r?\n/).map((line) => ({ text: line.trimEnd() }));
}

/**
 * A receipt or refund slip is from the business, not the hall: a Studio or standing-area sale heads
 * with the venue's own name and address from Settings (the hall's only when Settings has none).
 */
export function businessVenue(office: BoxOffice, hall: VenuePrintData): VenuePrintData {
  return {
    ...hall,
    name: readSetting(office.records, 'venue.name') || hall.name,
    address: readSetting(office.records, 'venue.address') || hall.address,
  };
}

/** The seller's lines under the heading, the ones Settings has: a receipt never prints "VAT no." with nothing after it. */
export function sellerLinesOf(office: BoxOffice): Array<{ text: string }> {
  const setting = (key: 'company.legalName' | 'company.address' | 'company.number' | 'venue.taxNumber') => readSetting(office.records, key).trim();
  const taxNumber = setting('venue.taxNumber');
  const companyNumber = setting('company.number');
  return [
    setting('company.legalName'),
    setting('company.address'),
    companyNumber && `Company no. ${companyNumber}`,
    taxNumber && `${readSetting(office.records, 'tax.name')} no. ${taxNumber}`,
  ].flatMap((text) => (text ? [{ text }] : []));
}

/** A card terminal's or voucher's reference as the customer can quote it; '' for cash and exchange credit (whose reference is an order id). */
function paymentReference(p: typeof payments.$inferSelect): string {
  return p.method === 'card' || p.method === 'voucher' ? (p.reference ?? '').trim() : '';
}

/** The seats of these tickets as a receipt or slip lists them, with what each was paid. */
export function seatsOf(rows: TicketRow[], places: Map<number, Place>): Array<{ label: string; priceBand: string; price: number }> {
  return rows.map((t) => ({ label: places.get(t.unitId)?.label ?? String(t.unitId), priceBand: t.bandName, price: t.totalMinor }));
}

export interface Show {
  eventId: string;
  title: string;
  ageRating: string;
  layoutId: string | null;
  startsAt: number;
  doorsAt: number;
  venue: { name: string; address: string };
}

export function showOf(office: BoxOffice, performanceId: string): Show {
  const row = office.records
    .select({
      eventId: events.id,
      title: events.title,
      ageRating: events.ageRating,
      layoutId: events.layoutId,
      startsAt: performances.startsAt,
      venueName: venues.name,
      venueAddress: venues.address,
    })
    .from(performances)
    .innerJoin(events, eq(events.id, performances.eventId))
    .innerJoin(venues, eq(venues.id, performances.venueId))
    .where(eq(performances.id, performanceId))
    .get();
  if (!row) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${performanceId}.`);
  const doorsMinutes = readSetting(office.records, 'venue.doorsMinutes');
  return {
    eventId: row.eventId,
    title: row.title,
    ageRating: row.ageRating,
    layoutId: row.layoutId,
    startsAt: row.startsAt,
    doorsAt: row.startsAt - doorsMinutes * 60_000,
    venue: { name: row.venueName, address: row.venueAddress },
  };
}

/**
 * What every document prints about who and where: the hall, the company behind it (Settings), the
 * cashier, and the window by the one name a manager gives it under Manage → Windows (the stations
 * row), so paper, the audit log and the screen all say "Box office 2".
 */
export function commonData(office: BoxOffice, venue: { name: string; address: string }, by: { staffId: string | null; stationId: string }, currency: string) {
  const { records } = office;
  const venueData: VenuePrintData = {
    // The hall where the performance happens: a Studio ticket must not send people to the main house.
    name: venue.name,
    address: venue.address || readSetting(records, 'venue.address'),
    taxNumber: readSetting(records, 'venue.taxNumber'),
    legalName: readSetting(records, 'company.legalName'),
    companyAddress: readSetting(records, 'company.address'),
    companyNumber: readSetting(records, 'company.number'),
    locale: readSetting(records, 'venue.locale'),
    timeZone: readSetting(records, 'venue.timeZone'),
    currency,
  };
  const cashier = by.staffId ? records.select({ name: staff.name }).from(staff).where(eq(staff.id, by.staffId)).get() : undefined;
  const station = records.select({ name: stations.name }).from(stations).where(eq(stations.id, by.stationId)).get();
  return { venue: venueData, station: { name: station?.name ?? office.identity.name }, cashier: { name: cashier?.name ?? '' } };
}

export interface Place {
  section: string;
  row: string;
  number: string;
  label: string;
}

/** Seat or general-admission place of each unit, worded as the seat map words it. */
export function placesOf(office: BoxOffice, unitIds: number[]): Map<number, Place> {
  if (unitIds.length === 0) return new Map();
  const rows = office.records
    .select({
      id: units.id,
      placeNo: units.placeNo,
      zone: planSeats.zone,
      row: planSeats.row,
      number: planSeats.number,
      areaName: planAreas.name,
    })
    .from(units)
    .leftJoin(planSeats, eq(planSeats.id, units.seatId))
    .leftJoin(planAreas, eq(planAreas.id, units.areaId))
    .where(inArray(units.id, unitIds))
    .all();
  return new Map(
    rows.map((r) => {
      const label = unitLabel({ zone: r.zone, row: r.row, number: r.number, area: r.areaName, placeNo: r.placeNo });
      if (r.zone !== null && r.row !== null && r.number !== null) {
        return [r.id, { section: r.zone, row: r.row, number: r.number, label }];
      }
      return [r.id, { section: r.areaName ?? '', row: '', number: String(r.placeNo ?? ''), label }];
    }),
  );
}

export function bandsById(office: BoxOffice, ids: string[]): Map<string, PriceBandRow> {
  if (ids.length === 0) return new Map();
  const rows = office.records.select().from(priceBands).where(inArray(priceBands.id, [...new Set(ids)])).all();
  return new Map(rows.map((b) => [b.id, b]));
}

export type TicketRow = typeof tickets.$inferSelect;

function receiptLines(show: Show, rows: TicketRow[]): ReceiptPrintData['lines'] {
  const lines = new Map<string, ReceiptPrintData['lines'][number]>();
  for (const t of rows) {
    const key = `${t.bandName}\u0000${t.totalMinor}`;
    const line = lines.get(key);
    if (line) {
      line.quantity += 1;
      line.amount += t.totalMinor;
    } else {
      lines.set(key, { description: `${show.title}, ${t.bandName}`, quantity: 1, unitPrice: t.totalMinor, amount: t.totalMinor });
    }
  }
  return [...lines.values()];
}

/**
 * The tax lines of these tickets, per rate: the tax stored on each ticket (allocated per rate over
 * the order by src-shared/pricing) summed by the rate it was sold at, so the lines are 20 % of the rate's
 * figure and add up to what the tickets hold. Tax-free tickets print no line.
 */
export function taxLines(office: BoxOffice, rows: TicketRow[], bands: Map<string, PriceBandRow>): TaxLine[] {
  const name = readSetting(office.records, 'tax.name');
  // The rate kept on the ticket at sale time; its band's only for tickets sold before it was kept.
  const byRate = sumByRate(rows.map((t) => ({ taxRateBp: t.taxRateBp ?? bands.get(t.priceBandId)?.taxRateBp ?? 0, taxMinor: t.taxMinor, totalMinor: t.totalMinor })));
  return byRate
    .filter((r) => r.taxRateBp !== 0 || r.taxMinor !== 0)
    .map((r) => ({ name, rate: `${r.taxRateBp / 100}%`, net: r.netMinor, tax: r.taxMinor, gross: r.grossMinor }));
}
