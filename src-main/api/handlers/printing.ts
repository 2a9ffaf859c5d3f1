import type { printingProcedures } from '../../../src-shared/contract/printing.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { checkDefaultLayouts } from '../../print/layout-choices.ts';
import { startPrintService } from '../../print/print-service.ts';
import { authorize, requireActor } from '../../staff/auth.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

/**
 * Refuses unless a manager (or admin) is signed in at the calling window. Printer setup, layouts,
 * logos and the print API token change what every cashier prints, so the core checks, not the UI.
 */
export function requireManager(office: BoxOffice, ctx: CallContext, what: string): string {
  const actor = requireActor(office.records, stationOf(office, ctx));
  return authorize({ records: office.records, clock: office.clock }, actor, 'manager', what);
}

/**
 * Printers, the print queue and the local print API settings. The service starts on first use.
 * Everyone keeps reading printer state and the queue (the status bar needs it) and may retry,
 * cancel, move or test-print; setting printers up and the API token are for managers.
 */
export function printingHandlers(office: BoxOffice): Pick<Handlers, keyof typeof printingProcedures> {
  const printing = () => startPrintService(office);
  return {
    listPrinters: () => printing().listPrinters(),
    savePrinter: async (input, ctx) => {
      requireManager(office, ctx, input.id ? 'Changing a printer' : 'Adding a printer');
      if (input.defaultLayouts) checkDefaultLayouts(office, input.defaultLayouts);
      return printing().savePrinter(input);
    },
    removePrinter: (input, ctx) => {
      requireManager(office, ctx, 'Removing a printer');
      printing().removePrinter(input.printerId);
      return { removed: true as const };
    },
    testPrint: (input) => printing().testPrint(input.printerId),
    readPrinterStatus: (input) => printing().queue.readStatus(input.printerId),
    listPrintJobs: (input) => printing().listJobs(input),
    retryPrintJob: (input) => printing().queue.retry(input.jobId),
    cancelPrintJob: (input) => printing().queue.cancel(input.jobId),
    movePrintJob: (input) => printing().queue.move(input.jobId, input.printerId),
    reprintJob: (input) => printing().queue.reprint(input.jobId, input.printerId),
    getPrintApiSettings: async (_input, ctx) => {
      requireManager(office, ctx, "Seeing the print API's token");
      await printing().started;
      return printing().apiSettings();
    },
    setPrintApiSettings: (input, ctx) => {
      requireManager(office, ctx, 'Changing the print API settings');
      return printing().setApiSettings(input);
    },
    rotatePrintApiToken: (_input, ctx) => {
      requireManager(office, ctx, 'Replacing the print API token');
      return printing().rotateApiToken();
    },
  };
}
