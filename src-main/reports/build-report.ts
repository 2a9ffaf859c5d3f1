import type Database from 'better-sqlite3';
import type { Report, ReportQuery } from '../../src-shared/contract/reports.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { ReportCells, type CellScope, type Sums } from './report-cells.ts';
import { periodOf, periodsOf, reportRange } from './report-range.ts';
import { seatStates } from './seat-states.ts';
import { VenueDay } from './venue-day.ts';

export interface ReportPlace { timeZone: string; currency: string; locale: string; now: number }

interface PerformanceRow { id: string; eventId: string; venueId: string; startsAt: number; eventName: string; venueName: string }

/**
 * One report (contract: src-shared/contract/reports.ts) from the rollups: a handful of GROUP BYs
 * over the cells in scope, never over the season's tickets. The performances table is read
 * whole (a season has hundreds of them, not millions) to turn the event, venue and date filters
 * into a list of performances.
 */
export function buildReport(db: Database.Database, q: ReportQuery, place: ReportPlace): Report {
  const range = reportRange(q.from, q.to, place.timeZone);
  const all = db
    .prepare(
      `SELECT p.id AS id, p.event_id AS eventId, p.venue_id AS venueId, p.starts_at AS startsAt, e.title AS eventName, v.name AS venueName
       FROM performances p JOIN events e ON e.id = p.event_id JOIN venues v ON v.id = p.venue_id ORDER BY p.starts_at, p.id`,
    )
    .all() as PerformanceRow[];
  const byId = new Map(all.map((p) => [p.id, p]));
  if (q.performanceId && !byId.has(q.performanceId)) throw new MarqueeError('NOT_FOUND', 'There is no such performance to report on.');
  const filtered = q.eventId || q.performanceId || q.venueId;
  const chosen = all.filter(
    (p) =>
      (!q.eventId || p.eventId === q.eventId) &&
      (!q.performanceId || p.id === q.performanceId) &&
      (!q.venueId || p.venueId === q.venueId) &&
      (q.basis === 'payment' || (p.startsAt >= range.startsAt && p.startsAt < range.endsBefore)),
  );
  const scope: CellScope = {
    days: q.basis === 'payment' ? { from: range.from, to: range.to } : null,
    performanceIds: filtered || q.basis === 'performance' ? chosen.map((p) => p.id) : null,
    stationId: q.stationId ?? null,
    staffId: q.cashierId ?? null,
  };
  const cells = new ReportCells(db);
  const perPerformance = cells.totalsByPerformance(scope);
  const revenueOf = new Map(perPerformance.map((r) => [r.performanceId, r]));

  // Sales over time: by the day the money moved, or by the day of the performance it was for.
  const periods = new Map(periodsOf(range, q.granularity).map((p) => [p, { count: 0, amount: 0, tax: 0 }]));
  const addTo = (period: string, s: Sums) => {
    const cell = periods.get(period);
    if (!cell) return;
    cell.count += s.count;
    cell.amount += s.amount;
    cell.tax += s.tax;
  };
  if (q.basis === 'payment') {
    for (const d of cells.totalsByDay(scope)) addTo(periodOf(d.day, q.granularity), d);
  } else {
    const day = new VenueDay(place.timeZone);
    for (const r of perPerformance) addTo(periodOf(day.of(byId.get(r.performanceId)!.startsAt), q.granularity), r);
  }
  const salesOverTime = [...periods].map(([period, s]) => ({ period, tickets: s.count, gross: s.amount, net: s.amount - s.tax, tax: s.tax }));
  const totals = salesOverTime.reduce((t, p) => ({ tickets: t.tickets + p.tickets, gross: t.gross + p.gross, net: t.net + p.net, tax: t.tax + p.tax }), {
    tickets: 0,
    gross: 0,
    net: 0,
    tax: 0,
  });

  const listed = q.basis === 'performance' ? chosen : chosen.filter((p) => revenueOf.has(p.id));
  return {
    from: range.from,
    to: range.to,
    basis: q.basis,
    granularity: q.granularity,
    currency: place.currency,
    locale: place.locale,
    timeZone: place.timeZone,
    salesOverTime,
    totals,
    performances: performanceFigures(db, cells, listed, revenueOf, place.now),
    events: eventFigures(listed, revenueOf),
    ...keyedFigures(cells.keyed(scope)),
    ...peopleFigures(db, cells, scope),
  };
}

