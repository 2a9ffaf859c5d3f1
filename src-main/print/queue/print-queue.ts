import { monotonicFactory } from 'ulid';
import type { JobKind, PrintJobView, PrinterStatus } from '../../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { Clock } from '../../core/clock.ts';
import type { StationDb } from '../../db/open.ts';
import type { PrintJobRow } from '../../db/station/schema.ts';
import { drawerPulse } from '../drawer/drawer-pulse.ts';
import { findPrinter, listActivePrinters, toPrinter, type Printer } from '../printers/printer-store.ts';
import { canPrint, decodeRealtimeStatus, describeRealtimeStatus, unknownStatus } from '../status/realtime-status.ts';
import type { TransportFactory } from '../transport/create-transport.ts';
import {
  errorWords,
  isNotReady,
  isPermanentFailure,
  type PrinterTransport,
  type SendOptions,
  type StatusProbe,
} from '../transport/transport.ts';
import { backoffDelay, defaultBackoff, type Backoff } from './backoff.ts';
import {
  findJob,
  findJobSummary,
  insertJobs,
  markInterruptedSends,
  postpone,
  prepareQueueStatements,
  printersWithQueuedJobs,
  toJobView,
  transition,
  type NewJobRow,
} from './job-store.ts';

export interface NewPrintJob {
  /** 'ticket' | 'receipt' | 'report' choose the printer; other kinds ('test', 'raw') need a printerId. */
  kind: string;
  bytes: Buffer;
  label?: string;
  layoutId?: string | null;
  printerId?: string;
}

export interface JobSetRequest {
  jobs: NewPrintJob[];
  /** Where the set came from: 'app', 'api', 'test-print', 'reprint'. */
  source?: string;
  /** Cash payments only: pulse the drawer before the first byte of paper. */
  openDrawer?: boolean;
  reprintOf?: string;
}

export type DrawerOutcome =
  | { opened: true; printerId: string }
  | { opened: false; reason: string };

export interface SubmittedJobSet {
  jobSetId: string;
  jobs: PrintJobView[];
  /** Settles once the pulse has gone out (or could not); a sale need not wait for it. */
  drawer: Promise<DrawerOutcome>;
}

export interface PrintQueueEvents {
  jobChanged(job: { jobId: string; printerId: string; state: PrintJobRow['state'] }): void;
  printerStatusChanged(printerId: string, status: PrinterStatus): void;
}

export interface PrintQueueOptions {
  station: StationDb;
  clock: Clock;
  transports: TransportFactory;
  events?: Partial<PrintQueueEvents>;
  backoff?: Backoff;
}

/** One printer's worker: at most one connection at a time, urgent pulses before the next job. */
interface Lane {
  running: boolean;
  timer: NodeJS.Timeout | undefined;
  urgent: { bytes: Buffer; done: (outcome: DrawerOutcome) => void }[];
  idle: Promise<void>;
}

/**
 * The station's print queue. Jobs are rows in the station database, so they outlive the app;
 * each printer prints its own jobs strictly in order, and a printer that is away makes its jobs
 * wait with growing pauses instead of dropping them. A job is sent at most once unless staff ask
 * again, and one caught mid-send by a crash is marked as "may have printed", never resent alone.
 */
export class PrintQueue {
  private readonly station: StationDb;
  private readonly clock: Clock;
  private readonly transports: TransportFactory;
  private readonly events: Partial<PrintQueueEvents>;
  private readonly backoff: Backoff;
  private readonly lanes = new Map<string, Lane>();
  private readonly statuses = new Map<string, PrinterStatus>();
  /** Printers that did not answer DLE EOT: we stop asking before each job (it would cost a timeout). */
  private readonly silentPrinters = new Set<string>();
  private readonly transportCache = new Map<string, { key: string; transport: PrinterTransport }>();
  private readonly nextId = monotonicFactory();
  private readonly hot: ReturnType<typeof prepareQueueStatements>;
  private stopped = false;

