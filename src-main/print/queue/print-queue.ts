import type { PrintJobSetState, PrintJobView, PrinterStatus } from '../../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { Clock } from '../../core/clock.ts';
import type { StationDb } from '../../db/open.ts';
import type { PrintJobRow } from '../../db/station/schema.ts';
import { findPrinter } from '../printers/printer-store.ts';
import { canPrint } from '../status/realtime-status.ts';
import type { TransportFactory } from '../transport/create-transport.ts';
import { defaultBackoff, type Backoff } from './backoff.ts';
import { JobCommands, type JobSetRequest, type SubmittedJobSet } from './job-commands.ts';
import { countOpenJobs, markInterruptedSends, printersWithQueuedJobs } from './job-store.ts';
import { jobSetState } from './job-set-state.ts';
import { PrinterLanes, type DrawerOutcome } from './printer-lanes.ts';
import { PrinterStatuses } from './status-probes.ts';

export type { JobSetRequest, NewPrintJob, SubmittedJobSet } from './job-commands.ts';
export type { DrawerOutcome } from './printer-lanes.ts';

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

/**
 * The station's print queue. Jobs are rows in the station database, so they outlive the app;
 * a job is sent at most once unless staff ask again, and one caught mid-send by a crash is marked
 * as "may have printed", never resent alone. Three parts, one file each: the job commands staff
 * and the counter use (job-commands.ts), the per-printer scheduling that prints them in order
 * (printer-lanes.ts), and what each printer said about itself (status-probes.ts).
 */
export class PrintQueue {
  private readonly statuses: PrinterStatuses;
  private readonly lanes: PrinterLanes;
  private readonly commands: JobCommands;
  private readonly station: StationDb;
  private stopped = false;

  constructor(options: PrintQueueOptions) {
    const events = options.events ?? {};
    const jobChanged = (job: { jobId: string; printerId: string; state: PrintJobRow['state'] }) => events.jobChanged?.(job);
    this.statuses = new PrinterStatuses(options.clock, (printerId, status) => events.printerStatusChanged?.(printerId, status));
    this.lanes = new PrinterLanes({
      station: options.station,
      clock: options.clock,
      transports: options.transports,
      backoff: options.backoff ?? defaultBackoff,
      statuses: this.statuses,
      jobChanged,
    });
    this.commands = new JobCommands({ station: options.station, clock: options.clock, lanes: this.lanes, statuses: this.statuses, jobChanged });
    this.station = options.station;
    for (const job of markInterruptedSends(options.station, options.clock.now())) jobChanged({ jobId: job.id, printerId: job.printerId, state: job.state });
    for (const printerId of printersWithQueuedJobs(options.station)) this.lanes.wake(printerId);
  }

  /** Stores the whole set in one transaction, then starts printing; returns before any paper moves. */
  submit(request: JobSetRequest): SubmittedJobSet {
    if (this.stopped) throw new MarqueeError('PRINTER_UNAVAILABLE', 'Printing has been shut down on this station.');
    return this.commands.submit(request);
  }

  view(jobId: string): PrintJobView {
    return this.commands.view(jobId);
  }

  retry(jobId: string): PrintJobView {
    return this.commands.retry(jobId);
  }

  cancel(jobId: string): PrintJobView {
    return this.commands.cancel(jobId);
  }

  move(jobId: string, printerId: string): PrintJobView {
    return this.commands.move(jobId, printerId);
  }

  reprint(jobId: string, printerId?: string): PrintJobView {
    return this.commands.reprint(jobId, printerId);
  }

  /** Pulses the cash drawer now, on its own (see JobCommands.openDrawer). */
  openDrawer(): Promise<DrawerOutcome> {
    if (this.stopped) return Promise.resolve({ opened: false, reason: 'Printing was shut down.' });
    return this.commands.openDrawer();
  }

  /** How one job set (a counter action's documents) is printing, in the sale panel's words. */
  jobSet(jobSetId: string): PrintJobSetState {
    const jobs = this.commands.requireSet(jobSetId);
    const waiting = countOpenJobs(this.station);
    return jobSetState(jobSetId, jobs, (printerId) => ({ status: this.statuses.of(printerId), waitingJobs: waiting.get(printerId) ?? 0 }));
  }

  retrySet(jobSetId: string): PrintJobSetState {
    this.commands.retrySet(jobSetId);
    return this.jobSet(jobSetId);
  }

  moveSet(jobSetId: string, printerId: string): PrintJobSetState {
    this.commands.moveSet(jobSetId, printerId);
    return this.jobSet(jobSetId);
  }

  status(printerId: string): PrinterStatus {
    return this.statuses.of(printerId);
  }

  /** Asks the printer now (DLE EOT where it answers) and records what it said; a ready printer prints what waits. */
  async readStatus(printerId: string): Promise<PrinterStatus> {
    const printer = findPrinter(this.station, printerId);
    this.statuses.askAgain(printerId);
    const status = await this.statuses.look(printer, this.lanes.transportFor(printer));
    if (canPrint(status.state)) this.lanes.wake(printerId, true);
    return status;
  }

  /** Stops the timers and waits for any job on the wire to finish, so none is left 'sending'. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.lanes.stop();
  }
}
