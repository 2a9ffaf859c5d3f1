import { queryAuditLog } from '../src-main/admin/audit-query.ts';
import { createRun } from '../src-main/admin/runs.ts';
import type { BoxOffice } from '../src-main/core/box-office.ts';
import { loadDemo } from '../src-main/demo/load-demo.ts';
import type { Actor } from '../src-main/staff/actor.ts';
import { timeOnce, withBenchOffice } from './bench-office.ts';
import { median, row, type BenchArea, type BenchRow } from './types.ts';

const RUNS = 5;
const THREE_WEEKS = { firstDate: '2027-03-01', lastDate: '2027-03-21', slots: [{ weekdays: [2, 3, 4, 5, 6], time: '19:30' }, { weekdays: [6], time: '14:30' }], timeZone: 'Europe/London' };

function withDemo<T>(fn: (office: BoxOffice, ids: { eventId: string; planId: string; actor: Actor }) => T): T {
  return withBenchOffice('admin', (office) => {
    loadDemo(office.records, { now: Date.UTC(2027, 1, 1) });
    const db = office.records.$client;
    const eventId = (db.prepare('select id from events limit 1').get() as { id: string }).id;
    const planId = (db.prepare('select p.id from seating_plans p join plan_seats s on s.plan_id = p.id group by p.id order by count(*) desc limit 1').get() as { id: string }).id;
    const staffId = (db.prepare("select id from staff where role = 'manager'").get() as { id: string }).id;
    return fn(office, { eventId, planId, actor: { stationId: office.identity.id, staffId, role: 'manager' } });
  });
}

/** The least a run must write: 18 performance rows and a unit per seat, prepared inserts in one transaction. */
function rawRun(office: BoxOffice, eventId: string, planId: string): void {
  const db = office.records.$client;
  const seats = db.prepare('select id, category from plan_seats where plan_id = ?').all(planId) as { id: string; category: string }[];
  const venueId = (db.prepare('select venue_id as v from seating_plans where id = ?').get(planId) as { v: string }).v;
  const perf = db.prepare('insert into performances (id, event_id, venue_id, plan_id, starts_at) values (?, ?, ?, ?, ?)');
  const unit = db.prepare('insert into units (performance_id, seat_id, category) values (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 18; i++) {
      const id = `RAW${String(i).padStart(23, '0')}`;
      perf.run(id, eventId, venueId, planId, Date.UTC(2027, 2, 1 + i));
      for (const s of seats) unit.run(id, s.id, s.category);
    }
  })();
}

export const adminBench: BenchArea = {
  area: 'admin',
  async run(): Promise<BenchRow[]> {
    const runTimes: number[] = [];
    const rawTimes: number[] = [];
    const auditTimes: number[] = [];
    const scanTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      withDemo((office, { eventId, planId, actor }) => {
        runTimes.push(timeOnce(() => createRun(office.records, actor, Date.now(), { eventId, planId, onSaleFrom: null, state: 'on_sale', ...THREE_WEEKS })));
        auditTimes.push(timeOnce(() => queryAuditLog(office.records, { staffId: actor.staffId, kind: 'performance.', limit: 100 })));
        scanTimes.push(timeOnce(() => office.records.$client.prepare('select count(*) from ledger union all select count(*) from audit_log').all()));
      });
      withDemo((office, { eventId, planId }) => rawTimes.push(timeOnce(() => rawRun(office, eventId, planId))));
    }
    return [
      row('create 3-week run (18 performances × largest demo plan)', median(runTimes), 'ms', median(rawTimes), 'ratio <= 3', (_v, r) => r <= 3),
      row('audit log query (person + kind, newest 100)', median(auditTimes), 'ms', median(scanTimes), '<= 50 ms', (v) => v <= 50),
    ];
  },
};