  constructor(options: PrintQueueOptions) {
    this.station = options.station;
    this.clock = options.clock;
    this.transports = options.transports;
    this.events = options.events ?? {};
    this.backoff = options.backoff ?? defaultBackoff;
    this.hot = prepareQueueStatements(this.station);
    for (const job of markInterruptedSends(this.station, this.clock.now())) {
      this.events.jobChanged?.({ jobId: job.id, printerId: job.printerId, state: job.state });
    }
    for (const printerId of printersWithQueuedJobs(this.station)) this.wake(printerId);
  }

  /** Stores the whole set in one transaction, then starts printing; returns before any paper moves. */
  submit(request: JobSetRequest): SubmittedJobSet {
    if (this.stopped) throw new MarqueeError('PRINTER_UNAVAILABLE', 'Printing has been shut down on this station.');
    if (request.jobs.length === 0) throw new MarqueeError('BAD_INPUT', 'A print job set needs at least one job.');
    const active = listActivePrinters(this.station);
    const now = this.clock.now();
    const jobSetId = this.nextId(now);
    const routed = request.jobs.map((job) => this.route(job, active));
    const rows: NewJobRow[] = request.jobs.map((job, position) => ({
      id: this.nextId(now),
      printerId: routed[position]!.id,
      jobSetId,
      position,
      kind: job.kind,
      label: job.label ?? '',
      source: request.source ?? 'app',
      layoutId: job.layoutId ?? null,
      state: 'queued',
      bytes: job.bytes,
      attempts: 0,
      nextAttemptAt: now,
      reprintOf: request.reprintOf ?? null,
      createdAt: now,
      updatedAt: now,
    }));
    const drawer = request.openDrawer ? this.queueDrawerPulse(rows, active) : Promise.resolve<DrawerOutcome>({ opened: false, reason: 'not asked' });
    insertJobs(this.station, rows);
    for (const row of rows) this.events.jobChanged?.({ jobId: row.id!, printerId: row.printerId, state: 'queued' });
    for (const printerId of new Set(rows.map((r) => r.printerId))) this.wake(printerId);
    // The drawer may hang on a printer that got none of these jobs, or one pausing after a failure.
    for (const [printerId, lane] of this.lanes) if (lane.urgent.length > 0) this.wake(printerId, true);
    const jobs = rows.map((row, i) =>
      toJobView({
        ...(row as PrintJobRow),
        // Columns the insert leaves to their defaults: a new job has no error and has not printed.
        lastError: null,
        printedAt: null,
        printerName: routed[i]!.name,
        byteCount: row.bytes.length,
      }),
    );
    return { jobSetId, jobs, drawer };
  }

  view(jobId: string): PrintJobView {
    const job = findJobSummary(this.station, jobId);
    if (!job) throw new MarqueeError('NOT_FOUND', 'There is no such print job on this station.');
    return toJobView(job);
  }

  /** Try again now: a waiting job skips the rest of its pause; a failed or uncertain one is queued again. */
  retry(jobId: string): PrintJobView {
    const job = this.requireJob(jobId);
    if (job.state === 'done') throw new MarqueeError('CONFLICT', 'This job has already printed; use reprint to print it again.');
    if (job.state === 'cancelled') throw new MarqueeError('CONFLICT', 'This job was cancelled; use reprint to print it after all.');
    if (job.state === 'sending') throw new MarqueeError('CONFLICT', 'This job is being sent to the printer right now.');
    const now = this.clock.now();
    if (!transition(this.station, jobId, ['queued', 'failed', 'uncertain'], { state: 'queued', nextAttemptAt: now, updatedAt: now })) {
      throw new MarqueeError('CONFLICT', 'This job changed while you were looking at it; refresh and try again.');
    }
    this.silentPrinters.delete(job.printerId);
    this.events.jobChanged?.({ jobId, printerId: job.printerId, state: 'queued' });
    this.wake(job.printerId, true);
    return this.view(jobId);
  }

