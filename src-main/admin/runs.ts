import { eq } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import { createPerformance } from '../catalog/create-performance.ts';
import { requirePricesToSell } from '../catalog/on-sale-rules.ts';
import type { RecordsDb } from '../db/open.ts';
import { events, seatingPlans } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';
import { datesBetween, isValidTimeZone, zonedInstant } from './zoned-time.ts';

export interface RunSlot {
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** HH:MM on the venue's wall clock. */
  time: string;
}

export interface RunPlan {
  firstDate: string;
  lastDate: string;
  slots: RunSlot[];
  timeZone: string;
}

/** A run bigger than this is almost certainly a typo in the dates. */
export const MAX_RUN_PERFORMANCES = 500;

/**
 * The start instants of a run: every date in the range whose weekday a slot names, at that slot's
 * local time. Each date is converted on its own so a run across a clock change keeps its wall time.
 */
export function planRun(plan: RunPlan): number[] {
  if (!isValidTimeZone(plan.timeZone)) throw new MarqueeError('BAD_INPUT', `'${plan.timeZone}' is not a time zone this computer knows.`);
  if (plan.lastDate < plan.firstDate) throw new MarqueeError('BAD_INPUT', `The run ends (${plan.lastDate}) before it starts (${plan.firstDate}).`);
  const days = datesBetween(plan.firstDate, plan.lastDate);
  if (days.length > 366) throw new MarqueeError('BAD_INPUT', 'A run can cover at most a year; split it into shorter runs.');
  const starts = new Set<number>();
  for (const day of days) {
    for (const slot of plan.slots) {
      if (slot.weekdays.includes(day.weekday)) starts.add(zonedInstant(day.date, slot.time, plan.timeZone));
    }
  }
  const sorted = [...starts].sort((a, b) => a - b);
  if (sorted.length === 0) throw new MarqueeError('BAD_INPUT', 'None of the chosen weekdays falls between those dates, so the run would have no performances.');
  if (sorted.length > MAX_RUN_PERFORMANCES) {
    throw new MarqueeError('BAD_INPUT', `That run would create ${sorted.length} performances; at most ${MAX_RUN_PERFORMANCES} can be created at once.`);
  }
  return sorted;
}

export interface RunInput extends RunPlan {
  eventId: string;
  planId: string;
  onSaleFrom: number | null;
  state: 'on_sale' | 'off_sale';
}

/** Every performance of the run with its inventory, or none of them. */
export function createRun(records: RecordsDb, actor: Actor, now: number, input: RunInput): { performanceIds: string[]; startsAt: number[] } {
  const startsAt = planRun(input);
  return records.transaction(
    () => {
      const event = records.select({ id: events.id, title: events.title }).from(events).where(eq(events.id, input.eventId)).get();
      if (!event) throw new MarqueeError('NOT_FOUND', `There is no event with id ${input.eventId}.`);
      const plan = records.select({ id: seatingPlans.id }).from(seatingPlans).where(eq(seatingPlans.id, input.planId)).get();
      if (!plan) throw new MarqueeError('NOT_FOUND', `There is no seating plan with id ${input.planId}.`);
      if (input.state === 'on_sale') requirePricesToSell(records, input.eventId, input.planId);
      const performanceIds = startsAt.map(
        (at) => createPerformance(records, { eventId: input.eventId, planId: input.planId, startsAt: at, onSaleFrom: input.onSaleFrom, state: input.state }).id,
      );
      recordAudit(records, now, actor, 'performance.run-created', {
        eventId: input.eventId,
        title: event.title,
        performances: performanceIds.length,
        firstDate: input.firstDate,
        lastDate: input.lastDate,
        slots: input.slots,
        timeZone: input.timeZone,
      });
      return { performanceIds, startsAt };
    },
    { behavior: 'immediate' },
  );
}
