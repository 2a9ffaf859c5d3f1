import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import type { CashUpFigures } from '../../src-shared/contract/shifts.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { cashUpPrintData, type ReportHeading } from '../shifts/cash-up-print-data.ts';
import type { Counter } from './counter.ts';
import { collectForWindow, printsAtWindow } from './print-at-window.ts';

/** The built-in X/Z report layout; a report printer's own default for reports wins when it has one. */
export const CASH_UP_LAYOUT = 'cash-up-80mm';

/**
 * An X or Z report on the station's report printer (the printer set up to take reports under
 * Printers). Never throws: the shift or day is already closed when this runs, so a problem comes
 * back as a sentence, and the report stays kept for a reprint.
 */
export async function printCashUp(counter: Pick<Counter, 'office' | 'printing'>, figures: CashUpFigures, heading: ReportHeading): Promise<PrintOutcome> {
  try {
    const data = cashUpPrintData(counter.office, figures, heading);
    const label = heading.number === null ? 'X report' : `Z report ${heading.number}`;
    // A terminal's report prints on the terminal's report printer (app/print-at-window.ts).
    if (printsAtWindow()) {
      return await collectForWindow({ source: 'cash-up', openDrawer: false }, (set) => set.add({ printer: set.requirePrinterFor('report'), kind: 'report', base: 'cash-up', data, label }));
    }
    const set = await counter.printing.submitLayouts({ source: 'cash-up', jobs: [{ layoutId: CASH_UP_LAYOUT, data: data as unknown as Record<string, unknown>, kind: 'report', label }] });
    return { printed: 'queued', jobSetId: set.jobSetId, problem: null };
  } catch (error) {
    if (error instanceof MarqueeError && error.code === 'PRINTER_UNAVAILABLE') return { printed: 'no-printer', jobSetId: null, problem: error.message };
    return { printed: 'failed', jobSetId: null, problem: `Printing the report failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
