import type {
  DefaultLayouts,
  JobKind,
  PrintApiSettings,
  PrintJobView,
  PrinterSettings,
  PrinterView,
} from '../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { auditLog } from '../db/records/schema.ts';
import type { LayoutJobRequest, PrintApiPort } from './api/print-api-port.ts';
import { PrintApiServer } from './api/print-api-server.ts';
import { readPrintApiConfig, rotatePrintApiToken, writePrintApiNetwork } from './api/print-api-settings.ts';
import type { PrintLayouts } from './layouts-port.ts';
import { jobKindForLayout } from './render-layouts.ts';
import {
  findPrinter,
  listActivePrinters,
  removePrinter,
  savePrinter,
  type Printer,
} from './printers/printer-store.ts';
import type { Backoff } from './queue/backoff.ts';
import { countOpenJobs, listJobRows, toJobView } from './queue/job-store.ts';
import { PrintQueue, type DrawerOutcome, type JobSetRequest, type SubmittedJobSet } from './queue/print-queue.ts';
import { buildTestPage } from './test-print.ts';
import { createTransportFactory, type TransportFactory } from './transport/create-transport.ts';
import { defaultTcpTimeouts, type TcpTimeouts } from './transport/tcp-transport.ts';

export interface PrintServiceOptions {
  /** Replace the real transports (another connection kind, a relay). */
  transports?: TransportFactory;
  tcpTimeouts?: TcpTimeouts;
  backoff?: Backoff;
  /** The renderer side (the running box office's layouts and logos); null prints raw ESC/POS only. */
  layouts?: PrintLayouts | null;
  /**
   * The local print API: `false` leaves it off; `{ port: 0 }` listens on a free port without
   * changing the saved setting (tests). By default it listens on the saved port.
   */
  api?: false | { port?: number; host?: string };
}

/**
 * Printing for one open box office: its queue, printers, test prints and the local print API.
 * The running box office (src-main/app/compose.ts) makes exactly one and hands it to every
 * window's handlers and to the use cases; the shell (Electron or host mode) stops it on exit.
 * The local print API server sees it only through the narrow PrintApiPort.
 */
export class PrintService implements PrintApiPort {
  readonly queue: PrintQueue;
  readonly api: PrintApiServer | null;
  readonly layouts: PrintLayouts | null;
  /** Settles once the local print API has tried to listen (a failure is in `apiSettings().problem`). */
  readonly started: Promise<void>;
  private readonly apiPortOverride: number | undefined;
  private readonly apiHostOverride: string | undefined;

  constructor(
    private readonly office: BoxOffice,
    options: PrintServiceOptions = {},
  ) {
    this.layouts = options.layouts ?? null;
    this.queue = new PrintQueue({
      station: office.station,
      clock: office.clock,
      transports: options.transports ?? createTransportFactory(options.tcpTimeouts ?? defaultTcpTimeouts),
      backoff: options.backoff,
      events: {
        jobChanged: (job) => office.bus.emit('printJobChanged', job),
        printerStatusChanged: (printerId, status) => office.bus.emit('printerStatusChanged', { printerId, status }),
      },
    });
    this.apiPortOverride = options.api === false ? undefined : options.api?.port;
    this.apiHostOverride = options.api === false ? undefined : options.api?.host;
    this.api = options.api === false ? null : new PrintApiServer(this);
    this.started = this.startApi().catch((error: unknown) => {
      console.error('[marquee] the local print API did not start', error);
    });
  }

  /** Starts the local print API if it is on; a port in use is reported in the settings, not thrown. */
  async startApi(): Promise<void> {
    if (!this.api) return;
    const config = readPrintApiConfig(this.office.station);
    await this.api.listen({ port: this.apiPortOverride ?? config.port, allowLan: config.allowLan, host: this.apiHostOverride });
  }

  get stationName(): string {
    return this.office.identity.name;
  }

  get now(): number {
    return this.office.clock.now();
  }

  /**
   * An audit_log row for something done through printing with no signed-in member behind it
   * (the print API opening the cash drawer): staff_id stays empty, `details` says who asked.
   */
  recordAudit(action: string, details: Record<string, unknown>): void {
    this.office.records
      .insert(auditLog)
      .values({ at: this.office.clock.now(), action, stationId: this.office.identity.id, staffId: null, approvedBy: null, details })
      .run();
  }

  apiToken(): string {
    return readPrintApiConfig(this.office.station).token;
  }

  apiAllowsLan(): boolean {
    return readPrintApiConfig(this.office.station).allowLan;
  }

  listPrinters(): PrinterView[] {
    const waiting = countOpenJobs(this.office.station);
    return listActivePrinters(this.office.station).map((printer) => this.toView(printer, waiting.get(printer.id) ?? 0));
  }

