import { and, asc, eq, sql } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import { requirePricesToSell } from '../catalog/on-sale-rules.ts';
import type { RecordsDb } from '../db/open.ts';
import { orders, performances, reservations, seatingPlans, venues } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';

export type PerformanceState = 'on_sale' | 'off_sale' | 'cancelled';

export interface AdminPerformance {
  id: string;
  eventId: string;
  venueName: string;
  planId: string;
  planName: string;
  startsAt: number;
  onSaleFrom: number | null;
  onSaleUntil: number | null;
  state: PerformanceState;
  sold: number;
  capacity: number;
}

const columns = {
  id: performances.id,
  eventId: performances.eventId,
  venueName: venues.name,
  planId: performances.planId,
  planName: seatingPlans.name,
  startsAt: performances.startsAt,
  onSaleFrom: performances.onSaleFrom,
  onSaleUntil: performances.onSaleUntil,
  state: performances.state,
  sold: sql<number>`(select count(*) from units u where u.performance_id = "performances"."id" and u.state = 'booked')`.mapWith(Number),
  capacity: sql<number>`(select count(*) from units u where u.performance_id = "performances"."id")`.mapWith(Number),
};

function selectPerformances(records: RecordsDb) {
  return records
    .select(columns)
    .from(performances)
    .innerJoin(venues, eq(venues.id, performances.venueId))
    .innerJoin(seatingPlans, eq(seatingPlans.id, performances.planId));
}

export function listEventPerformances(records: RecordsDb, eventId: string): AdminPerformance[] {
  return selectPerformances(records).where(eq(performances.eventId, eventId)).orderBy(asc(performances.startsAt), asc(performances.id)).all();
}

export function getAdminPerformance(records: RecordsDb, performanceId: string): AdminPerformance {
  const row = selectPerformances(records).where(eq(performances.id, performanceId)).get();
  if (!row) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${performanceId}.`);
  return row;
}

export interface CancellationImpact {
  orders: { id: string; customerName: string | null; tickets: number; totalMinor: number; refundedMinor: number; state: string }[];
  reservations: { id: string; reference: string; customerName: string; seats: number }[];
}

/** What a cancelled performance leaves behind: paid orders to refund or move and reservations to tell. */
export function performanceImpact(records: RecordsDb, performanceId: string): CancellationImpact {
  const orderRows = records
    .select({
      id: orders.id,
      customerName: orders.customerName,
      tickets: sql<number>`(select count(*) from tickets t where t.order_id = "orders"."id" and t.state = 'valid')`.mapWith(Number),
      totalMinor: orders.totalMinor,
      refundedMinor: orders.refundedMinor,
      state: orders.state,
    })
    .from(orders)
    .where(and(eq(orders.performanceId, performanceId), sql`${orders.state} <> 'refunded'`))
    .orderBy(asc(orders.createdAt))
    .all()
    .filter((o) => o.tickets > 0);
  const reservationRows = records
    .select({
      id: reservations.id,
      reference: reservations.reference,
      customerName: reservations.customerName,
      seats: sql<number>`(select count(*) from units u where u.reservation_id = "reservations"."id" and u.state = 'reserved')`.mapWith(Number),
    })
    .from(reservations)
    .where(and(eq(reservations.performanceId, performanceId), eq(reservations.state, 'active')))
    .orderBy(asc(reservations.createdAt))
    .all();
  return { orders: orderRows, reservations: reservationRows };
}

export interface PerformanceChanges {
  startsAt?: number | undefined;
  onSaleFrom?: number | null | undefined;
  onSaleUntil?: number | null | undefined;
  state?: PerformanceState | undefined;
}

/**
 * Edits a performance. Cancelling does not refund anyone by itself: money goes back through the
 * refund and exchange procedures, so the answer lists the orders and reservations still to deal with.
 */
export function updatePerformance(
  records: RecordsDb,
  actor: Actor,
  now: number,
  performanceId: string,
  changes: PerformanceChanges,
): { performance: AdminPerformance; toResolve: CancellationImpact } {
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as PerformanceChanges;
  if (Object.keys(set).length === 0) throw new MarqueeError('BAD_INPUT', 'Nothing to change: give a new start, on-sale window or state.');
  records.transaction(
    () => {
      const before = records.select().from(performances).where(eq(performances.id, performanceId)).get();
      if (!before) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${performanceId}.`);
      const from = set.onSaleFrom !== undefined ? set.onSaleFrom : before.onSaleFrom;
      const until = set.onSaleUntil !== undefined ? set.onSaleUntil : before.onSaleUntil;
      if (from !== null && until !== null && until <= from) {
        throw new MarqueeError('BAD_INPUT', 'The on-sale window closes before it opens; the "until" time must be after the "from" time.');
      }
      if (set.state === 'on_sale' && before.state !== 'on_sale') requirePricesToSell(records, before.eventId, before.planId);
      records.update(performances).set(set).where(eq(performances.id, performanceId)).run();
      const action = set.state === 'cancelled' && before.state !== 'cancelled' ? 'performance.cancelled' : 'performance.edited';
      recordAudit(records, now, actor, action, { performanceId, before: pick(before, set), after: set });
    },
    { behavior: 'immediate' },
  );
  const performance = getAdminPerformance(records, performanceId);
  return { performance, toResolve: performance.state === 'cancelled' ? performanceImpact(records, performanceId) : { orders: [], reservations: [] } };
}

function pick(row: Record<string, unknown>, keys: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, row[k]]));
}

