import { asc, count, eq } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';
import { planSeats, seatingPlans, venues } from '../db/records/schema.ts';
import { parseCsvPlan } from './parse-csv.ts';
import { parsePretixPlan } from './parse-pretix.ts';
import type { ParsedPlan } from './plan-model.ts';
import { focusOf, manualFocus, type PlanFocus } from './rank-seats.ts';
import { savePlan } from './save-plan.ts';

export interface ImportPlanInput {
  venueId: string;
  name: string;
  format: 'pretix' | 'csv';
  fileName: string;
  content: string;
  /** Where "best" is measured from, when the manager moved it in the preview; else the stage or pitch. */
  focus?: { x: number; y: number } | undefined;
}

export interface ImportPlanResult {
  planId: string;
  seats: number;
  zones: string[];
  categories: string[];
  generalAdmissionPlaces: number;
  focus: PlanFocus;
}

export function parsePlan(format: 'pretix' | 'csv', fileName: string, content: string): ParsedPlan {
  return format === 'pretix' ? parsePretixPlan(fileName, content) : parseCsvPlan(fileName, content);
}

export function summarisePlan(planId: string, plan: ParsedPlan, focus: PlanFocus = focusOf(plan.areas, plan.width)): ImportPlanResult {
  return {
    planId,
    seats: plan.seats.length,
    zones: [...new Set(plan.seats.map((s) => s.zone))],
    categories: plan.categories.map((c) => c.name),
    generalAdmissionPlaces: plan.areas.reduce((n, a) => n + a.capacity, 0),
    focus,
  };
}

/** The whole file is validated before the first row is written; a bad file writes nothing. */
export function importSeatingPlan(records: RecordsDb, input: ImportPlanInput): ImportPlanResult {
  const plan = parsePlan(input.format, input.fileName, input.content);
  const venue = records.select({ id: venues.id }).from(venues).where(eq(venues.id, input.venueId)).get();
  if (!venue) throw new MarqueeError('NOT_FOUND', `There is no venue with id ${input.venueId}; create the venue before importing its plan.`);
  const focus = input.focus ? manualFocus(input.focus, plan.width, plan.height) : focusOf(plan.areas, plan.width);
  const planId = savePlan(records, { venueId: input.venueId, name: input.name, source: input.format, fileName: input.fileName }, plan, focus);
  return summarisePlan(planId, plan, focus);
}

export interface VenueWithPlans {
  id: string;
  name: string;
  plans: { id: string; name: string; seats: number }[];
}

export function listVenuesWithPlans(records: RecordsDb): VenueWithPlans[] {
  const venueRows = records.select({ id: venues.id, name: venues.name }).from(venues).orderBy(asc(venues.name), asc(venues.id)).all();
  const planRows = records
    .select({ id: seatingPlans.id, venueId: seatingPlans.venueId, name: seatingPlans.name, seats: count(planSeats.id) })
    .from(seatingPlans)
    .leftJoin(planSeats, eq(planSeats.planId, seatingPlans.id))
    .groupBy(seatingPlans.id)
    .orderBy(asc(seatingPlans.createdAt), asc(seatingPlans.id))
    .all();
  return venueRows.map((v) => ({
    id: v.id,
    name: v.name,
    plans: planRows.filter((p) => p.venueId === v.id).map((p) => ({ id: p.id, name: p.name, seats: p.seats })),
  }));
}
