import { and, asc, eq, inArray } from 'drizzle-orm';
import type { JobKind } from '../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { readSetting } from '../core/settings.ts';
import {
  events,
  orders,
  payments,
  performances,
  planAreas,
  planSeats,
  priceBands,
  reservations,
  staff,
  tickets,
  units,
  venues,
  type PriceBandRow,
} from '../db/records/schema.ts';
import { printers as printerRows } from '../db/station/schema.ts';
import type { LayoutJobRequest } from './print-service.ts';
import { startPrintService } from './print-service.ts';
import { listActivePrinters, type Printer } from './printers/printer-store.ts';
import type { ReceiptPrintData, ReservationSlipPrintData, TicketPrintData, VenuePrintData } from './render/index.ts';
import type { TaxLine } from './render/print-data.ts';
import { orderReference } from '../../src-shared/contract/orders.ts';

/** What happened to a sale's printing; the sale itself stands whatever this says. */
export interface PrintOutcome {
  printed: 'queued' | 'no-printer' | 'failed';
  jobSetId: string | null;
  problem: string | null;
}

type Job = Omit<LayoutJobRequest, 'source'>;

// Capitalised: a layout that wants "Paid by card" lower-cases them itself ({payment.method|lower}).
const METHOD_NAMES: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  voucher: 'Voucher',
  complimentary: 'Complimentary',
  exchange: 'Exchange credit',
};

/**
 * Prints an order's tickets then its receipt as one job set (the drawer opens first for cash).
 * `reprintTicketIds` prints only those tickets, without a receipt. Never throws: a sale is
 * already committed when this runs, so any problem comes back as a sentence for the screen.
 */
export async function printOrder(
  office: BoxOffice,
  orderId: string,
  options: { openDrawer?: boolean; reprintTicketIds?: string[] } = {},
): Promise<PrintOutcome> {
  return outcomeOf(async () => {
    const { records } = office;
    const order = records.select().from(orders).where(eq(orders.id, orderId)).get();
    if (!order) throw new MarqueeError('NOT_FOUND', `There is no order with id ${orderId}.`);
    const show = showOf(office, order.performanceId);
    const common = commonData(office, show.venue, order.staffId, order.currency);
    let ticketRows = records.select().from(tickets).where(eq(tickets.orderId, orderId)).orderBy(asc(tickets.unitId)).all();
    if (options.reprintTicketIds) {
      const wanted = new Set(options.reprintTicketIds);
      ticketRows = ticketRows.filter((t) => wanted.has(t.id));
    } else {
      ticketRows = ticketRows.filter((t) => t.state === 'valid');
    }
    const places = placesOf(office, ticketRows.map((t) => t.unitId));
    const bands = bandsById(office, ticketRows.map((t) => t.priceBandId));

    const ticketPrinter = printerFor(office, 'ticket');
    const jobs: Job[] = [];
    for (const t of ticketRows) {
      const seat = places.get(t.unitId) ?? { section: '', row: '', number: '', label: String(t.unitId) };
      const data: TicketPrintData = {
        kind: 'ticket',
        ...common,
        event: { title: show.title, ageRating: show.ageRating },
        performance: { startsAt: show.startsAt, doorsAt: show.doorsAt },
        seat,
        priceBand: { name: t.bandName },
        price: t.totalMinor,
        ticket: { code: t.code, id: t.id },
        order: { reference: orderReference(order.id), soldAt: order.createdAt },
      };
      const layoutId = bands.get(t.priceBandId)?.layoutId ?? show.layoutId ?? (await defaultLayout(office, ticketPrinter, 'ticket', 'ticket'));
      jobs.push({ layoutId, data: data as unknown as Record<string, unknown>, kind: 'ticket', printerId: ticketPrinter.id, label: `Ticket ${seat.label}` });
    }

    // The receipt goes where receipts print; a station without one still prints its tickets.
    const receiptPrinter = options.reprintTicketIds ? null : tryPrinterFor(office, 'receipt');
    if (receiptPrinter) {
      const paymentRows = records.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.at)).all();
      const data: ReceiptPrintData = {
        kind: 'receipt',
        ...common,
        order: {
          reference: orderReference(order.id),
          soldAt: order.createdAt,
          total: order.totalMinor,
          taxTotal: order.taxMinor,
          paid: paymentRows.reduce((sum, p) => sum + (p.tenderedMinor ?? p.amountMinor), 0),
          change: paymentRows.reduce((sum, p) => sum + (p.changeMinor ?? 0), 0),
        },
        lines: receiptLines(show, ticketRows),
        taxLines: taxLines(office, ticketRows, bands),
        payments: paymentRows.map((p) => ({ method: METHOD_NAMES[p.method] ?? p.method, amount: p.tenderedMinor ?? p.amountMinor })),
      };
      const layoutId = await defaultLayout(office, receiptPrinter, 'receipt', 'receipt');
      jobs.push({ layoutId, data: data as unknown as Record<string, unknown>, kind: 'receipt', printerId: receiptPrinter.id, label: `Receipt ${orderReference(order.id)}` });
    }
    if (jobs.length === 0) return { printed: 'queued', jobSetId: null, problem: null };
    const set = await startPrintService(office).submitLayouts({
      jobs,
      openDrawer: options.openDrawer ?? false,
      source: options.reprintTicketIds ? 'reprint' : 'sale',
    });
    return { printed: 'queued', jobSetId: set.jobSetId, problem: null };
  });
}

