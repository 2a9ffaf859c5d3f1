import type { printingProcedures } from '../../../src-shared/contract/printing.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { startPrintService } from '../../print/print-service.ts';
import type { Handlers } from '../dispatcher.ts';

/**
 * Printers, the print queue and the local print API settings. The service starts on first use.
 * Manager-only gating of printer setup and the API token waits for the booking engine's roles.
 */
export function printingHandlers(office: BoxOffice): Pick<Handlers, keyof typeof printingProcedures> {
  const printing = () => startPrintService(office);
  return {
    listPrinters: () => printing().listPrinters(),
    savePrinter: (input) => printing().savePrinter(input),
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
    reprintJob: (input) => printing().queue.reprint(input.jobId, input.printerId),
    getPrintApiSettings: async () => {
      await printing().started;
      return printing().apiSettings();
    },
    setPrintApiSettings: (input) => printing().setApiSettings(input),
    rotatePrintApiToken: () => printing().rotateApiToken(),
  };
}
