import { and, eq } from 'drizzle-orm';
import { paperMm, type JobKind } from '../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { printers as printerRows } from '../db/station/schema.ts';
import { orderPrintData, reservationSlipPrintData } from './order-print-data.ts';
import type { LayoutJobRequest } from './api/print-api-port.ts';
import { startPrintService } from './print-service.ts';
import { listActivePrinters, type Printer } from './printers/printer-store.ts';

/** What happened to a sale's printing; the sale itself stands whatever this says. */
export interface PrintOutcome {
  printed: 'queued' | 'no-printer' | 'failed';
  jobSetId: string | null;
  problem: string | null;
}

type Job = Omit<LayoutJobRequest, 'source'>;

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
    const sale = orderPrintData(office, orderId, options.reprintTicketIds ? { ticketIds: options.reprintTicketIds } : {});
    const ticketPrinter = printerFor(office, 'ticket');
    const jobs: Job[] = [];
    for (const { data, layoutId: chosen } of sale.tickets) {
      const layoutId = chosen ?? (await defaultLayout(office, ticketPrinter, 'ticket', 'ticket'));
      jobs.push({ layoutId, data: data as unknown as Record<string, unknown>, kind: 'ticket', printerId: ticketPrinter.id, label: `Ticket ${data.seat.label}` });
    }

    // The receipt goes where receipts print; a station without one still prints its tickets.
    const receiptPrinter = options.reprintTicketIds ? null : tryPrinterFor(office, 'receipt');
    if (receiptPrinter) {
      const layoutId = await defaultLayout(office, receiptPrinter, 'receipt', 'receipt');
      jobs.push({ layoutId, data: sale.receipt as unknown as Record<string, unknown>, kind: 'receipt', printerId: receiptPrinter.id, label: `Receipt ${sale.reference}` });
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
    const data = reservationSlipPrintData(office, reservationId);
    const printer = printerFor(office, 'receipt');
    const layoutId = await defaultLayout(office, printer, 'receipt', 'reservation-slip');
    const set = await startPrintService(office).submitLayouts({
      jobs: [{ layoutId, data: data as unknown as Record<string, unknown>, kind: 'receipt', printerId: printer.id, label: `Reservation ${data.reservation.reference}` }],
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
  const mm = paperMm(printer.widthDots);
  return known.has(`${base}-${mm}mm`) ? `${base}-${mm}mm` : `${base}-80mm`;
}
