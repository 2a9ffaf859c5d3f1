import { createPerformance } from '../src-main/catalog/create-performance.ts';
import { systemClock } from '../src-main/core/clock.ts';
import { rebuildRollups } from '../src-main/reports/rebuild-rollups.ts';
import { getReport } from '../src-main/reports/report-service.ts';
import { pauseRollups } from '../src-main/reports/rollup-writer.ts';
import { SalesEngine } from '../src-main/sales/engine.ts';
import type { Actor } from '../src-main/staff/actor.ts';
import type { ReportQuery } from '../src-shared/contract/reports.ts';
import { openTempBoxOffice } from '../test/helpers/temp-box-office.ts';
import { buildSeason } from './reports-season.ts';
import { median, percentile, row, type BenchArea, type BenchRow } from './types.ts';

const RUNS = 5;
const BOOK_ROUNDS = 3;

function timed(fn: () => unknown): number {
  fn(); // warm the page cache and the statements
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Reports over a season of 1,000,000 tickets (REPORTS_BENCH_TICKETS for a smaller dry run): each
 * report beside its naive floor, the GROUP BY over the tickets table (joined to orders for a
 * window or cashier) that answers only its sales-over-time part, so the floor is the least a
 * report without rollups would cost. Then what the rollups add to a sale: the engine's book
 * latency with the rollups written and with them paused, alternating sale by sale on the same
 * season-sized database. And, with REPORTS_BENCH_REBUILD=1, the rebuild from the ledger.
 */
export const reportsBench: BenchArea = {
  area: 'reports',
  async run() {
    const target = Number(process.env.REPORTS_BENCH_TICKETS ?? 1_000_000);
    const temp = openTempBoxOffice();
    try {
      const { office } = temp;
      const db = office.records.$client;
      let t = performance.now();
      const season = buildSeason(office, target);
      const writeSeconds = (performance.now() - t) / 1000;
      // The rollups must say what the tickets say, or the timings below measure the wrong thing.
      const check = db.prepare(`SELECT COUNT(*) AS n, SUM(total_minor) AS gross FROM tickets WHERE state = 'valid'`).get() as { n: number; gross: number };
      const whole = getReport(office.records, systemClock, { from: season.firstDay, to: season.lastDay, basis: 'payment', granularity: 'day' });
      if (whole.totals.tickets !== check.n || whole.totals.gross !== check.gross) {
        throw new Error(`The season report says ${JSON.stringify(whole.totals)}, the tickets ${JSON.stringify(check)}`);
      }

      const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
      const naive = (q: ReportQuery) => {
        const where = [`t.created_at >= ${ms(q.from)}`, `t.created_at < ${ms(q.to) + 86_400_000}`];
        if (q.basis === 'performance') where.splice(0, 2, `p.starts_at >= ${ms(q.from)}`, `p.starts_at < ${ms(q.to) + 86_400_000}`, `t.state = 'valid'`);
        if (q.eventId) where.push(`p.event_id = '${q.eventId}'`);
        if (q.performanceId) where.push(`t.performance_id = '${q.performanceId}'`);
        if (q.cashierId) where.push(`o.staff_id = '${q.cashierId}'`);
        if (q.stationId) where.push(`o.station_id = '${q.stationId}'`);
        const day = q.basis === 'payment' ? 't.created_at' : 'p.starts_at';
        return () =>
          db
            .prepare(
              `SELECT date(${day} / 1000, 'unixepoch') AS d, COUNT(*), SUM(t.total_minor), SUM(t.tax_minor)
               FROM tickets t JOIN performances p ON p.id = t.performance_id ${q.cashierId || q.stationId ? 'JOIN orders o ON o.id = t.order_id' : ''}
               WHERE ${where.join(' AND ')} GROUP BY d`,
            )
            .all();
      };
      const season0: Omit<ReportQuery, 'basis' | 'granularity'> = { from: season.firstDay, to: season.lastDay };
      const week = { from: addDays(season.lastDay, -100), to: addDays(season.lastDay, -94) };
      const middle = season.performanceIds[Math.floor(season.performanceIds.length / 2)]!;
      const queries: [string, ReportQuery][] = [
        ['season by payment date, per day', { ...season0, basis: 'payment', granularity: 'day' }],
        ['season by performance date, per week', { ...season0, basis: 'performance', granularity: 'week' }],
        ['one week by payment date', { ...week, basis: 'payment', granularity: 'day' }],
        ['one event, season, by payment date', { ...season0, basis: 'payment', granularity: 'week', eventId: season.eventIds[3]! }],
        ['one cashier, season, by payment date', { ...season0, basis: 'payment', granularity: 'day', cashierId: season.staffIds[5]! }],
        ['one window, season, by payment date', { ...season0, basis: 'payment', granularity: 'day', stationId: season.stationIds[2]! }],
        ['one window, season, by performance date', { ...season0, basis: 'performance', granularity: 'week', stationId: season.stationIds[2]! }],
        ['one performance, by performance date', { ...season0, basis: 'performance', granularity: 'day', performanceId: middle }],
      ];
      const rows: BenchRow[] = [
        row(`season written: ${season.tickets} tickets, ${season.orders} orders (info)`, season.tickets / writeSeconds, 'tickets/s', 0, 'information only', () => true),
      ];
      for (const [name, q] of queries) {
        const value = timed(() => getReport(office.records, systemClock, q));
        const floor = timed(naive(q));
        rows.push(row(`report: ${name}`, value, 'ms', floor, '<= 50 ms', (v) => v <= 50));
      }

      // What the rollups add to a sale: alternate sales with them written and paused.
      const engine = new SalesEngine(office);
      const actor: Actor = { stationId: season.stationIds[0]!, staffId: season.staffIds[0]!, role: 'cashier' };
      const bandId = db.prepare(`SELECT id FROM price_bands WHERE name = 'Adult' LIMIT 1`).pluck().get() as string;
      const planId = db.prepare(`SELECT plan_id FROM performances LIMIT 1`).pluck().get() as string;
      const eventId = season.eventIds[0]!;
      const withRollups: number[] = [];
      const without: number[] = [];
      for (let round = 0; round < BOOK_ROUNDS; round++) {
        const perf = createPerformance(office.records, { eventId, planId, startsAt: Date.now() + 86_400_000 }).id;
        const ids = engine.availability(perf).map(([id]) => id);
        const pairs: { holdId: string; unitIds: number[] }[] = [];
        for (let i = 0; i + 1 < ids.length; i += 2) pairs.push(engine.holdSeats(actor, { performanceId: perf, unitIds: [ids[i]!, ids[i + 1]!] }));
        pairs.forEach((pair, i) => {
          const paused = i % 2 === 1;
          pauseRollups(db, paused);
          const start = performance.now();
          engine.book(actor, { holdId: pair.holdId, lines: pair.unitIds.map((unitId) => ({ unitId, priceBandId: bandId })), payments: [{ method: 'card', amountMinor: 5000 }] });
          (paused ? without : withRollups).push(performance.now() - start);
        });
        pauseRollups(db, false);
      }
      const p99Without = percentile(without, 99);
      rows.push(row('p99 book latency with rollups', percentile(withRollups, 99), 'ms', p99Without, '<= 5 ms', (v) => v <= 5));
      rows.push(row('p99 book latency without rollups (info)', p99Without, 'ms', p99Without, 'information only', () => true));
      rows.push(row('median book latency with rollups (info)', median(withRollups), 'ms', median(without), 'information only', () => true));

      const cells = db.prepare('SELECT COUNT(*) FROM report_sales').pluck().get() as number;
      rows.push(row(`rollup cells kept (info)`, cells, 'cells', season.tickets, 'information only', () => true));
      // The rebuild replays the whole ledger (minutes at full size): only when asked for.
      if (process.env.REPORTS_BENCH_REBUILD) {
        t = performance.now();
        const { replayed } = rebuildRollups(db);
        rows.push(row(`rebuild from the ledger, ${replayed} rows (info)`, replayed / ((performance.now() - t) / 1000), 'rows/s', 0, 'information only', () => true));
      }
      return rows;
    } finally {
      temp.dispose();
    }
  },
};

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