  cancel(jobId: string): PrintJobView {
    const job = this.requireJob(jobId);
    if (job.state === 'done') throw new MarqueeError('CONFLICT', 'This job has already printed and cannot be cancelled.');
    if (job.state === 'sending') throw new MarqueeError('CONFLICT', 'This job is being sent to the printer right now and cannot be stopped.');
    if (job.state === 'cancelled') return this.view(jobId);
    if (!transition(this.station, jobId, ['queued', 'failed', 'uncertain'], { state: 'cancelled', updatedAt: this.clock.now() })) {
      throw new MarqueeError('CONFLICT', 'This job changed while you were looking at it; refresh and try again.');
    }
    this.events.jobChanged?.({ jobId, printerId: job.printerId, state: 'cancelled' });
    this.wake(job.printerId, true);
    return this.view(jobId);
  }

  /** Sends a job that has not printed to another printer; it keeps its place in time there. */
  move(jobId: string, printerId: string): PrintJobView {
    const job = this.requireJob(jobId);
    const target = findPrinter(this.station, printerId);
    if (job.state === 'done') throw new MarqueeError('CONFLICT', 'This job has already printed; use reprint to print it on another printer.');
    if (job.state === 'sending') throw new MarqueeError('CONFLICT', 'This job is being sent to the printer right now.');
    if (job.state === 'cancelled') throw new MarqueeError('CONFLICT', 'This job was cancelled; use reprint to print it after all.');
    const now = this.clock.now();
    const moved = transition(this.station, jobId, ['queued', 'failed', 'uncertain'], {
      state: 'queued',
      printerId: target.id,
      nextAttemptAt: now,
      lastError: null,
      updatedAt: now,
    });
    if (!moved) throw new MarqueeError('CONFLICT', 'This job changed while you were looking at it; refresh and try again.');
    this.events.jobChanged?.({ jobId, printerId: target.id, state: 'queued' });
    this.wake(job.printerId, true);
    this.wake(target.id, true);
    return this.view(jobId);
  }

  /** Prints a job again on purpose, as a new job that says which one it repeats. */
  reprint(jobId: string, printerId?: string): PrintJobView {
    const job = this.requireJob(jobId);
    const set = this.submit({
      source: 'reprint',
      reprintOf: job.id,
      jobs: [{ kind: job.kind, bytes: job.bytes, label: job.label, layoutId: job.layoutId, printerId: printerId ?? job.printerId }],
    });
    return set.jobs[0]!;
  }

  status(printerId: string): PrinterStatus {
    return this.statuses.get(printerId) ?? unknownStatus();
  }

  /** Asks the printer now (DLE EOT where it answers) and records what it said. */
  async readStatus(printerId: string): Promise<PrinterStatus> {
    const printer = findPrinter(this.station, printerId);
    this.silentPrinters.delete(printerId);
    const status = await this.look(printer, this.transportFor(printer));
    if (canPrint(status.state)) this.wake(printerId, true);
    return status;
  }

  /** Stops the timers and waits for any job on the wire to finish, so none is left 'sending'. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const lane of this.lanes.values()) {
      clearTimeout(lane.timer);
      for (const pulse of lane.urgent.splice(0)) pulse.done({ opened: false, reason: 'Printing was shut down.' });
    }
    await Promise.all([...this.lanes.values()].map((lane) => lane.idle));
  }

  // ---------------------------------------------------------------------------------------------

  private route(job: NewPrintJob, active: Printer[]): Printer {
    if (job.printerId !== undefined) {
      const printer = active.find((p) => p.id === job.printerId);
      if (!printer) throw new MarqueeError('NOT_FOUND', 'That printer does not exist or has been removed from this station.');
      return printer;
    }
    const printer = active.find((p) => (p.jobKinds as string[]).includes(job.kind));
    if (!printer) {
      throw new MarqueeError('PRINTER_UNAVAILABLE', `No printer on this station takes ${kindWords(job.kind)}; set one up under Printers.`);
    }
    return printer;
  }

  /** The drawer hangs on the printer that prints the receipt, or failing that on any printer with a drawer pin. */
  private queueDrawerPulse(rows: NewJobRow[], active: Printer[]): Promise<DrawerOutcome> {
    const receiptPrinter = active.find((p) => p.id === rows.find((r) => r.kind === 'receipt')?.printerId);
    const printer = receiptPrinter?.drawerPin ? receiptPrinter : active.find((p) => p.drawerPin !== null);
    if (!printer || printer.drawerPin === null) {
      return Promise.resolve({ opened: false, reason: 'No printer on this station has a cash drawer set up.' });
    }
    const bytes = drawerPulse(printer.type, printer.drawerPin);
    return new Promise<DrawerOutcome>((done) => {
      this.lane(printer.id).urgent.push({ bytes, done });
    });
  }

