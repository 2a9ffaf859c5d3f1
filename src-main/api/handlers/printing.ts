import type { printingProcedures } from '../../../src-shared/contract/printing.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { checkDefaultLayouts } from '../../print/layout-choices.ts';
import { startPrintService } from '../../print/print-service.ts';
import { recordAudit } from '../../admin/audit-trail.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

/**
 * Printers, the print queue and the local print API settings. The service starts on first use.
 * Everyone keeps reading printer state and the queue (the status bar needs it) and may retry,
 * cancel, move or test-print; setting printers up and the API token are for managers.
 */
export function printingHandlers(office: BoxOffice): Pick<Handlers, keyof typeof printingProcedures> {
  const printing = () => startPrintService(office);
  return {
    listPrinters: () => printing().listPrinters(),
    savePrinter: async (input) => {
      if (input.defaultLayouts) checkDefaultLayouts(office, input.defaultLayouts);
      return printing().savePrinter(input);
    },
    removePrinter: (input) => {
      printing().removePrinter(input.printerId);
      return { removed: true as const };
    },
    testPrint: (input) => printing().testPrint(input.printerId),
    readPrinterStatus: (input) => printing().queue.readStatus(input.printerId),
    listPrintJobs: (input) => printing().listJobs(input),
    retryPrintJob: (input) => printing().queue.retry(input.jobId),
    cancelPrintJob: (input) => printing().queue.cancel(input.jobId),
    movePrintJob: (input) => printing().queue.move(input.jobId, input.printerId),
    // A reprint puts another copy of tickets on paper, so the audit log says who asked for it.
    reprintJob: (input, ctx) => {
      const job = printing().queue.reprint(input.jobId, input.printerId);
      recordAudit(office.records, office.clock.now(), actorOf(ctx), 'print.job-reprinted', { jobId: input.jobId, printerId: input.printerId ?? null });
      return job;
    },
    getPrintApiSettings: async () => {
      await printing().started;
      return printing().apiSettings();
    },
    setPrintApiSettings: (input) => {
      return printing().setApiSettings(input);
    },
    rotatePrintApiToken: () => {
      return printing().rotateApiToken();
    },
  };
}