/** Prints the slip a customer takes away with the reservation's reference. Never throws. */
export async function printReservationSlip(office: BoxOffice, reservationId: string): Promise<PrintOutcome> {
  return outcomeOf(async () => {
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
    const data: ReservationSlipPrintData = {
      kind: 'reservation',
      ...commonData(office, show.venue, reservation.staffId, readSetting(records, 'currency', 'GBP')),
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
    const printer = printerFor(office, 'receipt');
    const layoutId = await defaultLayout(office, printer, 'receipt', 'reservation-slip');
    const set = await startPrintService(office).submitLayouts({
      jobs: [{ layoutId, data: data as unknown as Record<string, unknown>, kind: 'receipt', printerId: printer.id, label: `Reservation ${reservation.reference}` }],
      source: 'reservation',
    });
    return { printed: 'queued', jobSetId: set.jobSetId, problem: null };
  });
}

async function outcomeOf(print: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
  try {
    return await print();
  } catch (error) {
    if (error instanceof MarqueeError && error.code === 'PRINTER_UNAVAILABLE') {
      return { printed: 'no-printer', jobSetId: null, problem: error.message };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { printed: 'failed', jobSetId: null, problem: `Printing failed: ${message}` };
  }
}

interface Show {
  eventId: string;
  title: string;
  ageRating: string;
  layoutId: string | null;
  startsAt: number;
  doorsAt: number;
  venue: { name: string; address: string };
}

function showOf(office: BoxOffice, performanceId: string): Show {
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
  const doorsMinutes = readSetting(office.records, 'venue.doorsMinutes', 30);
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

function commonData(office: BoxOffice, venue: { name: string; address: string }, staffId: string | null, currency: string) {
  const { records } = office;
  const venueData: VenuePrintData = {
    name: readSetting(records, 'venue.name', venue.name) || venue.name,
    address: venue.address,
    taxNumber: readSetting(records, 'venue.taxNumber', ''),
    locale: readSetting(records, 'venue.locale', 'en-GB'),
    timeZone: readSetting(records, 'venue.timeZone', 'Europe/London'),
    currency,
  };
  const cashier = staffId ? records.select({ name: staff.name }).from(staff).where(eq(staff.id, staffId)).get() : undefined;
  return { venue: venueData, station: { name: office.identity.name }, cashier: { name: cashier?.name ?? '' } };
}

interface Place {
  section: string;
  row: string;
  number: string;
  label: string;
}

/** Seat or general-admission place of each unit, worded as the seat map words it. */
function placesOf(office: BoxOffice, unitIds: number[]): Map<number, Place> {
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
      if (r.zone !== null && r.row !== null && r.number !== null) {
        return [r.id, { section: r.zone, row: r.row, number: r.number, label: `${r.zone} ${r.row}-${r.number}` }];
      }
      const area = r.areaName ?? '';
      const place = String(r.placeNo ?? '');
      return [r.id, { section: area, row: '', number: place, label: `${area} place ${place}` }];
    }),
  );
}

function bandsById(office: BoxOffice, ids: string[]): Map<string, PriceBandRow> {
  if (ids.length === 0) return new Map();
  const rows = office.records.select().from(priceBands).where(inArray(priceBands.id, [...new Set(ids)])).all();
  return new Map(rows.map((b) => [b.id, b]));
}

type TicketRow = typeof tickets.$inferSelect;

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

function taxLines(office: BoxOffice, rows: TicketRow[], bands: Map<string, PriceBandRow>): TaxLine[] {
  const name = readSetting(office.records, 'tax.name', 'VAT');
  const byRate = new Map<number, TaxLine>();
  for (const t of rows) {
    const rateBp = bands.get(t.priceBandId)?.taxRateBp ?? 0;
    if (rateBp === 0 && t.taxMinor === 0) continue;
    const line = byRate.get(rateBp) ?? { name, rate: `${rateBp / 100}%`, net: 0, tax: 0, gross: 0 };
    line.tax += t.taxMinor;
    line.gross += t.totalMinor;
    line.net = line.gross - line.tax;
    byRate.set(rateBp, line);
  }
  return [...byRate.values()];
}

function tryPrinterFor(office: BoxOffice, kind: JobKind): Printer | null {
  return listActivePrinters(office.station).find((p) => p.jobKinds.includes(kind)) ?? null;
}

function printerFor(office: BoxOffice, kind: JobKind): Printer {
  const printer = tryPrinterFor(office, kind);
  if (!printer) throw new MarqueeError('PRINTER_UNAVAILABLE', `No printer on this station takes ${kind}s; set one up under Printers.`);
  return printer;
}

/**
 * The printer's own default layout for this kind of document if it has one, else the built-in
 * one for its paper width (58 mm printers are 384 dots wide), else the 80 mm built-in.
 */
async function defaultLayout(office: BoxOffice, printer: Printer, kind: JobKind, base: string): Promise<string> {
  const row = office.station
    .select({ defaultLayouts: printerRows.defaultLayouts })
    .from(printerRows)
    .where(and(eq(printerRows.id, printer.id)))
    .get();
  const own = row?.defaultLayouts[base === 'reservation-slip' ? 'reservation' : kind];
  if (own) return own;
  const known = new Set((await startPrintService(office).requireLayouts().list()).map((l) => l.id));
  const mm = printer.widthDots === 384 ? 58 : 80;
  return known.has(`${base}-${mm}mm`) ? `${base}-${mm}mm` : `${base}-80mm`;
}
