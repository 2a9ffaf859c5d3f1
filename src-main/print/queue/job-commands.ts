import { monotonicFactory } from 'ulid';
import type { JobKind, PrintJobView } from '../../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { Clock } from '../../core/clock.ts';
import type { StationDb } from '../../db/open.ts';
import type { PrintJobRow } from '../../db/station/schema.ts';
import { drawerPulse } from '../drawer/drawer-pulse.ts';
import { findPrinter, listActivePrinters, type Printer } from '../printers/printer-store.ts';
import { findJob, findJobSummary, insertJobs, jobsOfSet, toJobView, transition, type JobSummary, type NewJobRow } from './job-store.ts';
import type { DrawerOutcome, JobChanged, PrinterLanes } from './printer-lanes.ts';
import type { PrinterStatuses } from './status-probes.ts';

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

export interface SubmittedJobSet {
  jobSetId: string;
  jobs: PrintJobView[];
  /** Settles once the pulse has gone out (or could not); a sale need not wait for it. */
  drawer: Promise<DrawerOutcome>;
}

export interface JobCommandsOptions {
  station: StationDb;
  clock: Clock;
  lanes: PrinterLanes;
  statuses: PrinterStatuses;
  jobChanged: JobChanged;
}

/**
 * What staff and the counter do to jobs: submit a set, retry, cancel, move, reprint. Each is one
 * guarded change of the job rows (a job that changed meanwhile is refused with a sentence), then a
 * wake of the lanes concerned; none of them talks to a printer.
 */
export class JobCommands {
  private readonly nextId = monotonicFactory();

  constructor(private readonly o: JobCommandsOptions) {}

  /** Stores the whole set in one transaction, then wakes its printers; returns before any paper moves. */
  submit(request: JobSetRequest): SubmittedJobSet {
    if (request.jobs.length === 0) throw new MarqueeError('BAD_INPUT', 'A print job set needs at least one job.');
    const { station, clock, lanes } = this.o;
    const active = listActivePrinters(station);
    const now = clock.now();
    const jobSetId = this.nextId(now);
    const routed = request.jobs.map((job) => route(job, active));
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
    const drawer = request.openDrawer ? this.queueDrawerPulse(rows.find((r) => r.kind === 'receipt')?.printerId, active) : Promise.resolve<DrawerOutcome>({ opened: false, reason: 'not asked' });
    insertJobs(station, rows);
    for (const row of rows) this.o.jobChanged({ jobId: row.id!, printerId: row.printerId, state: 'queued' });
    for (const printerId of new Set(rows.map((r) => r.printerId))) lanes.wake(printerId);
    lanes.wakeForPulses();
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
    const job = findJobSummary(this.o.station, jobId);
    if (!job) throw new MarqueeError('NOT_FOUND', 'There is no such print job on this station.');
    return toJobView(job);
  }

  /** Try again now: a waiting job skips the rest of its pause; a failed or uncertain one is queued again. */
  retry(jobId: string): PrintJobView {
    const job = this.requireJob(jobId);
    if (job.state === 'done') throw new MarqueeError('CONFLICT', 'This job has already printed; use reprint to print it again.');
    if (job.state === 'cancelled') throw new MarqueeError('CONFLICT', 'This job was cancelled; use reprint to print it after all.');
    if (job.state === 'sending') throw new MarqueeError('CONFLICT', 'This job is being sent to the printer right now.');
    const now = this.o.clock.now();
    if (!transition(this.o.station, jobId, ['queued', 'failed', 'uncertain'], { state: 'queued', nextAttemptAt: now, updatedAt: now })) {
      throw changedMeanwhile();
    }
    this.o.statuses.askAgain(job.printerId);
    this.o.jobChanged({ jobId, printerId: job.printerId, state: 'queued' });
    this.o.lanes.wake(job.printerId, true);
    return this.view(jobId);
  }

  cancel(jobId: string): PrintJobView {
    const job = this.requireJob(jobId);
    if (job.state === 'done') throw new MarqueeError('CONFLICT', 'This job has already printed and cannot be cancelled.');
    if (job.state === 'sending') throw new MarqueeError('CONFLICT', 'This job is being sent to the printer right now and cannot be stopped.');
    if (job.state === 'cancelled') return this.view(jobId);
    if (!transition(this.o.station, jobId, ['queued', 'failed', 'uncertain'], { state: 'cancelled', updatedAt: this.o.clock.now() })) {
      throw changedMeanwhile();
    }
    this.o.jobChanged({ jobId, printerId: job.printerId, state: 'cancelled' });
    this.o.lanes.wake(job.printerId, true);
    return this.view(jobId);
  }

