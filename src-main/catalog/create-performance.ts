import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';
import { performances, planAreas, planSeats, seatingPlans } from '../db/records/schema.ts';

export interface NewPerformance {
  eventId: string;
  planId: string;
  startsAt: number;
  onSaleFrom?: number | null;
  onSaleUntil?: number | null;
  state?: 'on_sale' | 'off_sale' | 'cancelled';
  id?: string;
}

/**
 * A performance and its whole inventory in one transaction: a unit per seat of the plan and per
 * place of each general-admission area, so selling never has to invent rows later.
 */
export function createPerformance(records: RecordsDb, input: NewPerformance): { id: string; units: number } {
  return records.transaction((tx) => {
    const plan = tx.select().from(seatingPlans).where(eq(seatingPlans.id, input.planId)).get();
    if (!plan) throw new MarqueeError('NOT_FOUND', `There is no seating plan with id ${input.planId}.`);
    const id = input.id ?? ulid();
    tx.insert(performances)
      .values({
        id,
        eventId: input.eventId,
        venueId: plan.venueId,
        planId: plan.id,
        startsAt: input.startsAt,
        onSaleFrom: input.onSaleFrom ?? null,
        onSaleUntil: input.onSaleUntil ?? null,
        state: input.state ?? 'on_sale',
      })
      .run();
    const seats = tx.select({ id: planSeats.id, category: planSeats.category }).from(planSeats).where(eq(planSeats.planId, plan.id)).all();
    const areas = tx.select().from(planAreas).where(eq(planAreas.planId, plan.id)).all();
    // A prepared single-row insert reused for every place is several times faster than building
    // multi-row inserts, and a run of performances creates tens of thousands of units.
    const insertUnit = records.$client.prepare(
      'insert into units (performance_id, seat_id, area_id, place_no, category) values (?, ?, ?, ?, ?)',
    );
    let count = 0;
    for (const s of seats) {
      insertUnit.run(id, s.id, null, null, s.category);
      count++;
    }
    for (const area of areas) {
      for (let place = 1; place <= area.capacity; place++) {
        insertUnit.run(id, null, area.id, place, area.category ?? area.name);
        count++;
      }
    }
    return { id, units: count };
  });
}
