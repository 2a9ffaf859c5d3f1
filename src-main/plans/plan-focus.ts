import { asc, eq, sql } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';
import { planAreas, planFocus, planSeats, seatingPlans } from '../db/records/schema.ts';
import { focusOf, manualFocus, rankSeats, type PlanFocus } from './rank-seats.ts';

/** A saved plan's focus: its stored row, or (a plan imported before focus points were kept) its stage or top centre. */
export function readPlanFocus(records: RecordsDb, planId: string): PlanFocus {
  const stored = records.select().from(planFocus).where(eq(planFocus.planId, planId)).get();
  if (stored) return { x: stored.x, y: stored.y, source: stored.source, areaName: stored.areaName };
  const plan = records.select({ width: seatingPlans.width }).from(seatingPlans).where(eq(seatingPlans.id, planId)).get();
  if (!plan) throw new MarqueeError('NOT_FOUND', `There is no seating plan with id ${planId}.`);
  const areas = records.select().from(planAreas).where(eq(planAreas.planId, planId)).orderBy(asc(planAreas.id)).all();
  return focusOf(areas, plan.width);
}

/**
 * A manager moves where "best" is measured from: every seat of the plan is ranked again, so
 * best-available follows at once on every performance of the plan. One transaction.
 */
export function movePlanFocus(records: RecordsDb, planId: string, point: { x: number; y: number }): PlanFocus {
  // A savepoint inside the caller's transaction when there is one (the handler audits in it).
  return records.transaction((tx) => {
    const plan = tx.select({ width: seatingPlans.width, height: seatingPlans.height }).from(seatingPlans).where(eq(seatingPlans.id, planId)).get();
    if (!plan) throw new MarqueeError('NOT_FOUND', `There is no seating plan with id ${planId}.`);
    const focus = manualFocus(point, plan.width, plan.height);
    // In the order the plan was saved (ids are monotonic), so equal distances rank as on import.
    const seats = tx.select({ id: planSeats.id, x: planSeats.x, y: planSeats.y }).from(planSeats).where(eq(planSeats.planId, planId)).orderBy(asc(planSeats.id)).all();
    const ranks = rankSeats(seats, focus);
    const update = tx.update(planSeats).set({ rank: sql`${sql.placeholder('rank')}` }).where(eq(planSeats.id, sql.placeholder('id'))).prepare();
    seats.forEach((s, i) => update.run({ id: s.id, rank: ranks[i] ?? i }));
    tx.insert(planFocus)
      .values({ planId, x: focus.x, y: focus.y, source: focus.source, areaName: null })
      .onConflictDoUpdate({ target: planFocus.planId, set: { x: focus.x, y: focus.y, source: focus.source, areaName: null } })
      .run();
    return focus;
  });
}
