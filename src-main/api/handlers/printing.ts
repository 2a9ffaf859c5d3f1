import type { printingProcedures } from '../../../src-shared/contract/printing.ts';
import type { Counter } from '../../app/counter.ts';
import { checkDefaultLayouts } from '../../print/layout-choices.ts';
import { recordAudit } from '../../admin/audit-trail.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

/**
 * Printers, the print queue and the local print API settings, on the running box office's one
 * print service.
 * Everyone keeps reading printer state and the queue (the status bar needs it) and may retry,
 * cancel, move or test-print; setting printers up and the API token are for managers.
 */
export function printingHandlers(counter: Counter): Pick<Handlers, keyof typeof printingProcedures> {
  const { office } = counter;
  const printing = () => counter.printing;
  return {
    listPrinters: () => printing().listPrinters(),
    savePrinter: async (input) => {
      if (input.defaultLayouts) checkDefaultLayouts(counter.assets.layouts, input.defaultLayouts);
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
    // The sale panel follows its documents, and offers Retry and Move when the printer is stuck.
    getPrintJobSet: (input) => printing().queue.jobSet(input.jobSetId),
    retryPrintJobSet: (input) => printing().queue.retrySet(input.jobSetId),
    movePrintJobSet: (input) => printing().queue.moveSet(input.jobSetId, input.printerId),
    listPrintWarnings: () => counter.printWarnings.list(),
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
