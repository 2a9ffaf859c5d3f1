import { and, eq } from 'drizzle-orm';
import { paperMm, type JobKind } from '../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { printers as printerRows } from '../db/station/schema.ts';
import type { PrintLayouts } from '../print/layouts-port.ts';
import { orderPrintData, reservationSlipPrintData } from '../print/order-print-data.ts';
import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import { startPrintService } from '../print/print-service.ts';
import { listActivePrinters, type Printer } from '../print/printers/printer-store.ts';
import type { NewPrintJob } from '../print/queue/print-queue.ts';

export type { PrintOutcome };

/**
 * One counter action's documents, rendered and queued as one job set. The printers and the
 * layout list are looked up once here, at the start of the action, and every document of the
 * action uses them: a sale of ten tickets reads the printers once and the layouts once, not once
 * per ticket. The jobs carry their printer, so the queue only checks it is still there.
 */
class DocumentSet {
  private readonly active: Printer[];
  private readonly jobs: NewPrintJob[] = [];
  private known: Promise<Set<string>> | undefined;
  private readonly defaults = new Map<string, Promise<string>>();

  constructor(private readonly office: BoxOffice) {
    this.active = listActivePrinters(office.station);
  }

  /** Asked only once a document is added, so a station with no printer hears that first. */
  private get layouts(): PrintLayouts {
    return startPrintService(this.office).requireLayouts();
  }

  /** The printer that takes this kind of document, or null when the station has none. */
  printerFor(kind: JobKind): Printer | null {
    return this.active.find((p) => p.jobKinds.includes(kind)) ?? null;
  }

  requirePrinterFor(kind: JobKind): Printer {
    const printer = this.printerFor(kind);
    if (!printer) throw new MarqueeError('PRINTER_UNAVAILABLE', `No printer on this station takes ${kind}s; set one up under Printers.`);
    return printer;
  }

  async add(job: { printer: Printer; kind: JobKind; base: string; layoutId?: string | null; data: object; label: string }): Promise<void> {
    const layoutId = job.layoutId ?? (await this.defaultLayout(job.printer, job.kind, job.base));
    if (!(await this.knownLayouts()).has(layoutId)) throw new MarqueeError('NOT_FOUND', `There is no layout called '${layoutId}'.`);
    const bytes = await this.layouts.render(layoutId, job.data as Record<string, unknown>, job.printer);
    this.jobs.push({ kind: job.kind, bytes, label: job.label, layoutId, printerId: job.printer.id });
  }

  /** Queues everything added, in order; the drawer (cash only) pulses before the first byte of paper. */
  submit(source: string, openDrawer: boolean): PrintOutcome {
    if (this.jobs.length === 0) return { printed: 'queued', jobSetId: null, problem: null };
    const set = startPrintService(this.office).submit({ jobs: this.jobs, openDrawer, source });
    return { printed: 'queued', jobSetId: set.jobSetId, problem: null };
  }

  private knownLayouts(): Promise<Set<string>> {
    this.known ??= this.layouts.list().then((list) => new Set(list.map((l) => l.id)));
    return this.known;
  }

  /**
   * The printer's own default layout for this kind of document if it has one, else the built-in
   * one for its paper width, else the 80 mm built-in. Worked out once per printer and document.
   */
  private defaultLayout(printer: Printer, kind: JobKind, base: string): Promise<string> {
    const id = `${printer.id}\n${base}`;
    let layout = this.defaults.get(id);
    if (!layout) {
      layout = (async () => {
        const row = this.office.station.select({ defaultLayouts: printerRows.defaultLayouts }).from(printerRows).where(and(eq(printerRows.id, printer.id))).get();
        const own = row?.defaultLayouts[base === 'reservation-slip' ? 'reservation' : kind];
        if (own) return own;
        const mm = paperMm(printer.widthDots);
        return (await this.knownLayouts()).has(`${base}-${mm}mm`) ? `${base}-${mm}mm` : `${base}-80mm`;
      })();
      this.defaults.set(id, layout);
    }
    return layout;
  }
}

function documentSet(office: BoxOffice): DocumentSet {
  return new DocumentSet(office);
}

/**
 * An order's tickets then its receipt as one job set (the drawer opens first when asked).
 * `reprintTicketIds` prints only those tickets, without a receipt. Never throws: the change is
 * already committed when this runs, so a problem comes back as a sentence for the screen.
 */
export function printOrderDocuments(
  office: BoxOffice,
  orderId: string,
  options: { openDrawer?: boolean; reprintTicketIds?: string[] } = {},
): Promise<PrintOutcome> {
  return outcomeOf(async () => {
    const sale = orderPrintData(office, orderId, options.reprintTicketIds ? { ticketIds: options.reprintTicketIds } : {});
    const set = documentSet(office);
    const ticketPrinter = set.requirePrinterFor('ticket');
    for (const { data, layoutId } of sale.tickets) {
      await set.add({ printer: ticketPrinter, kind: 'ticket', base: 'ticket', layoutId, data, label: `Ticket ${data.seat.label}` });
    }
    // The receipt goes where receipts print; a station without one still prints its tickets.
    const receiptPrinter = options.reprintTicketIds ? null : set.printerFor('receipt');
    if (receiptPrinter) await set.add({ printer: receiptPrinter, kind: 'receipt', base: 'receipt', data: sale.receipt, label: `Receipt ${sale.reference}` });
    return set.submit(options.reprintTicketIds ? 'reprint' : 'sale', options.openDrawer ?? false);
  });
}

/** The slip a customer takes away with the reservation's reference. Never throws. */
export function printReservationSlipDocument(office: BoxOffice, reservationId: string): Promise<PrintOutcome> {
  return outcomeOf(async () => {
    const data = reservationSlipPrintData(office, reservationId);
    const set = documentSet(office);
    const printer = set.requirePrinterFor('receipt');
    await set.add({ printer, kind: 'receipt', base: 'reservation-slip', data, label: `Reservation ${data.reservation.reference}` });
    return set.submit('reservation', false);
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
