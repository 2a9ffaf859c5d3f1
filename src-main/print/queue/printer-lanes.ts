import type { Clock } from '../../core/clock.ts';
import type { StationDb } from '../../db/open.ts';
import type { PrintJobRow } from '../../db/station/schema.ts';
import { storageErrorWhileRunning } from '../../db/storage-errors.ts';
import { findPrinter, toPrinter, type Printer } from '../printers/printer-store.ts';
import { canPrint } from '../status/realtime-status.ts';
import type { TransportFactory } from '../transport/create-transport.ts';
import { errorWords, isNotReady, isPermanentFailure, type PrinterTransport, type SendOptions } from '../transport/transport.ts';
import { backoffDelay, type Backoff } from './backoff.ts';
import { postpone, prepareQueueStatements, transition } from './job-store.ts';
import type { PrinterStatuses } from './status-probes.ts';

/** A cash drawer's pulse waiting for its printer; settles once it went out, or could not. */
export type DrawerOutcome = { opened: true; printerId: string } | { opened: false; reason: string };

export type JobChanged = (job: { jobId: string; printerId: string; state: PrintJobRow['state'] }) => void;

/** One printer's worker: at most one connection at a time, urgent pulses before the next job. */
interface Lane {
  running: boolean;
  /** Woken while running: look at the queue once more before winding down. */
  wokenWhileRunning: boolean;
  wokenNow: boolean;
  timer: NodeJS.Timeout | undefined;
  urgent: { bytes: Buffer; done: (outcome: DrawerOutcome) => void }[];
  idle: Promise<void>;
  /** Attempts in a row that the station database could not record (a full or read-only disk). */
  storageTroubles: number;
}

export interface PrinterLanesOptions {
  station: StationDb;
  clock: Clock;
  transports: TransportFactory;
  backoff: Backoff;
  statuses: PrinterStatuses;
  jobChanged: JobChanged;
}

/**
 * Per-printer scheduling: each printer prints its own jobs strictly in order, one connection at
 * a time; a printer that is away makes its jobs wait with growing pauses instead of dropping them,
 * and so does a station database that cannot record a job's progress (nothing prints unrecorded).
 * A job turns 'sending' only once the printer said it is ready, just before its first byte.
 */
export class PrinterLanes {
  private readonly lanes = new Map<string, Lane>();
  private readonly transportCache = new Map<string, { key: string; transport: PrinterTransport }>();
  private readonly hot: ReturnType<typeof prepareQueueStatements>;
  private stopped = false;

  constructor(private readonly o: PrinterLanesOptions) {
    this.hot = prepareQueueStatements(o.station);
  }

  /**
   * Starts the printer's worker unless it is already running; `now` cuts short a pause. A wake
   * while it runs is remembered, so a job stored as it winds down is still printed by it.
   */
  wake(printerId: string, now = false): void {
    if (this.stopped) return;
    const lane = this.lane(printerId);
    if (lane.running) {
      lane.wokenWhileRunning = true;
      lane.wokenNow ||= now;
      return;
    }
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

  /** Queues a drawer pulse ahead of the printer's next job; one try only. */
  pulse(printerId: string, bytes: Buffer): Promise<DrawerOutcome> {
    return new Promise<DrawerOutcome>((done) => {
      this.lane(printerId).urgent.push({ bytes, done });
    });
  }

  /** Wakes every printer with a pulse waiting (it may hang on one that got no job, or one pausing). */
  wakeForPulses(): void {
    for (const [printerId, lane] of this.lanes) if (lane.urgent.length > 0) this.wake(printerId, true);
  }

  transportFor(printer: Printer): PrinterTransport {
    const key = `${printer.type}|${printer.interface}`;
    const cached = this.transportCache.get(printer.id);
    if (cached && cached.key === key) return cached.transport;
    const transport = this.o.transports(printer);
    this.transportCache.set(printer.id, { key, transport });
    return transport;
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

  private lane(printerId: string): Lane {
    let lane = this.lanes.get(printerId);
    if (!lane) {
      lane = { running: false, wokenWhileRunning: false, wokenNow: false, timer: undefined, urgent: [], idle: Promise.resolve(), storageTroubles: 0 };
      this.lanes.set(printerId, lane);
    }
    return lane;
  }

  private async drain(printerId: string, lane: Lane): Promise<void> {
    try {
      // Let the caller's transaction and event handlers finish before the first byte goes out.
      await Promise.resolve();
      await this.drainLoop(printerId, lane);
    } finally {
      lane.running = false;
    }
    // A wake that came while the loop was ending (after its last look at the queue) starts it again.
    if (lane.wokenWhileRunning) {
      const now = lane.wokenNow;
      lane.wokenWhileRunning = false;
      lane.wokenNow = false;
      this.wake(printerId, now);
    }
  }

  private async drainLoop(printerId: string, lane: Lane): Promise<void> {
    while (!this.stopped) {
      // Each turn reads the queue afresh, so earlier wakes are answered by this very look.
      lane.wokenWhileRunning = false;
      lane.wokenNow = false;
      const pulse = lane.urgent.shift();
      if (pulse) {
        await this.sendPulse(printerId, pulse);
        continue;
      }
      try {
        const job = this.hot.headJob(printerId);
        if (!job) return;
        const wait = job.nextAttemptAt - this.o.clock.now();
        if (wait > 0) return this.sleep(printerId, lane, wait);
        await this.attempt(job);
        lane.storageTroubles = 0;
      } catch (error) {
        // The station database could not read or record the job (full disk, read-only folder):
        // the job stays as it was, unprinted, and the lane tries again after a growing pause.
        lane.storageTroubles += 1;
        console.error(`[marquee] the print queue for printer ${printerId} could not record a job; trying again shortly`, error);
        return this.sleep(printerId, lane, backoffDelay(this.o.backoff, lane.storageTroubles));
      }
    }
  }

  private sleep(printerId: string, lane: Lane, ms: number): void {
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      this.wake(printerId);
    }, ms);
    // A waiting job must not keep a script or test process alive; the app has its own reasons.
    lane.timer.unref();
  }

