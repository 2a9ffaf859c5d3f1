import type Database from 'better-sqlite3';
import type { ReportOptions } from '../../src-shared/contract/reports.ts';

/** What the report filters offer; every staff member is listed, since past cashiers still have figures. */
export function reportOptions(db: Database.Database): ReportOptions {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  return {
    events: all(`SELECT id, title AS name FROM events ORDER BY title, id`),
    performances: all(
      `SELECT p.id AS id, p.event_id AS eventId, e.title AS eventName, p.venue_id AS venueId, p.starts_at AS startsAt
       FROM performances p JOIN events e ON e.id = p.event_id ORDER BY p.starts_at DESC, p.id`,
    ),
    venues: all(`SELECT id, name FROM venues ORDER BY name, id`),
    windows: all(`SELECT id, name FROM stations ORDER BY name, id`),
    cashiers: all(`SELECT id, name FROM staff ORDER BY name, id`),
  };
}