  printerView(printerId: string): PrinterView {
    const printer = findPrinter(this.office.station, printerId);
    return this.toView(printer, countOpenJobs(this.office.station).get(printer.id) ?? 0);
  }

  async savePrinter(input: PrinterSettings & { id?: string | undefined; defaultLayouts?: DefaultLayouts | undefined }): Promise<PrinterView> {
    const printer = await savePrinter(this.office.station, input);
    return this.printerView(printer.id);
  }

  removePrinter(printerId: string): void {
    removePrinter(this.office.station, printerId);
  }

  testPrint(printerId: string): PrintJobView {
    const printer = findPrinter(this.office.station, printerId);
    const bytes = buildTestPage(printer, { stationName: this.office.identity.name, at: this.office.clock.now() });
    return this.submit({ source: 'test-print', jobs: [{ kind: 'test', bytes, label: `Test print on ${printer.name}`, printerId }] }).jobs[0]!;
  }

  submit(request: JobSetRequest): SubmittedJobSet {
    return this.queue.submit(request);
  }

  /** The cash drawer, on its own: a cash sale opens it whatever becomes of its documents. */
  openDrawer(): Promise<DrawerOutcome> {
    return this.queue.openDrawer();
  }

  /** Renders a layout for the printer that will print it, then queues the bytes. */
  async submitLayout(request: LayoutJobRequest): Promise<PrintJobView> {
    const set = await this.submitLayouts({ source: request.source, jobs: [request] });
    return set.jobs[0]!;
  }

  /**
   * A sale's documents as one job set: each layout rendered for the printer that takes its kind,
   * queued together in the given order (tickets, then the receipt); for a cash payment the
   * drawer opens before the first of them prints. Nothing is queued if any of them fails to render.
   */
  async submitLayouts(request: { jobs: Omit<LayoutJobRequest, 'source'>[]; openDrawer?: boolean; source?: string | undefined }): Promise<SubmittedJobSet> {
    const layouts = this.requireLayouts();
    const known = await layouts.list();
    const jobs = [];
    for (const job of request.jobs) {
      const info = known.find((l) => l.id === job.layoutId);
      if (!info) throw new MarqueeError('NOT_FOUND', `There is no layout called '${job.layoutId}'.`);
      const kind = job.kind ?? jobKindForLayout[info.kind as keyof typeof jobKindForLayout] ?? 'ticket';
      const printer = job.printerId ? findPrinter(this.office.station, job.printerId) : this.printerFor(kind);
      const bytes = await layouts.render(job.layoutId, job.data, printer);
      jobs.push({ kind, bytes, label: job.label ?? info.name, layoutId: job.layoutId, printerId: printer.id });
    }
    return this.submit({ source: request.source ?? 'app', openDrawer: request.openDrawer ?? false, jobs });
  }

  requireLayouts(): PrintLayouts {
    if (!this.layouts) {
      throw new MarqueeError('PRINTER_UNAVAILABLE', 'Layouts are not available on this station yet; send raw ESC/POS bytes instead.');
    }
    return this.layouts;
  }

  listJobs(filter: { printerId?: string | undefined; includeFinished: boolean; limit: number }): PrintJobView[] {
    if (filter.printerId) findPrinter(this.office.station, filter.printerId);
    return listJobRows(this.office.station, filter).map(toJobView);
  }

  apiSettings(): PrintApiSettings {
    const config = readPrintApiConfig(this.office.station);
    const state = this.api?.state();
    return {
      port: config.port,
      token: config.token,
      allowLan: config.allowLan,
      running: state?.running ?? false,
      url: state?.url ?? null,
      problem: this.api ? (state?.problem ?? null) : 'The print API is switched off for this run.',
    };
  }

  async setApiSettings(settings: { port: number; allowLan: boolean }): Promise<PrintApiSettings> {
    writePrintApiNetwork(this.office.station, settings);
    if (this.api) await this.api.listen({ port: settings.port, allowLan: settings.allowLan });
    return this.apiSettings();
  }

  rotateApiToken(): PrintApiSettings {
    rotatePrintApiToken(this.office.station);
    return this.apiSettings();
  }

  async stop(): Promise<void> {
    await this.started;
    await this.api?.close();
    await this.queue.stop();
  }

  private printerFor(kind: JobKind): Printer {
    const printer = listActivePrinters(this.office.station).find((p) => p.jobKinds.includes(kind));
    if (!printer) throw new MarqueeError('PRINTER_UNAVAILABLE', `No printer on this station takes ${kind}s; set one up under Printers.`);
    return printer;
  }

  private toView(printer: Printer, waitingJobs: number): PrinterView {
    return { ...printer, status: this.queue.status(printer.id), waitingJobs };
  }
}
