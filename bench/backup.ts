import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { takeBackup } from '../src-main/backup/take-backup.ts';
import { DEFAULT_COPY_METHOD, type CopyMethod } from '../src-main/backup/copy-worker.ts';
import { SalesEngine } from '../src-main/sales/engine.ts';
import { openTempBoxOffice } from '../test/helpers/temp-box-office.ts';
import { seedAnotherPerformance, seedShow, seedStaff } from '../test/sales/fixtures.ts';
import { percentile, row, type BenchArea, type BenchRow } from './types.ts';

const TICKETS = 1_000_000;
const TICKETS_PER_ORDER = 4;
const BASELINE_SALES = 1000;
/** A sale every 5 ms: 200 a second, twice host mode's measured peak of 16 busy windows (stack notes). */
const SALE_EVERY_MS = 5;
const RETENTION = { today: 100, daily: 0, weekly: 0, monthly: 0 };

/**
 * A records database of a million tickets, built with raw SQL (orders, tickets, payments and a
 * ledger row per order, as a season's sales would leave them), copied while a window keeps
 * selling a seat every 5 ms: the time the backup takes beside a plain file copy, and the hold and book p99 during
 * the backup beside the p99 of the same sales without one (target: within 2x).
 */
function fill(db: import('better-sqlite3').Database, performanceId: string, stationId: string, bandId: string): void {
  const orders = TICKETS / TICKETS_PER_ORDER;
  db.pragma('foreign_keys = OFF');
  const payload = JSON.stringify({ rows: { orders: [{ note: 'x'.repeat(200) }] } });
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO orders (id, performance_id, currency, subtotal_minor, discount_minor, tax_minor, total_minor, state, station_id, created_at, updated_at)
       SELECT printf('BENCHORDER%016d', i), ?, 'GBP', 10000, 0, 1667, 10000, 'paid', ?, 1700000000000 + i, 1700000000000 + i FROM n`,
    ).run(orders, performanceId, stationId);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO tickets (id, order_id, performance_id, unit_id, price_band_id, band_name, list_price_minor, discount_minor, tax_minor, total_minor, code, state, created_at, updated_at)
       SELECT printf('BENCHTICKET%015d', i), printf('BENCHORDER%016d', (i - 1) / ${TICKETS_PER_ORDER} + 1), ?, 1000000 + i, ?, 'Adult', 2500, 0, 417, 2500,
              printf('CODE%012d', i), 'valid', 1700000000000 + i, 1700000000000 + i FROM n`,
    ).run(TICKETS, performanceId, bandId);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO payments (id, order_id, method, amount_minor, station_id, at)
       SELECT printf('BENCHPAYMENT%014d', i), printf('BENCHORDER%016d', i), 'card', 10000, ?, 1700000000000 + i FROM n`,
    ).run(orders, stationId);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO ledger (id, at, kind, station_id, performance_id, order_id, payload)
       SELECT printf('BENCHLEDGER%015d', i), 1700000000000 + i, 'order.booked', ?, ?, printf('BENCHORDER%016d', i), ? FROM n`,
    ).run(orders, stationId, performanceId, payload);
  })();
  db.pragma('foreign_keys = ON');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export const backupBench: BenchArea = {
  area: 'backup',
  async run() {
    const temp = openTempBoxOffice();
    try {
      const { office } = temp;
      const db = office.records.$client;
      const show = seedShow(office, { rows: 40, seatsPerRow: 50, standing: 0, startsAt: Date.now() + 30 * 86_400_000 });
      const performances = [show.performanceId];
      const { cashier } = seedStaff(office);
      const engine = new SalesEngine(office);
      let fillMs = performance.now();
      fill(db, show.performanceId, office.identity.id, show.bands.adult);
      fillMs = performance.now() - fillMs;
      console.log(`[backup bench] ${TICKETS} tickets written in ${Math.round(fillMs)} ms`);

      let current = 0;
      /** One sale as a window makes it: hold the best seat, then book it. */
      const sellOne = (holds: number[], books: number[]) => {
        let t = performance.now();
        let hold;
        try {
          hold = engine.holdBestAvailable(cashier, { performanceId: performances[current]!, quantity: 1 });
        } catch {
          // Sold out: the next performance (a new one when all are), timed from here.
          current += 1;
          if (current === performances.length) performances.push(seedAnotherPerformance(office, show, Date.now() + (40 + current) * 86_400_000));
          t = performance.now();
          hold = engine.holdBestAvailable(cashier, { performanceId: performances[current]!, quantity: 1 });
        }
        holds.push(performance.now() - t);
        t = performance.now();
        engine.book(cashier, { holdId: hold.holdId, lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })), payments: [{ method: 'card', amountMinor: 2500 }] });
        books.push(performance.now() - t);
      };

      // Warm-up, not counted: right after the fill the WAL is being checkpointed and the caches are cold.
      const warmUp = { holds: [] as number[], books: [] as number[] };
      for (let i = 0; i < 300; i++) {
        sellOne(warmUp.holds, warmUp.books);
        await sleep(SALE_EVERY_MS);
      }
      const baseline = { holds: [] as number[], books: [] as number[] };
      for (let i = 0; i < BASELINE_SALES; i++) {
        sellOne(baseline.holds, baseline.books);
        await sleep(SALE_EVERY_MS);
      }

      const file = join(temp.dataDir, 'records.sqlite');
      const floorDir = join(temp.dataDir, 'floor');
      mkdirSync(floorDir);
      let copyMs = performance.now();
      copyFileSync(file, join(floorDir, 'records.sqlite'));
      copyMs = performance.now() - copyMs;
      rmSync(floorDir, { recursive: true });

      const rows: BenchRow[] = [];
      const during = async (method: CopyMethod) => {
        const sample = { holds: [] as number[], books: [] as number[] };
        let done = false;
        const started = performance.now();
        const phases: Record<string, number> = {};
        const backup = takeBackup(
          { recordsFile: file, stationFile: null, recordsConnection: db },
          {
            folder: join(temp.dataDir, `backups-${method}`),
            clock: office.clock,
            reason: 'manual',
            version: 'bench',
            retention: RETENTION,
            method,
            onProgress: (p) => {
              const key = `${p.database ?? ''} ${p.phase}`;
              if (!(key in phases)) phases[key] = Math.round(performance.now() - started);
            },
          },
        ).finally(() => (done = true));
        while (!done) {
          sellOne(sample.holds, sample.books);
          await sleep(SALE_EVERY_MS);
        }
        const result = await backup;
        const ms = performance.now() - started;
        console.log(`[backup bench] ${method} phases (ms from start): ${JSON.stringify(phases)}`);
        return { ms, sample, bytes: result.manifest.records.bytes };
      };
      for (const method of ['backup-api', 'vacuum-into', 'backup-steps'] as const) {
        const { ms, sample, bytes } = await during(method);
        const chosen = method === DEFAULT_COPY_METHOD;
        const label = chosen ? '' : ` (${method}, for comparison)`;
        console.log(`[backup bench] ${method}: ${Math.round(ms)} ms, ${sample.holds.length} sales meanwhile, ${Math.round(bytes / 1_048_576)} MB compressed`);
        rows.push(row(`backup of 1M tickets (copy, check, compress)${label}`, ms / 1000, 's', copyMs / 1000, chosen ? '<= 120 s' : 'for comparison', (v) => !chosen || v <= 120));
        for (const [name, values, base] of [
          ['hold', sample.holds, baseline.holds],
          ['book', sample.books, baseline.books],
        ] as const) {
          rows.push(row(`${name} p99 during the backup${label}`, percentile(values, 99), 'ms', percentile(base, 99), chosen ? 'ratio <= 2' : 'for comparison', (_v, ratio) => !chosen || ratio <= 2));
        }
        rows.push(row(`sales made during the backup${label}`, sample.holds.length, 'sales', 0, 'for information', () => true));
      }
      return rows;
    } finally {
      temp.dispose();
    }
  },
};