  private requireJob(jobId: string): PrintJobRow {
    const job = findJob(this.station, jobId);
    if (!job) throw new MarqueeError('NOT_FOUND', 'There is no such print job on this station.');
    return job;
  }

  private lane(printerId: string): Lane {
    let lane = this.lanes.get(printerId);
    if (!lane) {
      lane = { running: false, timer: undefined, urgent: [], idle: Promise.resolve() };
      this.lanes.set(printerId, lane);
    }
    return lane;
  }

  /** Starts the printer's worker unless it is already running; `now` cuts short a pause. */
  private wake(printerId: string, now = false): void {
    if (this.stopped) return;
    const lane = this.lane(printerId);
    if (lane.running) return;
    if (lane.timer !== undefined) {
      if (!now) return;
      clearTimeout(lane.timer);
      lane.timer = undefined;
    }
    lane.running = true;
    lane.idle = this.drain(printerId, lane).catch((error: unknown) => {
      console.error(`[marquee] the print queue for printer ${printerId} stopped on an error`, error);
    });
  }

  private async drain(printerId: string, lane: Lane): Promise<void> {
    try {
      // Let the caller's transaction and event handlers finish before the first byte goes out.
      await Promise.resolve();
      await this.drainLoop(printerId, lane);
    } finally {
      // Cleared as the loop ends, not a tick later, so a job submitted right then still wakes it.
      lane.running = false;
    }
  }

  private async drainLoop(printerId: string, lane: Lane): Promise<void> {
    while (!this.stopped) {
      const pulse = lane.urgent.shift();
      if (pulse) {
        await this.sendPulse(printerId, pulse);
        continue;
      }
      const job = this.hot.headJob(printerId);
      if (!job) return;
      const wait = job.nextAttemptAt - this.clock.now();
      if (wait > 0) {
        lane.timer = setTimeout(() => {
          lane.timer = undefined;
          this.wake(printerId);
        }, wait);
        // A waiting job must not keep a script or test process alive; the app has its own reasons.
        lane.timer.unref();
        return;
      }
      await this.attempt(job);
    }
  }

  private async attempt(job: PrintJobRow): Promise<void> {
    const row = this.hot.printerRow(job.printerId);
    if (!row || !row.active) {
      this.fail(job, 'Its printer has been removed; move it to another printer or cancel it.', 'queued');
      return;
    }
    const printer = toPrinter(row);
    let transport: PrinterTransport;
    try {
      transport = this.transportFor(printer);
    } catch (error) {
      this.fail(job, errorWords(error), 'queued');
      return;
    }
    // The job turns 'sending' only once the printer said it is ready and just before its first
    // byte, so a printer that is away never holds a job in 'sending' (where staff cannot move it).
    let claimed = false;
    let lostIt = false;
    const options: SendOptions = {
      askStatus: !this.silentPrinters.has(printer.id),
      beforeFirstByte: (probe) => {
        if (probe) {
          const status = this.recordProbe(printer, transport, probe);
          if (!canPrint(status.state)) return status.words;
        }
        if (!this.hot.claim(job.id, job.printerId, this.clock.now())) {
          lostIt = true;
          return 'The job was cancelled or moved meanwhile.';
        }
        claimed = true;
        this.events.jobChanged?.({ jobId: job.id, printerId: job.printerId, state: 'sending' });
        return null;
      },
    };
    const attempted = { ...job, attempts: job.attempts + 1 };
    try {
      await transport.send(job.bytes, options);
    } catch (error) {
      if (lostIt) return;
      const from = claimed ? 'sending' : 'queued';
      if (isNotReady(error)) {
        this.postponeJob(job, 'queued', errorWords(error));
      } else if (isPermanentFailure(error)) {
        this.fail(claimed ? attempted : job, errorWords(error), from);
      } else {
        this.setStatus(printer.id, { state: 'unreachable', words: errorWords(error), reportsStatus: !this.silentPrinters.has(printer.id), checkedAt: this.clock.now() });
        // A printer that stopped answering may have been the reason it was silent; ask again next time.
        this.silentPrinters.delete(printer.id);
        this.postponeJob(claimed ? attempted : job, from, errorWords(error));
      }
      return;
    }
    const done = this.clock.now();
    this.hot.markPrinted(job.id, done);
    this.events.jobChanged?.({ jobId: job.id, printerId: job.printerId, state: 'done' });
    const current = this.statuses.get(printer.id);
    if (!current || !canPrint(current.state) || current.state === 'unknown') {
      this.setStatus(printer.id, { state: 'ready', words: 'Ready', reportsStatus: !this.silentPrinters.has(printer.id), checkedAt: done });
    }
  }

