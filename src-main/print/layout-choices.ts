import { asc, eq } from 'drizzle-orm';
import type { DefaultLayouts } from '../../src-shared/contract/printing.ts';
import type { LayoutChoices } from '../../src-shared/contract/layouts.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { events, priceBands } from '../db/records/schema.ts';
import type { LayoutKind, LayoutLibrary } from './render/index.ts';

/** The layout kind each printer default must be: a report printer's default prints cash-ups. */
const kindForDefault: Record<keyof DefaultLayouts, LayoutKind> = {
  ticket: 'ticket',
  receipt: 'receipt',
  reservation: 'reservation',
  report: 'cash-up',
};

/** Refuses a layout that does not exist or prints another kind of document than `kind`. */
function requireLayoutOfKind(layouts: LayoutLibrary, layoutId: string, kind: LayoutKind, forWhat: string): void {
  const info = layouts.list().find((l) => l.id === layoutId);
  if (!info) throw new MarqueeError('NOT_FOUND', `There is no layout called '${layoutId}'.`);
  if (info.kind !== kind) {
    throw new MarqueeError('BAD_INPUT', `The layout '${info.name}' prints a ${info.kind}; ${forWhat} needs a ${kind} layout.`);
  }
}

export function checkDefaultLayouts(layouts: LayoutLibrary, defaults: DefaultLayouts): void {
  for (const [slot, layoutId] of Object.entries(defaults) as [keyof DefaultLayouts, string | undefined][]) {
    if (layoutId) requireLayoutOfKind(layouts, layoutId, kindForDefault[slot], `the printer's default for ${slot === 'report' ? 'reports' : `${slot}s`}`);
  }
}

export function listLayoutChoices(office: BoxOffice): LayoutChoices {
  const eventRows = office.records
    .select({ id: events.id, title: events.title, layoutId: events.layoutId })
    .from(events)
    .orderBy(asc(events.title))
    .all();
  const bandRows = office.records
    .select({ id: priceBands.id, eventId: priceBands.eventId, name: priceBands.name, category: priceBands.category, layoutId: priceBands.layoutId })
    .from(priceBands)
    .orderBy(asc(priceBands.category), asc(priceBands.sortOrder), asc(priceBands.name))
    .all();
  return {
    events: eventRows.map((e) => ({
      ...e,
      priceBands: bandRows.filter((b) => b.eventId === e.id).map(({ id, name, category, layoutId }) => ({ id, name, category, layoutId })),
    })),
  };
}

export function setEventLayout(office: BoxOffice, layouts: LayoutLibrary, eventId: string, layoutId: string | null): { eventId: string; layoutId: string | null } {
  if (layoutId !== null) requireLayoutOfKind(layouts, layoutId, 'ticket', "an event's tickets");
  const row = office.records.update(events).set({ layoutId }).where(eq(events.id, eventId)).returning({ id: events.id }).get();
  if (!row) throw new MarqueeError('NOT_FOUND', `There is no event with id ${eventId}.`);
  return { eventId, layoutId };
}

export function setPriceBandLayout(office: BoxOffice, layouts: LayoutLibrary, priceBandId: string, layoutId: string | null): { priceBandId: string; layoutId: string | null } {
  if (layoutId !== null) requireLayoutOfKind(layouts, layoutId, 'ticket', "a price band's tickets");
  const row = office.records.update(priceBands).set({ layoutId }).where(eq(priceBands.id, priceBandId)).returning({ id: priceBands.id }).get();
  if (!row) throw new MarqueeError('NOT_FOUND', `There is no price band with id ${priceBandId}.`);
  return { priceBandId, layoutId };
}
