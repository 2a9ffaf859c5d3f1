import { and, asc, eq } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import { requirePricesToSell } from '../catalog/on-sale-rules.ts';
import type { RecordsDb } from '../db/open.ts';
import { events, performances } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';

export interface EventOnSale {
  /** The performances this call put on sale. */
  putOnSale: string[];
  /** Those that stay off sale, each with the sentence saying which categories lack a price. */
  refused: { performanceId: string; startsAt: number; message: string; unpricedCategories: string[] }[];
}

/**
 * "Put all on sale" for a series made off sale: every off-sale performance of the event that has
 * not started goes on sale in one transaction, under the same rule as one at a time (no sale without
 * a price for every category it sells). A performance lacking prices stays off sale and is named with
 * the rule's own sentence, so the manager sees which categories to price; the rest go ahead.
 */
export function putEventOnSale(records: RecordsDb, actor: Actor, now: number, eventId: string): EventOnSale {
  return records.transaction(
    () => {
      const event = records.select({ title: events.title }).from(events).where(eq(events.id, eventId)).get();
      if (!event) throw new MarqueeError('NOT_FOUND', `There is no event with id ${eventId}.`);
      const waiting = records
        .select({ id: performances.id, planId: performances.planId, startsAt: performances.startsAt })
        .from(performances)
        .where(and(eq(performances.eventId, eventId), eq(performances.state, 'off_sale')))
        .orderBy(asc(performances.startsAt))
        .all()
        .filter((p) => p.startsAt > now);
      const result: EventOnSale = { putOnSale: [], refused: [] };
      for (const p of waiting) {
        try {
          requirePricesToSell(records, eventId, p.planId);
        } catch (error) {
          if (!(error instanceof MarqueeError)) throw error;
          const unpriced = (error.details?.['unpricedCategories'] as string[] | undefined) ?? [];
          result.refused.push({ performanceId: p.id, startsAt: p.startsAt, message: error.message, unpricedCategories: unpriced });
          continue;
        }
        records.update(performances).set({ state: 'on_sale' }).where(eq(performances.id, p.id)).run();
        result.putOnSale.push(p.id);
      }
      if (result.putOnSale.length > 0) {
        recordAudit(records, now, actor, 'event.put-on-sale', { eventId, title: event.title, performances: result.putOnSale.length, performanceIds: result.putOnSale });
      }
      return result;
    },
    { behavior: 'immediate' },
  );
}