  private async attempt(job: PrintJobRow): Promise<void> {
    const { statuses, clock, jobChanged } = this.o;
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
    let claimed = false;
    let lostIt = false;
    const options: SendOptions = {
      askStatus: statuses.worthAsking(printer.id),
      beforeFirstByte: (probe) => {
        if (probe) {
          const status = statuses.record(printer, transport, probe);
          if (!canPrint(status.state)) return status.words;
        }
        if (!this.hot.claim(job.id, job.printerId, clock.now())) {
          lostIt = true;
          return 'The job was cancelled or moved meanwhile.';
        }
        claimed = true;
        jobChanged({ jobId: job.id, printerId: job.printerId, state: 'sending' });
        return null;
      },
    };
    const attempted = { ...job, attempts: job.attempts + 1 };
    try {
      await transport.send(job.bytes, options);
    } catch (error) {
      if (lostIt) return;
      // The printer is not to blame when the station database could not record the job: the lane backs off.
      if (storageErrorWhileRunning(error)) throw error;
      const from = claimed ? 'sending' : 'queued';
      if (isNotReady(error)) {
        this.postponeJob(job, 'queued', errorWords(error));
      } else if (isPermanentFailure(error)) {
        this.fail(claimed ? attempted : job, errorWords(error), from);
      } else {
        statuses.unreachable(printer.id, errorWords(error));
        this.postponeJob(claimed ? attempted : job, from, errorWords(error));
      }
      return;
    }
    const done = clock.now();
    this.hot.markPrinted(job.id, done);
    jobChanged({ jobId: job.id, printerId: job.printerId, state: 'done' });
    statuses.printed(printer.id, done);
  }

  private postponeJob(job: PrintJobRow, from: 'queued' | 'sending', words: string): void {
    const attempts = from === 'queued' ? job.attempts + 1 : job.attempts;
    const now = this.o.clock.now();
    if (postpone(this.o.station, job, from, now + backoffDelay(this.o.backoff, attempts), words, now)) {
      this.o.jobChanged({ jobId: job.id, printerId: job.printerId, state: 'queued' });
    }
  }

  private fail(job: PrintJobRow, words: string, from: 'queued' | 'sending'): void {
    const now = this.o.clock.now();
    if (transition(this.o.station, job.id, [from], { state: 'failed', lastError: words, updatedAt: now })) {
      this.o.jobChanged({ jobId: job.id, printerId: job.printerId, state: 'failed' });
    }
  }

  private async sendPulse(printerId: string, pulse: Lane['urgent'][number]): Promise<void> {
    try {
      const printer = findPrinter(this.o.station, printerId);
      // One try only: a drawer springing open minutes after the sale is worse than not at all.
      await this.transportFor(printer).send(pulse.bytes);
      pulse.done({ opened: true, printerId });
    } catch (error) {
      pulse.done({ opened: false, reason: `The cash drawer did not open: ${errorWords(error)}` });
    }
  }
}
