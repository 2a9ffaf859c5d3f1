import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ExportKind } from '../src-shared/contract/exports.ts';
import { ExportRequestSchema } from '../src-shared/contract/exports.ts';
import { wallClock } from '../src-shared/zoned-time.ts';
import { RECORDS_FILE } from '../src-main/core/box-office.ts';
import { exportStatements, rangeOf } from '../src-main/exports/export-rows.ts';
import { openTempBoxOffice } from '../test/helpers/temp-box-office.ts';
import { seedBulkSales } from '../test/exports/bulk-season.ts';
import { row, type BenchArea, type BenchRow } from './types.ts';

/** `MARQUEE_BENCH_EXPORT_TICKETS=100000 npm run bench -- exports` for a quick look; the size by default. */
const TICKETS = Number(process.env.MARQUEE_BENCH_EXPORT_TICKETS ?? 1_000_000);
/** `MARQUEE_BENCH_EXPORT_KINDS=attendees-csv` runs one; the CSV and the workbook by default. */
const KINDS = (process.env.MARQUEE_BENCH_EXPORT_KINDS ?? 'attendees-csv,workbook-xlsx').split(',') as ExportKind[];
const RSS_LIMIT_MB = 200;
/** A sale waits at most this long behind an export's chunk. */
const PAUSE_LIMIT_MS = 100;

const mb = (bytes: number) => bytes / 1024 / 1024;

interface ChildRun {
  state: string;
  failure: string | null;
  rows: number;
  bytes: number;
  seconds: number;
  before: number;
  peak: number;
  longestPause: number;
}

/** The export in a fresh process (bench/exports-child.ts), as the host would run it after a start. */
function exportInChild(dataDir: string, kind: ExportKind, date: string): ChildRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'exports-child.ts'), dataDir, kind, date], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`the ${kind} export process ended with ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildRun;
}

/**
 * Exports of a season of TICKETS tickets through the real queue (ExportService), each in a process
 * of its own as a host would run it: rows a second beside the floor of only reading the same rows
 * through SQLite, the peak RSS of that process (target ≤ 200 MB), and the longest its event loop
 * went unanswered meanwhile (a timer every 5 ms measures how late it fires): how long a sale
 * could have waited behind the export.
 */
export const exportsBench: BenchArea = {
  area: 'exports',
  async run() {
    const temp = openTempBoxOffice();
    const rows: BenchRow[] = [];
    try {
      const { day } = seedBulkSales(temp.office, TICKETS);
      const date = wallClock(day, 'Europe/London').date;
      const raw = new Database(join(temp.dataDir, RECORDS_FILE), { readonly: true });
      const st = exportStatements(raw);
      const range = rangeOf(ExportRequestSchema.parse({ kind: 'orders-csv', filters: { from: date, to: date } }).filters, 'Europe/London');
      /** Rows a second of only reading the same rows through SQLite: what no export can beat. */
      const floorOf = (kind: ExportKind) => {
        const started = performance.now();
        let n = 0;
        for (const _ of st.tickets.iterate(range)) n++;
        if (kind === 'workbook-xlsx') {
          for (const _ of st.orders.iterate(range)) n++;
          for (const _ of st.payments.iterate(range)) n++;
        }
        return n / ((performance.now() - started) / 1000);
      };
      for (const kind of KINDS) {
        const run = exportInChild(temp.dataDir, kind, date);
        if (run.state !== 'done') throw new Error(`the ${kind} export ended ${run.state}: ${run.failure ?? ''}`);
        rows.push(row(`${kind}: ${run.rows} rows, rows/s (floor: reading them only)`, run.rows / run.seconds, 'rows/s', floorOf(kind), 'informational', () => true));
        rows.push(row(`${kind}: peak RSS of the exporting process (floor: its RSS before)`, mb(run.peak), 'MB', mb(run.before), `<= ${RSS_LIMIT_MB} MB`, (v) => v <= RSS_LIMIT_MB));
        rows.push(row(`${kind}: longest event-loop pause while it ran`, run.longestPause, 'ms', 0, `<= ${PAUSE_LIMIT_MS} ms`, (v) => v <= PAUSE_LIMIT_MS));
        rows.push(row(`${kind}: file size`, mb(run.bytes), 'MB', 0, 'informational', () => true));
      }
      raw.close();
    } finally {
      temp.dispose();
    }
    return rows;
  },
};