function performanceFigures(db: Database.Database, cells: ReportCells, listed: PerformanceRow[], revenueOf: Map<string, Sums>, now: number): Report['performances'] {
  const ids = listed.map((p) => p.id);
  const states = seatStates(db, ids, now);
  const counts = new Map(cells.soldAndCheckedIn(ids).map((r) => [r.performanceId, r]));
  return listed.map((p) => {
    const s = states.get(p.id) ?? { capacity: 0, held: 0, reserved: 0, blocked: 0 };
    const sold = counts.get(p.id)?.sold ?? 0;
    return {
      performanceId: p.id,
      eventName: p.eventName,
      startsAt: p.startsAt,
      venueName: p.venueName,
      capacity: s.capacity,
      sold,
      held: s.held,
      reserved: s.reserved,
      blocked: s.blocked,
      checkedIn: counts.get(p.id)?.checkedIn ?? 0,
      occupancyPct: s.capacity === 0 ? 0 : Math.round((sold / s.capacity) * 1000) / 10,
      revenue: revenueOf.get(p.id)?.amount ?? 0,
    };
  });
}

function eventFigures(listed: PerformanceRow[], revenueOf: Map<string, Sums>): Report['events'] {
  const events = new Map<string, Report['events'][number]>();
  for (const p of listed) {
    const r = revenueOf.get(p.id);
    const e = events.get(p.eventId) ?? { eventId: p.eventId, name: p.eventName, tickets: 0, gross: 0 };
    e.tickets += r?.count ?? 0;
    e.gross += r?.amount ?? 0;
    events.set(p.eventId, e);
  }
  return [...events.values()].filter((e) => e.tickets !== 0 || e.gross !== 0).sort((a, b) => b.gross - a.gross || a.name.localeCompare(b.name));
}

function keyedFigures(rows: (Sums & { dim: string; key: string })[]): Pick<Report, 'priceBands' | 'paymentMethods' | 'discountCodes' | 'refundsExchanges'> {
  const of = (dim: string) => rows.filter((r) => r.dim === dim && (r.count !== 0 || r.amount !== 0));
  const byMoney = <T extends { amount: number; key: string }>(a: T, b: T) => b.amount - a.amount || a.key.localeCompare(b.key);
  return {
    priceBands: of('band').sort(byMoney).map((r) => ({ band: r.key, tickets: r.count, gross: r.amount })),
    paymentMethods: of('method').sort(byMoney).map((r) => ({ method: r.key, payments: r.count, amount: r.amount })),
    discountCodes: of('discount').sort(byMoney).map((r) => ({ code: r.key, uses: r.count, discount: r.amount })),
    refundsExchanges: (['refund', 'exchange'] as const).flatMap((kind) => of(kind).map((r) => ({ kind, count: r.count, amount: r.amount }))),
  };
}

function peopleFigures(db: Database.Database, cells: ReportCells, scope: CellScope): Pick<Report, 'cashiers' | 'windows'> {
  const { stations, staff } = cells.byWindowAndCashier(scope);
  const names = (table: string) => new Map((db.prepare(`SELECT id, name FROM ${table}`).all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const stationNames = names('stations');
  const staffNames = names('staff');
  const kept = (r: Sums) => r.count !== 0 || r.amount !== 0;
  return {
    cashiers: staff.filter(kept).map((r) => ({ cashierId: r.id, name: staffNames.get(r.id) ?? (r.id === '' ? 'Nobody signed in' : r.id), tickets: r.count, gross: r.amount })).sort((a, b) => b.gross - a.gross),
    windows: stations.filter(kept).map((r) => ({ stationId: r.id, name: stationNames.get(r.id) ?? r.id, tickets: r.count, gross: r.amount })).sort((a, b) => b.gross - a.gross),
  };
}
