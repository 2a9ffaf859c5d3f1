import { sql } from 'drizzle-orm';
import type { PerformanceSummary, UnitCounts } from '../../src-shared/contract/performances.ts';
import type { RecordsDb } from '../db/open.ts';

/** A hold past its expiry counts as available on every read, before the sweeper clears it. */
const countsSql = (now: number) => sql`
  count(u.id) as capacity,
  coalesce(sum(u.state = 'available' or (u.state = 'held' and u.hold_expires_at <= ${now})), 0) as available,
  coalesce(sum(u.state = 'held' and u.hold_expires_at > ${now}), 0) as held,
  coalesce(sum(u.state = 'reserved'), 0) as reserved,
  coalesce(sum(u.state = 'booked'), 0) as booked,
  coalesce(sum(u.state = 'blocked'), 0) as blocked`;

interface SummaryRow extends UnitCounts {
  id: string;
  eventId: string;
  eventTitle: string;
  venueName: string;
  planName: string;
  startsAt: number;
  state: PerformanceSummary['state'];
}

function toSummary(r: SummaryRow): PerformanceSummary {
  return {
    id: r.id,
    eventId: r.eventId,
    eventTitle: r.eventTitle,
    venueName: r.venueName,
    planName: r.planName,
    startsAt: r.startsAt,
    state: r.state,
    counts: {
      capacity: r.capacity,
      available: r.available,
      held: r.held,
      reserved: r.reserved,
      booked: r.booked,
      blocked: r.blocked,
    },
  };
}

const summarySelect = (now: number) => sql`
  select p.id as id, p.event_id as eventId, e.title as eventTitle, v.name as venueName,
         sp.name as planName, p.starts_at as startsAt, p.state as state, ${countsSql(now)}
  from performances p
  join events e on e.id = p.event_id
  join venues v on v.id = p.venue_id
  join seating_plans sp on sp.id = p.plan_id
  left join units u on u.performance_id = p.id`;

export interface ListPerformancesQuery {
  from: number;
  until: number;
  search?: string | undefined;
  now: number;
}

export function listPerformances(records: RecordsDb, q: ListPerformancesQuery): PerformanceSummary[] {
  const search = q.search?.trim() ? `%${q.search.trim().toLowerCase()}%` : null;
  const rows = records.all<SummaryRow>(sql`${summarySelect(q.now)}
    where p.starts_at >= ${q.from} and p.starts_at < ${q.until}
      and (${search} is null or lower(e.title) like ${search})
    group by p.id
    order by p.starts_at, e.title`);
  return rows.map(toSummary);
}

export function getPerformanceSummary(records: RecordsDb, performanceId: string, now: number): PerformanceSummary | null {
  const row = records.get<SummaryRow | undefined>(sql`${summarySelect(now)} where p.id = ${performanceId} group by p.id`);
  return row ? toSummary(row) : null;
}

/** Midnight of the clock's day in the machine's time zone: "today" starts there for the cashier. */
export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
