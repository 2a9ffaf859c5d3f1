import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Takes WAL checkpoints off the sale path. SQLite's automatic checkpoint runs on the connection
 * that commits, so every ~50th sale paid for copying the WAL into the database file and an fsync
 * (~20 ms here). Instead a worker thread with its own connection runs PASSIVE checkpoints, which
 * never block a writer; the selling connection only checkpoints itself past a large backstop, so
 * the WAL stays bounded even if the worker cannot keep up or is gone. Durability is unchanged: WAL
 * with synchronous=NORMAL, and a checkpoint only copies what is already committed in the WAL.
 */

export interface CheckpointerOptions {
  /**
   * How often the worker checkpoints, in ms. Each checkpoint that finds new pages fsyncs the WAL
   * and the database file, and those fsyncs slow the sales committing meanwhile: every 200 ms cost
   * a third of the booking throughput in the benchmark, every second costs almost nothing.
   */
  intervalMs?: number;
  /**
   * The selling connection's own wal_autocheckpoint, in pages. The WAL restarts only once a
   * checkpoint has caught up with the last commit, which a steady stream of sales never lets a
   * background checkpoint do; past this size the selling connection catches up itself, once.
   */
  backstopPages?: number;
  /**
   * After a restart the WAL file is cut back to this many bytes. By default it keeps the space a
   * burst of sales needed (at most the backstop's worth): writing over allocated blocks is cheaper
   * than growing the file again, and growing it entangles the sale's writes with the worker's fsync.
   */
  walSizeLimitBytes?: number;
}

export interface CheckpointStats {
  /** PASSIVE checkpoints the worker has run. */
  checkpoints: number;
  /** Pages in the WAL at the worker's last checkpoint, and how many of them it had copied. */
  lastLogPages: number;
  lastCopiedPages: number;
}

export interface Checkpointer {
  stats(): CheckpointStats;
  /** Stops the worker (waiting for it to close its connection), then checkpoints and empties the WAL. */
  close(): void;
}

// Plain CommonJS evaluated in the worker, so no bundler or TypeScript loader is needed for it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const control = new Int32Array(workerData.control);
const done = () => { Atomics.store(control, 0, 1); Atomics.notify(control, 0); };
let db = null;
let timer = null;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw();
  timer = setInterval(() => {
    try {
      const [, log, copied] = checkpoint.get();
      Atomics.add(control, 1, 1);
      Atomics.store(control, 2, log);
      Atomics.store(control, 3, copied);
    } catch (error) {
      parentPort.postMessage({ error: String(error && error.message || error) });
    }
  }, workerData.intervalMs);
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error) });
  if (db) db.close();
  done();
}
parentPort.on('message', () => {
  if (timer) clearInterval(timer);
  if (db && db.open) db.close();
  done();
  parentPort.close();
});
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

export function startCheckpointer(selling: Database.Database, file: string, options: CheckpointerOptions = {}): Checkpointer {
  const backstopPages = options.backstopPages ?? 50_000;
  selling.pragma(`wal_autocheckpoint = ${backstopPages}`);
  selling.pragma(`journal_size_limit = ${options.walSizeLimitBytes ?? backstopPages * 4096}`);
  // [0] worker has closed its connection, [1] checkpoints run, [2] WAL pages, [3] pages copied.
  const control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver: driverPath, intervalMs: options.intervalMs ?? 1_000, control: control.buffer },
    });
  } catch (error) {
    // Selling goes on without it: the backstop still checkpoints, only slower sales pay for it.
    console.error('[marquee] could not start the checkpoint worker', error);
    return { stats: () => ({ checkpoints: 0, lastLogPages: 0, lastCopiedPages: 0 }), close: () => void (selling.open && selling.pragma('wal_checkpoint(TRUNCATE)')) };
  }
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) console.error(`[marquee] background checkpoint failed: ${message.error}`);
  });
  worker.on('error', (error) => console.error('[marquee] checkpoint worker stopped', error));
  worker.on('exit', () => Atomics.store(control, 0, 1));
  let closed = false;
  return {
    stats: () => ({ checkpoints: Atomics.load(control, 1), lastLogPages: Atomics.load(control, 2), lastCopiedPages: Atomics.load(control, 3) }),
    close() {
      if (closed) return;
      closed = true;
      worker.postMessage('stop');
      // Synchronous on purpose: BoxOffice.close() is, and the final checkpoint below must be the
      // last connection's so that SQLite can empty the WAL. A worker mid-checkpoint finishes first.
      Atomics.wait(control, 0, 0, 5_000);
      void worker.terminate();
      if (selling.open) selling.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
