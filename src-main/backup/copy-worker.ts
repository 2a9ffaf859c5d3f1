import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { DatabaseFacts } from './manifest.ts';

/**
 * Copying and checking a database off the selling thread. A worker opens the database file with
 * its own connection and copies one consistent snapshot (WAL lets sales go on committing
 * meanwhile); then it opens the copy, runs `integrity_check` and reads the counts the manifest
 * records. None of it runs on the thread that serves the windows, so a sale waits only for the
 * disk, never for the copy (docs/backups.md has the measurements).
 */

export type CopyMethod = 'vacuum-into' | 'backup-api' | 'backup-steps';

/** The fastest to copy and check a million tickets, and the gentlest on sales (bench/backup.ts, docs/backups.md). */
export const DEFAULT_COPY_METHOD: CopyMethod = 'backup-api';

/** The facts, read by plain SQL so the worker needs no TypeScript; a table a database lacks counts 0. */
const FACT_QUERIES: Record<keyof DatabaseFacts, string> = {
  orders: 'SELECT count(*) FROM orders',
  tickets: 'SELECT count(*) FROM tickets',
  ledgerRows: 'SELECT count(*) FROM ledger',
  lastLedgerSeq: 'SELECT coalesce(max(seq), 0) FROM ledger',
  lastSaleAt: `SELECT at FROM ledger WHERE kind IN ('order.booked', 'order.exchanged') ORDER BY seq DESC LIMIT 1`,
  schemaLevel: 'SELECT coalesce(max(created_at), 0) FROM __drizzle_migrations',
  installationId: `SELECT value FROM settings WHERE key = 'installation.id'`,
};

// Plain CommonJS evaluated in the worker, as the checkpointer's is (src-main/db/checkpointer.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
async function run() {
  const { source, dest, method, queries } = workerData;
  if (method) {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      from.pragma('busy_timeout = 10000');
      if (method === 'vacuum-into') from.prepare('VACUUM INTO ?').run(dest);
      else await from.backup(dest, { progress: () => 1e9 });
    } finally {
      from.close();
    }
  }
  const copy = new Database(dest, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check').map((row) => row.integrity_check);
    const facts = {};
    for (const [name, sql] of Object.entries(queries)) {
      try { facts[name] = copy.prepare(sql).pluck().get() ?? null; } catch { facts[name] = name === 'lastSaleAt' || name === 'installationId' ? null : 0; }
    }
    return { integrity, facts };
  } finally {
    copy.close();
  }
}
run().then((result) => parentPort.postMessage({ result }), (error) => parentPort.postMessage({ error: String(error && error.message || error), code: error && error.code }));
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

export interface CheckedCopy {
  /** 'ok', or SQLite's list of what is wrong. */
  integrity: string[];
  facts: DatabaseFacts;
}

function parseInstallationId(stored: unknown): string | null {
  if (typeof stored !== 'string') return null;
  try {
    const value: unknown = JSON.parse(stored);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * In a worker: copies `source` to `dest` by `method` (or only checks `dest` when method is null),
 * then checks the copy and reads its facts. A copy that cannot be opened as a database at all comes
 * back as a MarqueeError naming the problem.
 */
export function copyAndCheck(source: string | null, dest: string, method: Exclude<CopyMethod, 'backup-steps'> | null): Promise<CheckedCopy> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { source, dest, method, queries: FACT_QUERIES, driver: driverPath } });
    let settled = false;
    worker.once('message', (message: { result?: { integrity: string[]; facts: Record<string, unknown> }; error?: string; code?: string }) => {
      settled = true;
      void worker.terminate();
      if (message.result) {
        const f = message.result.facts;
        const n = (v: unknown) => (typeof v === 'number' ? v : 0);
        resolve({
          integrity: message.result.integrity,
          facts: {
            orders: n(f.orders),
            tickets: n(f.tickets),
            ledgerRows: n(f.ledgerRows),
            lastLedgerSeq: n(f.lastLedgerSeq),
            lastSaleAt: typeof f.lastSaleAt === 'number' ? f.lastSaleAt : null,
            schemaLevel: n(f.schemaLevel),
            installationId: parseInstallationId(f.installationId),
          },
        });
      } else {
        const why = message.code === 'SQLITE_NOTADB' || message.code?.startsWith('SQLITE_CORRUPT') ? `it is not a whole database (${message.error ?? 'unreadable'})` : (message.error ?? 'it could not be read');
        reject(new MarqueeError('STORAGE', why, { sqliteCode: message.code ?? null }));
      }
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the copy worker stopped (exit ${code})`));
    });
  });
}
