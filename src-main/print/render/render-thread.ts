import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { jobSubject, type PictureAnswer, type RenderJob } from './render-jobs.ts';
import type { JobMessage, ReplyMessage } from './render-worker.ts';

/**
 * Runs drawing work that a request brought (a logo file, a layout's text) on a worker thread with
 * memory and time limits, so a render bomb costs one refused request and never the host: the
 * request thread goes on serving while the worker draws, a drawing that runs too long is stopped
 * and the worker replaced, and one that exhausts the worker's heap ends only the worker.
 *
 * The limits here are the second line. resvg draws in native memory, outside the V8 heap that
 * `resourceLimits` caps, and `terminate()` cannot interrupt native code until it returns to
 * JavaScript: the real guard is that every size is worked out and refused before drawing starts
 * (render-limits.ts, images.ts, svg-guard.ts). What the worker adds is that the request thread
 * never waits on a drawing, and that a worker still stuck in native code after its time-out is
 * counted, so no more than a few such threads can pile up.
 *
 * Trusted work (printing a saved, validated layout) stays on the calling thread: a worker round
 * trip would cost more than encoding a ticket does.
 */

export interface RenderThreadOptions {
  /** How long one drawing may take. */
  timeoutMs?: number;
  /** How long the worker may take to load its code (tsx compiles it on the first start from source). */
  startTimeoutMs?: number;
  /** The worker's V8 heap: past it the worker ends, with ERR_WORKER_OUT_OF_MEMORY. */
  maxOldGenerationSizeMb?: number;
  maxYoungGenerationSizeMb?: number;
  /** Drawings that may wait for the worker; more are refused. */
  maxWaiting?: number;
  /** Stopped workers still busy in native code; while this many linger, new drawings are refused. */
  maxStopping?: number;
  /** The worker's code: the built render-worker.cjs, or the TypeScript source (then loaded through tsx). */
  entry?: string;
}

const DEFAULTS = {
  timeoutMs: 15_000,
  startTimeoutMs: 60_000,
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  maxWaiting: 8,
  maxStopping: 2,
} as const;

