import { and, asc, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';
import { discountCodes, events, priceBands } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';

export interface PriceBandInput {
  name: string;
  category: string | null;
  priceMinor: number;
  taxRateBp: number;
  taxIncluded: boolean;
}

const columns = {
  id: priceBands.id,
  eventId: priceBands.eventId,
  name: priceBands.name,
  category: priceBands.category,
  priceMinor: priceBands.priceMinor,
  taxRateBp: priceBands.taxRateBp,
  taxIncluded: priceBands.taxIncluded,
  sortOrder: priceBands.sortOrder,
  ticketsSold: sql<number>`(select count(*) from tickets t where t.price_band_id = "price_bands"."id")`.mapWith(Number),
};

export function listEventPriceBands(records: RecordsDb, eventId: string) {
  return records.select(columns).from(priceBands).where(eq(priceBands.eventId, eventId)).orderBy(asc(priceBands.sortOrder), asc(priceBands.name)).all();
}

function getBand(records: RecordsDb, id: string) {
  const row = records.select(columns).from(priceBands).where(eq(priceBands.id, id)).get();
  if (!row) throw new MarqueeError('NOT_FOUND', `There is no price band with id ${id}.`);
  return row;
}

/**
 * Bands are edited only while unsold: a sold ticket's receipt, refunds and reports all point at
 * its band, so changing a sold band would rewrite what customers already paid for.
 */
export function savePriceBand(records: RecordsDb, actor: Actor, now: number, eventId: string, id: string | undefined, band: PriceBandInput) {
  const bandId = records.transaction(
    () => {
      const event = records.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get();
      if (!event) throw new MarqueeError('NOT_FOUND', `There is no event with id ${eventId}.`);
      const clash = records
        .select({ id: priceBands.id })
        .from(priceBands)
        .where(and(eq(priceBands.eventId, eventId), eq(priceBands.name, band.name), band.category === null ? sql`${priceBands.category} is null` : eq(priceBands.category, band.category)))
        .get();
      if (clash && clash.id !== id) {
        throw new MarqueeError('CONFLICT', `This event already has a "${band.name}" price for ${band.category ?? 'every category'}.`);
      }
      if (id === undefined) {
        const newId = ulid();
        const next = records.get<{ n: number | null }>(sql`select max(sort_order) as n from price_bands where event_id = ${eventId}`).n;
        records.insert(priceBands).values({ id: newId, eventId, ...band, sortOrder: (next ?? -1) + 1 }).run();
        recordAudit(records, now, actor, 'price-band.created', { eventId, priceBandId: newId, ...band });
        return newId;
      }
      const existing = getBand(records, id);
      if (existing.eventId !== eventId) throw new MarqueeError('BAD_INPUT', 'That price band belongs to another event.');
      if (existing.ticketsSold > 0) {
        throw new MarqueeError('CONFLICT', `"${existing.name}" has sold ${existing.ticketsSold} ticket(s) and can no longer be changed; add a new price band instead.`);
      }
      records.update(priceBands).set(band).where(eq(priceBands.id, id)).run();
      recordAudit(records, now, actor, 'price-band.edited', { eventId, priceBandId: id, ...band });
      return id;
    },
    { behavior: 'immediate' },
  );
  return getBand(records, bandId);
}

export function removePriceBand(records: RecordsDb, actor: Actor, now: number, id: string): void {
  records.transaction(
    () => {
      const existing = getBand(records, id);
      if (existing.ticketsSold > 0) {
        throw new MarqueeError('CONFLICT', `"${existing.name}" has sold ${existing.ticketsSold} ticket(s) and cannot be removed.`);
      }
      records.delete(priceBands).where(eq(priceBands.id, id)).run();
      recordAudit(records, now, actor, 'price-band.removed', { eventId: existing.eventId, priceBandId: id, name: existing.name, category: existing.category });
    },
    { behavior: 'immediate' },
  );
}

export function listDiscountCodes(records: RecordsDb) {
  return records.select().from(discountCodes).orderBy(sql`${discountCodes.active} desc`, asc(discountCodes.code)).all();
}

export function deactivateDiscountCode(records: RecordsDb, actor: Actor, now: number, id: string) {
  return records.transaction(
    () => {
      const row = records.select().from(discountCodes).where(eq(discountCodes.id, id)).get();
      if (!row) throw new MarqueeError('NOT_FOUND', `There is no discount code with id ${id}.`);
      if (row.active === 0) throw new MarqueeError('CONFLICT', `The code ${row.code} is already switched off.`);
      records.update(discountCodes).set({ active: 0 }).where(eq(discountCodes.id, id)).run();
      recordAudit(records, now, actor, 'discount-code.deactivated', { discountCodeId: id, code: row.code });
      return { ...row, active: 0 };
    },
    { behavior: 'immediate' },
  );
}
