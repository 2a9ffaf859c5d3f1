import type { JobKind, PrinterView, PrintJobView } from '../../../src-shared/contract/printing.ts';
import type { PrintLayouts } from '../layouts-port.ts';
import type { JobSetRequest, SubmittedJobSet } from '../queue/print-queue.ts';

/** One layout to render and print, by id, with the data its placeholders read. */
export interface LayoutJobRequest {
  layoutId: string;
  data: Record<string, unknown>;
  /** Which printers take it; by default what the layout prints (see jobKindForLayout). */
  kind?: JobKind;
  printerId?: string;
  label?: string;
  source?: string;
}

/**
 * What the local print API needs from printing, and no more: the print service that starts the
 * server hands itself in as this port, so the server never imports the service that creates it.
 */
export interface PrintApiPort {
  apiToken(): string;
  listPrinters(): PrinterView[];
  printerView(printerId: string): PrinterView;
  requireLayouts(): Pick<PrintLayouts, 'list' | 'previewPng'>;
  submit(request: JobSetRequest): SubmittedJobSet;
  submitLayout(request: LayoutJobRequest): Promise<PrintJobView>;
  recordAudit(action: string, details: Record<string, unknown>): void;
  readonly queue: { view(jobId: string): PrintJobView; cancel(jobId: string): PrintJobView };
}
