import { asc, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';
import { events } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';

export interface EventInput {
  title: string;
  description: string;
  durationMinutes: number;
  ageRating: string;
  layoutId: string | null;
}

export interface EventDetails extends EventInput {
  id: string;
  performances: number;
}

// Columns are written out in full: drizzle prints a one-table select's columns unqualified, which a
// correlated subquery would read as its own table's.
const performanceCount = sql<number>`(select count(*) from performances p where p.event_id = "events"."id")`.mapWith(Number);

const detailsColumns = {
  id: events.id,
  title: events.title,
  description: events.description,
  durationMinutes: events.durationMinutes,
  ageRating: events.ageRating,
  layoutId: events.layoutId,
  performances: performanceCount,
};

export function listEvents(records: RecordsDb): EventDetails[] {
  return records.select(detailsColumns).from(events).orderBy(asc(events.title), asc(events.id)).all();
}

export function getEvent(records: RecordsDb, id: string): EventDetails {
  const row = records.select(detailsColumns).from(events).where(eq(events.id, id)).get();
  if (!row) throw new MarqueeError('NOT_FOUND', `There is no event with id ${id}.`);
  return row;
}

/** Creates the event, or edits it when `id` is given; the audit row records what it became. */
export function saveEvent(records: RecordsDb, actor: Actor, now: number, id: string | undefined, input: EventInput): EventDetails {
  const eventId = records.transaction(
    () => {
      if (id === undefined) {
        const newId = ulid();
        records.insert(events).values({ id: newId, ...input }).run();
        recordAudit(records, now, actor, 'event.created', { eventId: newId, title: input.title });
        return newId;
      }
      const changed = records.update(events).set(input).where(eq(events.id, id)).run();
      if (changed.changes === 0) throw new MarqueeError('NOT_FOUND', `There is no event with id ${id} to edit.`);
      recordAudit(records, now, actor, 'event.edited', { eventId: id, ...input });
      return id;
    },
    { behavior: 'immediate' },
  );
  return getEvent(records, eventId);
}
