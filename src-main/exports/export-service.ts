import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportJob, ExportRequest } from '../../src-shared/contract/exports.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { RECORDS_FILE, type BoxOffice } from '../core/box-office.ts';
import { DownloadTickets } from './download-tickets.ts';
import { ExportQueue, type StoredJob } from './export-queue.ts';
import { downloadName, runExport } from './run-export.ts';

export const EXPORTS_FOLDER = 'exports';
const PART = '.part';

class Cancelled extends Error {}

export interface ExportServiceOptions {
  /** Start working through the queue now (the shells); tests may start it by hand. Default true. */
  autoStart?: boolean;
}

/** A finished export's file on the host. */
export interface ExportFile {
  path: string;
  fileName: string;
  bytes: number;
}

/**
 * The export queue at work: one export at a time, oldest first, each written to a temp file in the
 * data folder's `exports` folder and renamed into place when complete, so a file that is there is
 * whole. The export runs on the host's own thread in chunks of rows, yielding to the event loop
 * between chunks (setImmediate), so sales and screens are answered while it writes
 * (docs/reports.md "Exports" says why not a worker thread). A stop part-way leaves the job
 * `running` in station.sqlite; the next start puts it back to waiting and runs it from the start.
 */
export class ExportService {
  readonly folder: string;
  readonly tickets = new DownloadTickets();
  /** The jobs and the saved export settings in station.sqlite. */
  readonly queue: ExportQueue;
  private current: { id: string; cancel: boolean } | null = null;
  private pumping: Promise<void> | null = null;
  private stopped = false;
  private started = false;

  constructor(private readonly office: BoxOffice, options: ExportServiceOptions = {}) {
    this.folder = join(office.dataDir, EXPORTS_FOLDER);
    this.queue = new ExportQueue(office.station.$client);
    if (options.autoStart !== false) this.start();
  }

  /** Requeues what a stop cut off, clears its temp files, and works through the queue. */
  start(): void {
    if (this.started) return;
    this.started = true;
    mkdirSync(this.folder, { recursive: true });
    this.queue.requeueInterrupted();
    for (const name of readdirSync(this.folder)) if (name.endsWith(PART)) rmSync(join(this.folder, name), { force: true });
    this.pump();
  }

  enqueue(request: ExportRequest, requestedBy: string): ExportJob {
    const job = this.queue.add(request, requestedBy, this.office.clock.now());
    this.changed(job);
    this.pump();
    return this.view(job);
  }

  list(): ExportJob[] {
    return this.queue.list().map((j) => this.view(j));
  }

  cancel(id: string): ExportJob {
    const job = this.known(id);
    if (!this.queue.cancel(id, this.office.clock.now())) {
      throw new MarqueeError('CONFLICT', `This export has already ${job.state === 'done' ? 'finished' : job.state}; there is nothing to cancel.`);
    }
    if (this.current?.id === id) this.current.cancel = true;
    const cancelled = this.known(id);
    this.changed(cancelled);
    return this.view(cancelled);
  }

  /** The file of a finished export, or a sentence why there is none. */
  file(id: string): ExportFile {
    const job = this.known(id);
    const path = this.finalPath(job);
    if (job.state !== 'done' || !job.fileName || !existsSync(path)) {
      throw new MarqueeError('NOT_FOUND', job.state === 'done' ? 'The file of this export is no longer on the host; run it again.' : 'This export is not finished yet.');
    }
    return { path, fileName: job.fileName, bytes: statSync(path).size };
  }

  /** Resolves once the queue is empty (tests, the benchmark). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /** Stops after the current chunk; the job stays `running` and is run again at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.current) this.current.cancel = true;
    await this.pumping;
  }

  private known(id: string): StoredJob {
    const job = this.queue.get(id);
    if (!job) throw new MarqueeError('NOT_FOUND', 'There is no such export; it may have been made on another host.');
    return job;
  }

  private view(job: StoredJob): ExportJob {
    const downloadable = job.state === 'done' && this.office.mode === 'host';
    return { ...job, downloadPath: downloadable ? `/exports/${job.id}/download` : null };
  }

  private changed(job: StoredJob | null): void {
    if (job) this.office.bus.emit('exportJobChanged', this.view(job));
  }

  private finalPath(job: StoredJob): string {
    return join(this.folder, `${job.id}-${job.fileName ?? downloadName(job.request)}`);
  }

  private pump(): void {
    if (this.pumping || this.stopped || !this.started) return;
    const work = async () => {
      for (let job = this.queue.claimNext(this.office.clock.now()); job; job = this.stopped ? null : this.queue.claimNext(this.office.clock.now())) {
        await this.run(job);
      }
    };
    // Cleared in a later microtask than it is set, even when there was nothing to do; a job
    // queued in between is picked up by the pump that follows.
    this.pumping = work().finally(() => {
      this.pumping = null;
      if (!this.stopped && this.queue.hasWaiting()) this.pump();
    });
  }

  private async run(job: StoredJob): Promise<void> {
    this.current = { id: job.id, cancel: false };
    this.changed(job);
    const fileName = downloadName(job.request);
    const temp = join(this.folder, `${job.id}${PART}`);
    let shown = 0;
    let shownAt = 0;
    const checkpoint = async (fraction: number) => {
      // Let sales and screens in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.current?.cancel) throw new Cancelled();
      const now = Date.now();
      if (fraction - shown >= 0.01 || now - shownAt >= 500) {
        shown = fraction;
        shownAt = now;
        this.queue.setProgress(job.id, fraction);
        this.changed(this.queue.get(job.id));
      }
    };
    try {
      const rows = await runExport({ request: job.request, recordsFile: join(this.office.dataDir, RECORDS_FILE), records: this.office.records, file: temp, now: this.office.clock.now(), checkpoint });
      if (this.current.cancel) throw new Cancelled();
      renameSync(temp, join(this.folder, `${job.id}-${fileName}`));
      this.queue.finish(job.id, this.office.clock.now(), { rows, bytes: statSync(join(this.folder, `${job.id}-${fileName}`)).size, fileName });
    } catch (error) {
      rmSync(temp, { force: true });
      // A stop leaves the job running for the next start to pick up; a cancel is already recorded.
      if (!(error instanceof Cancelled)) this.queue.fail(job.id, this.office.clock.now(), sentenceOf(error));
    } finally {
      this.current = null;
    }
    if (!this.stopped) this.changed(this.queue.get(job.id));
  }
}

function sentenceOf(error: unknown): string {
  if (error instanceof MarqueeError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  if (/ENOSPC/.test(detail)) return 'The export could not be written: the disk is full. Free some space and run it again.';
  return `The export could not be written (${detail}). Run it again; if it fails again, tell whoever looks after this computer.`;
}