  private postponeJob(job: PrintJobRow, from: 'queued' | 'sending', words: string): void {
    const attempts = from === 'queued' ? job.attempts + 1 : job.attempts;
    const now = this.clock.now();
    if (postpone(this.station, job, from, now + backoffDelay(this.backoff, attempts), words, now)) {
      this.events.jobChanged?.({ jobId: job.id, printerId: job.printerId, state: 'queued' });
    }
  }

  private fail(job: PrintJobRow, words: string, from: 'queued' | 'sending'): void {
    const now = this.clock.now();
    if (transition(this.station, job.id, [from], { state: 'failed', lastError: words, updatedAt: now })) {
      this.events.jobChanged?.({ jobId: job.id, printerId: job.printerId, state: 'failed' });
    }
  }

  private async sendPulse(printerId: string, pulse: Lane['urgent'][number]): Promise<void> {
    try {
      const printer = findPrinter(this.station, printerId);
      // One try only: a drawer springing open minutes after the sale is worse than not at all.
      await this.transportFor(printer).send(pulse.bytes);
      pulse.done({ opened: true, printerId });
    } catch (error) {
      pulse.done({ opened: false, reason: `The cash drawer did not open: ${errorWords(error)}` });
    }
  }

  private transportFor(printer: Printer): PrinterTransport {
    const key = `${printer.type}|${printer.interface}`;
    const cached = this.transportCache.get(printer.id);
    if (cached && cached.key === key) return cached.transport;
    const transport = this.transports(printer);
    this.transportCache.set(printer.id, { key, transport });
    return transport;
  }

  private async look(printer: Printer, transport: PrinterTransport): Promise<PrinterStatus> {
    let probe: StatusProbe;
    try {
      probe = await transport.probe();
    } catch (error) {
      probe = { reachable: false, reply: null, problem: errorWords(error) };
    }
    return this.recordProbe(printer, transport, probe);
  }

  private recordProbe(printer: Printer, transport: PrinterTransport, probe: StatusProbe): PrinterStatus {
    const checkedAt = this.clock.now();
    let status: PrinterStatus;
    if (!probe.reachable) {
      status = { state: 'unreachable', words: probe.problem ?? `Not answering at ${transport.where}`, reportsStatus: false, checkedAt };
    } else if (probe.reply === null) {
      this.silentPrinters.add(printer.id);
      status = { state: 'ready', words: 'Connected (this printer does not report paper or cover)', reportsStatus: false, checkedAt };
    } else {
      this.silentPrinters.delete(printer.id);
      status = { ...describeRealtimeStatus(decodeRealtimeStatus(probe.reply)), reportsStatus: true, checkedAt };
    }
    this.setStatus(printer.id, status);
    return status;
  }

  private setStatus(printerId: string, status: PrinterStatus): void {
    const previous = this.statuses.get(printerId);
    this.statuses.set(printerId, status);
    if (!previous || previous.state !== status.state || previous.words !== status.words) {
      this.events.printerStatusChanged?.(printerId, status);
    }
  }
}

function kindWords(kind: string): string {
  const words: Record<JobKind, string> = { ticket: 'tickets', receipt: 'receipts', report: 'reports' };
  return words[kind as JobKind] ?? `'${kind}' jobs`;
}
