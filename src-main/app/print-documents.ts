import { and, eq } from 'drizzle-orm';
import { paperMm, type JobKind } from '../../src-shared/contract/printing.ts';
import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { printers as printerRows } from '../db/station/schema.ts';
import type { PrintLayouts } from '../print/layouts-port.ts';
import { orderPrintData, reservationSlipPrintData } from '../print/order-print-data.ts';
import { listActivePrinters, type Printer } from '../print/printers/printer-store.ts';
import type { NewPrintJob } from '../print/queue/print-queue.ts';
import type { Counter } from './counter.ts';
import { collectForWindow, printsAtWindow } from './print-at-window.ts';

export type { PrintOutcome };

/** What printing a counter action's documents needs: the office, its one print service, the warnings for managers. */
export type DocumentPrinting = Pick<Counter, 'office' | 'printing' | 'printWarnings'>;

/** One document of an action: which printer, what kind, its base layout name and its data. */
export interface DocumentRequest {
  printer: Printer;
  kind: JobKind;
  /** The built-in layout's name without its paper width: 'ticket', 'receipt', 'reservation-slip'. */
  base: string;
  /** The event's or price band's own layout; else the printer's default, else the built-in. */
  layoutId?: string | null;
  data: object;
  label: string;
}

/**
 * One counter action's documents, each rendered on its own and queued as its own job of one job
 * set. The printers and the layout list are looked up once, at the start of the action, and every
 * document uses them: a sale of ten tickets reads the printers once and the layouts once. A
 * document whose layout cannot print (a logo gone, a file broken by hand) prints on the built-in
 * layout for its paper, and managers are told (PrintWarnings); one that cannot print at all is
 * left out with a sentence, and the others still print.
 */
export class DocumentSet {
  private readonly active: Printer[];
  private readonly jobs: NewPrintJob[] = [];
  private readonly problems: string[] = [];
  private known: Promise<Set<string>> | undefined;
  private readonly defaults = new Map<string, Promise<string>>();
  private readonly office: BoxOffice;

  constructor(private readonly counter: DocumentPrinting) {
    this.office = counter.office;
    this.active = listActivePrinters(this.office.station);
  }

