import { asc, desc, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { seatLabel } from '../catalog/seat-map.ts';
import type { RecordsDb } from '../db/open.ts';
import { blocks, planCategories, planSeats, units, venues } from '../db/records/schema.ts';
import { parsePlan, summarisePlan } from '../plans/import-plan.ts';
import type { Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';

export function createVenue(records: RecordsDb, actor: Actor, now: number, input: { name: string; address: string }) {
  const id = ulid();
  records.transaction(
    () => {
      records.insert(venues).values({ id, name: input.name, address: input.address }).run();
      recordAudit(records, now, actor, 'venue.created', { venueId: id, name: input.name });
    },
    { behavior: 'immediate' },
  );
  return { id, name: input.name, address: input.address };
}

/** The same parsers as the import, so what the manager sees is exactly what would be saved. */
export function previewSeatingPlan(input: { format: 'pretix' | 'csv'; fileName: string; content: string }) {
  const plan = parsePlan(input.format, input.fileName, input.content);
  const summary = summarisePlan('preview', plan);
  return {
    width: plan.width,
    height: plan.height,
    categories: plan.categories,
    seats: plan.seats.map((s) => ({ label: seatLabel(s.zone, s.row, s.number), x: s.x, y: s.y, radius: s.radius, category: s.category })),
    areas: plan.areas.map((a) => ({ name: a.name, x: a.x, y: a.y, width: a.width, height: a.height, shape: a.shape, color: a.color, capacity: a.capacity })),
    zones: summary.zones,
    generalAdmissionPlaces: summary.generalAdmissionPlaces,
    focus: summary.focus,
  };
}

export function listPlanCategories(records: RecordsDb, planId: string) {
  return records
    .select({
      name: planCategories.name,
      color: planCategories.color,
      seats: sql<number>`(select count(*) from plan_seats s where s.plan_id = "plan_categories"."plan_id" and s.category = "plan_categories"."name")`.mapWith(Number),
    })
    .from(planCategories)
    .where(eq(planCategories.planId, planId))
    .orderBy(asc(planCategories.name))
    .all();
}

export function listBlocks(records: RecordsDb, performanceId: string) {
  const rows = records.select().from(blocks).where(eq(blocks.performanceId, performanceId)).orderBy(asc(blocks.state), desc(blocks.createdAt)).all();
  return rows.map((b) => {
    const seats = records
      .select({ zone: planSeats.zone, row: planSeats.row, number: planSeats.number, placeNo: units.placeNo })
      .from(units)
      .leftJoin(planSeats, eq(planSeats.id, units.seatId))
      .where(eq(units.blockId, b.id))
      .all();
    return {
      id: b.id,
      name: b.name,
      releaseAt: b.releaseAt,
      state: b.state,
      seats: seats.length,
      labels: seats.map((s) => (s.zone !== null ? seatLabel(s.zone, s.row ?? '', s.number ?? '') : `Place ${s.placeNo ?? ''}`)),
      createdAt: b.createdAt,
    };
  });
}
