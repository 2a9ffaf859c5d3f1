import { paperMm } from '../../src-shared/contract/printing.ts';
import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { listActivePrinters } from '../print/printers/printer-store.ts';
import { refundSlipPrintData, type MoneyBackKind } from '../print/refund-slip-data.ts';
import { collectForWindow, printsAtWindow } from './print-at-window.ts';
import type { DocumentPrinting } from './print-documents.ts';

/**
 * The refund slip on the receipt printer: what was given back, how, by whom at which window, and
 * who approved it. For cash the drawer pulses ahead of it (the print queue opens a drawer only
 * ahead of paper, so the slip is what carries the pulse). The built-in slip for the printer's
 * paper width (`refund-slip-80mm` / `-58mm`, or a venue file of the same id) is used, never the
 * printer's receipt layout, which expects a sale's data. Never throws: the refund is committed.
 */
export async function printRefundSlip(counter: DocumentPrinting, kind: MoneyBackKind, orderId: string, options: { openDrawer: boolean }): Promise<PrintOutcome> {
  try {
    // Read now, before any await: the ledger row this refund just wrote is the last of its kind for the order.
    const data = refundSlipPrintData(counter.office, kind, orderId);
    const source = kind === 'order.refunded' ? 'refund' : 'exchange';
    // A terminal's slip, and the cash drawer ahead of it, come out at the terminal (app/print-at-window.ts).
    if (printsAtWindow()) {
      const label = `${data.refund.what} slip ${data.order.reference}`;
      return await collectForWindow({ source, openDrawer: options.openDrawer }, (set) => set.add({ printer: set.requirePrinterFor('receipt'), kind: 'receipt', base: 'refund-slip', data, label }));
    }
    const printer = listActivePrinters(counter.office.station).find((p) => p.jobKinds.includes('receipt'));
    if (!printer) throw new MarqueeError('PRINTER_UNAVAILABLE', 'No printer on this station takes receipts, so no refund slip was printed; set one up under Printers.');
    const set = await counter.printing.submitLayouts({
      source,
      openDrawer: options.openDrawer,
      jobs: [
        {
          layoutId: `refund-slip-${paperMm(printer.widthDots)}mm`,
          data: data as unknown as Record<string, unknown>,
          kind: 'receipt',
          printerId: printer.id,
          label: `${data.refund.what} slip ${data.order.reference}`,
        },
      ],
    });
    return { printed: 'queued', jobSetId: set.jobSetId, problem: null };
  } catch (error) {
    if (error instanceof MarqueeError && error.code === 'PRINTER_UNAVAILABLE') return { printed: 'no-printer', jobSetId: null, problem: error.message };
    return { printed: 'failed', jobSetId: null, problem: `Printing the refund slip failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