  /** Asked only once a document is added, so a station with no printer hears that first. */
  private get layouts(): PrintLayouts {
    return this.counter.printing.requireLayouts();
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

  /** Renders one document for its printer; a layout that cannot print falls back to the built-in one. */
  async add(doc: DocumentRequest): Promise<void> {
    const builtin = await this.builtinLayout(doc.printer, doc.base);
    const layoutId = doc.layoutId ?? (await this.defaultLayout(doc.printer, doc.kind, doc.base, builtin));
    const warnings = this.counter.printWarnings;
    try {
      if (!(await this.knownLayouts()).has(layoutId)) throw new MarqueeError('NOT_FOUND', `there is no layout called '${layoutId}'`);
      const bytes = await this.layouts.render(layoutId, doc.data as Record<string, unknown>, doc.printer);
      this.jobs.push({ kind: doc.kind, bytes, label: doc.label, layoutId, printerId: doc.printer.id });
      warnings.printed(layoutId);
      return;
    } catch (error) {
      if (layoutId === builtin) return this.leaveOut(doc, error);
      warnings.fellBack(layoutId, builtin, reasonOf(error));
    }
    try {
      const bytes = await this.layouts.render(builtin, doc.data as Record<string, unknown>, doc.printer);
      this.jobs.push({ kind: doc.kind, bytes, label: doc.label, layoutId: builtin, printerId: doc.printer.id });
    } catch (error) {
      this.leaveOut(doc, error);
    }
  }

  /**
   * Queues everything that rendered, in order, as one job set. The drawer is not here: a cash
   * action opens it first, on its own (printDocuments), whatever becomes of the paper.
   */
  submit(source: string): PrintOutcome {
    const problem = this.problems.length > 0 ? this.problems.join(' ') : null;
    if (this.jobs.length === 0) {
      return problem ? { printed: 'failed', jobSetId: null, problem } : { printed: 'queued', jobSetId: null, problem: null };
    }
    const set = this.counter.printing.submit({ jobs: this.jobs, source });
    return { printed: 'queued', jobSetId: set.jobSetId, problem };
  }

  private leaveOut(doc: DocumentRequest, error: unknown): void {
    this.problems.push(`${doc.label} could not be printed: ${reasonOf(error)}.`);
  }

  private knownLayouts(): Promise<Set<string>> {
    this.known ??= this.layouts.list().then((list) => new Set(list.map((l) => l.id)));
    return this.known;
  }

  /** The built-in layout for the printer's paper width (the 80 mm one if there is none for it). */
  private async builtinLayout(printer: Printer, base: string): Promise<string> {
    const mm = paperMm(printer.widthDots);
    return (await this.knownLayouts()).has(`${base}-${mm}mm`) ? `${base}-${mm}mm` : `${base}-80mm`;
  }

  /** The printer's own default layout for this kind of document if it has one, else the built-in. Once per printer and document. */
  private defaultLayout(printer: Printer, kind: JobKind, base: string, builtin: string): Promise<string> {
    const id = `${printer.id}\n${base}`;
    let layout = this.defaults.get(id);
    if (!layout) {
      layout = (async () => {
        const row = this.office.station.select({ defaultLayouts: printerRows.defaultLayouts }).from(printerRows).where(and(eq(printerRows.id, printer.id))).get();
        // A refund slip never takes the printer's receipt layout: that one expects a sale's data.
        if (base === 'refund-slip') return builtin;
        return row?.defaultLayouts[base === 'reservation-slip' ? 'reservation' : kind] ?? builtin;
      })();
      this.defaults.set(id, layout);
    }
    return layout;
  }
}

/** The reason in a sentence's middle: the core's own words, without a trailing full stop. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\.$/, '');
}

/**
 * An action's documents, as one job set, after the cash drawer: when asked, the drawer opens
 * first and on its own, so no layout, logo or missing printer can keep it shut. Never throws: the
 * change is already committed when this runs, so a problem comes back as a sentence for the screen.
 */
export async function printDocuments(
  counter: DocumentPrinting,
  options: { source: string; openDrawer: boolean },
  documents: (set: DocumentSet) => Promise<void>,
): Promise<PrintOutcome> {
  // A terminal's action prints at the terminal (app/print-at-window.ts): nothing here, not even the drawer.
  if (printsAtWindow()) return collectForWindow(options, documents);
  if (options.openDrawer) void counter.printing.openDrawer();
  try {
    const set = new DocumentSet(counter);
    await documents(set);
    return set.submit(options.source);
  } catch (error) {
    if (error instanceof MarqueeError && error.code === 'PRINTER_UNAVAILABLE') {
      return { printed: 'no-printer', jobSetId: null, problem: error.message };
    }
    return { printed: 'failed', jobSetId: null, problem: `Printing failed: ${reasonOf(error)}.` };
  }
}

/**
 * An order's tickets then its receipt, each its own job of one set (the drawer opens first when
 * asked). `reprintTicketIds` prints only those tickets, without a receipt.
 */
export function printOrderDocuments(
  counter: DocumentPrinting,
  orderId: string,
  options: { openDrawer?: boolean; reprintTicketIds?: string[] } = {},
): Promise<PrintOutcome> {
  const reprint = options.reprintTicketIds;
  return printDocuments(counter, { source: reprint ? 'reprint' : 'sale', openDrawer: options.openDrawer ?? false }, async (set) => {
    const sale = orderPrintData(counter.office, orderId, reprint ? { ticketIds: reprint } : {});
    const ticketPrinter = set.requirePrinterFor('ticket');
    for (const { data, layoutId } of sale.tickets) {
      await set.add({ printer: ticketPrinter, kind: 'ticket', base: 'ticket', layoutId, data, label: `Ticket ${data.seat.label}` });
    }
    // The receipt goes where receipts print; a station without one still prints its tickets.
    const receiptPrinter = reprint ? null : set.printerFor('receipt');
    if (receiptPrinter) await set.add({ printer: receiptPrinter, kind: 'receipt', base: 'receipt', data: sale.receipt, label: `Receipt ${sale.reference}` });
  });
}

/** The slip a customer takes away with the reservation's reference. Never throws. */
export function printReservationSlipDocument(counter: DocumentPrinting, reservationId: string): Promise<PrintOutcome> {
  return printDocuments(counter, { source: 'reservation', openDrawer: false }, async (set) => {
    const data = reservationSlipPrintData(counter.office, reservationId);
    const printer = set.requirePrinterFor('receipt');
    await set.add({ printer, kind: 'receipt', base: 'reservation-slip', data, label: `Reservation ${data.reservation.reference}` });
  });
}