// Plain CommonJS evaluated in the worker, as src-main/db/checkpointer.ts does, so the same code
// starts the worker from the TypeScript sources (through tsx's require hook, under vitest and tsx
// alike) and from the built bundle (a plain require of dist/main/render-worker.cjs).
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  let worker;
  if (workerData.tsx) {
    const api = require(workerData.tsx).register({ namespace: 'marquee-render-worker' });
    worker = api.require(workerData.entry, workerData.entry);
  } else {
    worker = require(workerData.entry);
  }
  worker.serveRenderJobs(parentPort);
} catch (error) {
  parentPort.postMessage({ type: 'failed', id: 0, message: String((error && error.message) || error) });
}
`;

/** Where the worker's code is: beside this file when running from source, beside the bundle when built. */
function defaultRenderWorkerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return /\.ts$/.test(here) ? join(dirname(here), 'render-worker.ts') : join(dirname(here), 'render-worker.cjs');
}

interface Pending {
  id: number;
  job: RenderJob;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const codeFor = (job: RenderJob) => (jobSubject(job) === 'logo' ? 'IMAGE_INVALID' : 'LAYOUT_INVALID');

export class RenderThread {
  private readonly options: Required<Omit<RenderThreadOptions, 'entry'>> & { entry: string };
  private worker: Worker | null = null;
  private ready = false;
  private current: Pending | null = null;
  private readonly waiting: Pending[] = [];
  /** Workers told to stop that have not exited yet (stuck in native code). */
  private readonly stopping = new Set<Worker>();
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(options: RenderThreadOptions = {}) {
    this.options = { ...DEFAULTS, ...options, entry: options.entry ?? defaultRenderWorkerEntry() };
  }

  run(job: Extract<RenderJob, { kind: 'logo-check' | 'layout-check' }>): Promise<null>;
  run(job: RenderJob): Promise<PictureAnswer>;
  run(job: RenderJob): Promise<PictureAnswer | null> {
    if (this.stopping.size >= this.options.maxStopping) {
      return Promise.reject(new MarqueeError('CONFLICT', 'The renderer is still stopping drawings that took too long; try again in a minute.'));
    }
    if (this.waiting.length >= this.options.maxWaiting) {
      return Promise.reject(new MarqueeError('CONFLICT', 'The renderer is busy with other drawings; try again in a moment.'));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stops the worker; drawings not finished are refused. */
  async close(): Promise<void> {
    const worker = this.detach();
    const closed = new MarqueeError('CONFLICT', 'The renderer was closed before this drawing finished.');
    for (const p of [...(this.current ? [this.current] : []), ...this.waiting.splice(0)]) p.reject(closed);
    this.current = null;
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current || this.waiting.length === 0) return;
    if (!this.worker) this.start();
    const worker = this.worker;
    if (!worker || !this.ready) return;
    const pending = this.waiting.shift()!;
    this.current = pending;
    worker.ref();
    worker.postMessage({ id: pending.id, job: pending.job } satisfies JobMessage);
    this.timer = setTimeout(() => {
      const what = jobSubject(pending.job);
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      console.error(`[marquee] render worker stopped: a ${what} took longer than ${seconds} s`);
      this.stopWorker(
        new MarqueeError(codeFor(pending.job), `Drawing this ${what} took longer than ${seconds} seconds, so it was stopped; make it simpler or smaller.`),
      );
    }, this.options.timeoutMs);
  }

  private start(): void {
    const entry = this.options.entry;
    const tsx = /\.ts$/.test(entry) ? createRequire(import.meta.url).resolve('tsx/cjs/api') : undefined;
    let worker: Worker;
    try {
      worker = new Worker(BOOTSTRAP, {
        eval: true,
        workerData: { entry, tsx },
        resourceLimits: {
          maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb,
          maxYoungGenerationSizeMb: this.options.maxYoungGenerationSizeMb,
        },
      });
    } catch (error) {
      this.failStart(error instanceof Error ? error.message : String(error), null);
      return;
    }
    this.worker = worker;
    this.ready = false;
    // An idle worker must not keep the process alive; pump() holds it while it draws.
    worker.unref();
    worker.on('message', (message: ReplyMessage) => this.onMessage(worker, message));
    worker.on('error', (error: Error & { code?: string }) => this.onGone(worker, error));
    worker.on('exit', () => {
      this.stopping.delete(worker);
      this.onGone(worker, null);
    });
    this.timer = setTimeout(
      () => this.failStart(`it did not start within ${Math.round(this.options.startTimeoutMs / 1000)} seconds`, worker),
      this.options.startTimeoutMs,
    );
  }

  private onMessage(worker: Worker, message: ReplyMessage): void {
    if (worker !== this.worker) return;
    if (message.type === 'ready') {
      this.clearTimer();
      this.ready = true;
      this.pump();
      return;
    }
    if (message.type === 'failed' && message.id === 0) {
      this.failStart(message.message, worker);
      return;
    }
    const pending = this.current;
    if (!pending || message.id !== pending.id) return;
    this.clearTimer();
    this.current = null;
    if (message.type === 'answer') pending.resolve(message.value);
    else if (message.type === 'refused') pending.reject(new MarqueeError(message.error.code, message.error.message, message.error.details));
    // Not a refusal: the dispatcher logs it and answers INTERNAL, without the worker's stack.
    else pending.reject(new Error(message.message));
    if (this.waiting.length === 0) worker.unref();
    this.pump();
  }

  /** The worker ended by itself: out of heap, or crashed. */
  private onGone(worker: Worker, error: (Error & { code?: string }) | null): void {
    if (worker !== this.worker) return;
    if (!this.ready) {
      this.failStart(error?.message ?? 'it exited while loading', null);
      return;
    }
    this.detach();
    const pending = this.current;
    this.current = null;
    if (pending) {
      const what = jobSubject(pending.job);
      const outOfMemory = error?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      console.error(`[marquee] render worker ended while drawing a ${what}: ${outOfMemory ? 'out of memory' : (error?.message ?? 'it exited')}`);
      pending.reject(
        new MarqueeError(
          codeFor(pending.job),
          outOfMemory
            ? `Drawing this ${what} needed more memory than a drawing may use (${this.options.maxOldGenerationSizeMb} MB), so it was stopped; make it simpler or smaller.`
            : `The renderer stopped while drawing this ${what}; try again, or make it simpler or smaller.`,
        ),
      );
    }
    this.pump();
  }

  /** Terminates the worker (counted until it really exits: native code finishes first) and refuses what it was drawing. */
  private stopWorker(refusal: MarqueeError): void {
    const worker = this.detach();
    if (worker) {
      this.stopping.add(worker);
      worker.terminate().catch(() => undefined);
    }
    const pending = this.current;
    this.current = null;
    pending?.reject(refusal);
    this.pump();
  }

  /** The worker could not load its code: everything waiting is refused rather than retried forever. */
  private failStart(reason: string, alive: Worker | null): void {
    console.error(`[marquee] the render worker could not start: ${reason}`);
    this.detach();
    if (alive) {
      this.stopping.add(alive);
      alive.terminate().catch(() => undefined);
    }
    const error = new Error(`The render worker could not start: ${reason}`);
    for (const p of this.waiting.splice(0)) p.reject(error);
  }

  /** Forgets the current worker (without stopping it) and its timer; answers it. */
  private detach(): Worker | null {
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    this.clearTimer();
    return worker;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

let shared: RenderThread | undefined;

/** The process's render worker, started on first use. */
export function renderOffThread(job: Extract<RenderJob, { kind: 'logo-check' | 'layout-check' }>): Promise<null>;
export function renderOffThread(job: RenderJob): Promise<PictureAnswer>;
export function renderOffThread(job: RenderJob): Promise<PictureAnswer | null> {
  shared ??= new RenderThread();
  return shared.run(job);
}