  /** Sends a job that has not printed to another printer; it keeps its place in time there. */
  move(jobId: string, printerId: string): PrintJobView {
    const job = this.requireJob(jobId);
    const target = findPrinter(this.o.station, printerId);
    if (job.state === 'done') throw new MarqueeError('CONFLICT', 'This job has already printed; use reprint to print it on another printer.');
    if (job.state === 'sending') throw new MarqueeError('CONFLICT', 'This job is being sent to the printer right now.');
    if (job.state === 'cancelled') throw new MarqueeError('CONFLICT', 'This job was cancelled; use reprint to print it after all.');
    const now = this.o.clock.now();
    const moved = transition(this.o.station, jobId, ['queued', 'failed', 'uncertain'], {
      state: 'queued',
      printerId: target.id,
      nextAttemptAt: now,
      lastError: null,
      updatedAt: now,
    });
    if (!moved) throw changedMeanwhile();
    this.o.jobChanged({ jobId, printerId: target.id, state: 'queued' });
    this.o.lanes.wake(job.printerId, true);
    this.o.lanes.wake(target.id, true);
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

  /**
   * Opens the cash drawer on its own, ahead of anything else on its printer, whatever becomes of
   * the documents: the receipt printer's drawer, else any printer's. Never throws.
   */
  openDrawer(): Promise<DrawerOutcome> {
    const active = listActivePrinters(this.o.station);
    const receiptPrinter = active.find((p) => p.jobKinds.includes('receipt'));
    const outcome = this.queueDrawerPulse(receiptPrinter?.id, active);
    this.o.lanes.wakeForPulses();
    return outcome;
  }

  /** Tries every unprinted job of the set again now; one being sent is left to finish. */
  retrySet(jobSetId: string): void {
    for (const job of this.requireSet(jobSetId)) if (UNPRINTED.includes(job.state)) this.retry(job.id);
  }

  /** Sends every unprinted job of the set to another printer. */
  moveSet(jobSetId: string, printerId: string): void {
    for (const job of this.requireSet(jobSetId)) if (UNPRINTED.includes(job.state)) this.move(job.id, printerId);
  }

  requireSet(jobSetId: string): JobSummary[] {
    const jobs = jobsOfSet(this.o.station, jobSetId);
    if (jobs.length === 0) throw new MarqueeError('NOT_FOUND', 'There are no such print jobs on this station.');
    return jobs;
  }

  /** The drawer hangs on the printer that prints the receipt, or failing that on any printer with a drawer pin. */
  private queueDrawerPulse(receiptPrinterId: string | undefined, active: Printer[]): Promise<DrawerOutcome> {
    const receiptPrinter = active.find((p) => p.id === receiptPrinterId);
    const printer = receiptPrinter?.drawerPin ? receiptPrinter : active.find((p) => p.drawerPin !== null);
    if (!printer || printer.drawerPin === null) {
      return Promise.resolve({ opened: false, reason: 'No printer on this station has a cash drawer set up.' });
    }
    return this.o.lanes.pulse(printer.id, drawerPulse(printer.type, printer.drawerPin));
  }

  private requireJob(jobId: string): PrintJobRow {
    const job = findJob(this.o.station, jobId);
    if (!job) throw new MarqueeError('NOT_FOUND', 'There is no such print job on this station.');
    return job;
  }
}

/** States of a job that has not printed and is not on the wire: retry and move take these. */
const UNPRINTED: readonly PrintJobRow['state'][] = ['queued', 'failed', 'uncertain'];

const changedMeanwhile = () => new MarqueeError('CONFLICT', 'This job changed while you were looking at it; refresh and try again.');

function route(job: NewPrintJob, active: Printer[]): Printer {
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

function kindWords(kind: string): string {
  const words: Record<JobKind, string> = { ticket: 'tickets', receipt: 'receipts', report: 'reports' };
  return words[kind as JobKind] ?? `'${kind}' jobs`;
}
