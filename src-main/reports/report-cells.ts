import type Database from 'better-sqlite3';

/**
 * Which rollup cells one report reads (report_sales, src-main/db/records/report-tables.ts):
 * - days: venue-local pay days (basis 'payment'), or null for every day (basis 'performance');
 * - performanceIds: the performances in scope, or null for all of them;
 * - stationId / staffId: one window or cashier, or null.
 */
export interface CellScope {
  days: { from: string; to: string } | null;
  performanceIds: readonly string[] | null;
  stationId: string | null;
  staffId: string | null;
}

export interface Sums { count: number; amount: number; tax: number }

type Grain = 'p' | 'P' | 'w' | 'f' | 'F';

/**
 * The narrowest grain (report-tables.ts) that holds the scope: by day only when the range is of
 * pay days, by performance only when performances are chosen or asked for, by window and cashier
 * only when one is chosen or asked for.
 */
function grainFor(scope: CellScope, needs: { performance?: boolean; people?: boolean } = {}): Grain {
  const people = needs.people || scope.stationId !== null || scope.staffId !== null;
  const performance = needs.performance || scope.performanceIds !== null;
  if (!scope.days) return people ? 'F' : 'P';
  if (!performance) return 'w';
  return people ? 'f' : 'p';
}

/**
 * The WHERE of one grain's cells in scope, and which index finds them: the chosen performances'
 * own cells through report_sales_performance (the planner, without statistics, would rather walk
 * the whole range of days), else the primary key or a window's or cashier's index.
 */
function where(scope: CellScope, grain: string): { from: string; sql: string; params: unknown[] } {
  const from = scope.performanceIds && grain !== 'w' ? 'report_sales INDEXED BY report_sales_performance' : 'report_sales';
  const parts = ['grain = ?'];
  const params: unknown[] = [grain];
  if (scope.days) {
    parts.push('pay_day BETWEEN ? AND ?');
    params.push(scope.days.from, scope.days.to);
  }
  if (scope.performanceIds) {
    parts.push('performance_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(scope.performanceIds));
  }
  if (scope.stationId !== null) {
    parts.push('station_id = ?');
    params.push(scope.stationId);
  }
  if (scope.staffId !== null) {
    parts.push('staff_id = ?');
    params.push(scope.staffId);
  }
  return { from, sql: parts.join(' AND '), params };
}

const SUMS = 'SUM(count) AS count, SUM(amount) AS amount, SUM(tax) AS tax';

/** Reads the rollups for one report; each method is one GROUP BY over the few cells in scope. */
export class ReportCells {
  constructor(private readonly db: Database.Database) {}

  /** Tickets, gross and tax per pay day. */
  totalsByDay(scope: CellScope): (Sums & { day: string })[] {
    const w = where(scope, grainFor(scope));
    return this.db.prepare(`SELECT pay_day AS day, ${SUMS} FROM ${w.from} WHERE dim = 'total' AND ${w.sql} GROUP BY pay_day`).all(...w.params) as (Sums & { day: string })[];
  }

  /** Tickets, gross and tax per performance. */
  totalsByPerformance(scope: CellScope): (Sums & { performanceId: string })[] {
    const w = where(scope, grainFor(scope, { performance: true }));
    return this.db
      .prepare(`SELECT performance_id AS performanceId, ${SUMS} FROM ${w.from} WHERE dim = 'total' AND ${w.sql} GROUP BY performance_id`)
      .all(...w.params) as (Sums & { performanceId: string })[];
  }

  /** Bands, methods, discount codes, refunds and exchanges, each summed by its key. */
  keyed(scope: CellScope): (Sums & { dim: string; key: string })[] {
    const w = where(scope, grainFor(scope));
    return this.db
      .prepare(`SELECT dim, key, ${SUMS} FROM ${w.from} WHERE dim IN ('band', 'method', 'discount', 'refund', 'exchange') AND ${w.sql} GROUP BY dim, key`)
      .all(...w.params) as (Sums & { dim: string; key: string })[];
  }

  /** Per window and per cashier, from one pass over the cells: each pair of them summed once, then both ways. */
  byWindowAndCashier(scope: CellScope): { stations: (Sums & { id: string })[]; staff: (Sums & { id: string })[] } {
    const w = where(scope, grainFor(scope, { people: true }));
    const pairs = this.db
      .prepare(`SELECT station_id AS stationId, staff_id AS staffId, ${SUMS} FROM ${w.from} WHERE dim = 'total' AND ${w.sql} GROUP BY station_id, staff_id`)
      .all(...w.params) as (Sums & { stationId: string; staffId: string })[];
    const sum = (key: 'stationId' | 'staffId') => {
      const out = new Map<string, Sums & { id: string }>();
      for (const p of pairs) {
        const s = out.get(p[key]) ?? { id: p[key], count: 0, amount: 0, tax: 0 };
        s.count += p.count;
        s.amount += p.amount;
        s.tax += p.tax;
        out.set(p[key], s);
      }
      return [...out.values()];
    };
    return { stations: sum('stationId'), staff: sum('staffId') };
  }

  /** Over all time, per performance: tickets held now (sold less returned) and tickets scanned in. */
  soldAndCheckedIn(performanceIds: readonly string[]): { performanceId: string; sold: number; checkedIn: number }[] {
    return this.db
      .prepare(
        `SELECT performance_id AS performanceId, SUM(CASE WHEN dim = 'total' THEN count ELSE 0 END) AS sold,
                SUM(CASE WHEN dim = 'checkin' THEN count ELSE 0 END) AS checkedIn
         FROM report_sales WHERE performance_id IN (SELECT value FROM json_each(?)) AND grain = 'P' AND dim IN ('total', 'checkin')
         GROUP BY performance_id`,
      )
      .all(JSON.stringify(performanceIds)) as { performanceId: string; sold: number; checkedIn: number }[];
  }
}
