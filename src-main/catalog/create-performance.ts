import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';
import { performances, planAreas, planSeats, seatingPlans, units } from '../db/records/schema.ts';

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
    const rows: (typeof units.$inferInsert)[] = seats.map((s) => ({ performanceId: id, seatId: s.id, category: s.category }));
    for (const area of areas) {
      for (let place = 1; place <= area.capacity; place++) {
        rows.push({ performanceId: id, areaId: area.id, placeNo: place, category: area.category ?? area.name });
      }
    }
    // SQLite caps bound parameters per statement; 500 rows x 4 columns stays well inside it.
    for (let i = 0; i < rows.length; i += 500) tx.insert(units).values(rows.slice(i, i + 500)).run();
    return { id, units: rows.length };
  });
}
