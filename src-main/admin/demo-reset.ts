import { eq, sql } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { staff, venues } from '../db/records/schema.ts';
import { DEMO_STUDIO, DEMO_THEATRE, demoStaff } from '../demo/demo-catalogue.ts';
import { loadDemo, type LoadDemoResult } from '../demo/load-demo.ts';
import type { Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';



/** Children before parents, so foreign keys hold at every step. Settings and stations stay. */
const WIPED_TABLES = [
  'sale_requests',
  // The report rollups (src-main/db/records/report-tables.ts) sum the sales wiped below.
  'report_sales',
  // The till's rows go with the sales they count (src-main/db/records/shift-tables.ts).
  'ledger_takings',
  'cash_movements',
  'z_reports',
  'receipt_numbers',
  'shifts',
  'units',
  'tickets',
  'payments',
  'orders',
  'reservations',
  'blocks',
  'discount_codes',
  'ledger',
  'audit_log',
  'staff_sessions',
  'staff',
  'price_bands',
  'performances',
  'events',
  'plan_focus',
  'plan_rows',
  'plan_seats',
  'plan_areas',
  'plan_categories',
  'seating_plans',
  'venues',
];

/**
 * Only an installation the demo loader filled (it sets the marker) whose venues and staff are still
 * only the demo's may be wiped: once a venue adds its own people or halls, its records are real.
 */
export function holdsDemoData(records: RecordsDb): boolean {
  if (!readSetting(records, 'demo.loaded')) return false;
  const demoVenues = new Set<string>([DEMO_THEATRE.name, DEMO_STUDIO.name]);
  const demoNames = new Set<string>(demoStaff.map((s) => s.name));
  const venueNames = records.select({ name: venues.name }).from(venues).all().map((v) => v.name);
  const staffNames = records.select({ name: staff.name }).from(staff).all().map((s) => s.name);
  return venueNames.every((n) => demoVenues.has(n)) && staffNames.every((n) => demoNames.has(n));
}

/**
 * Wipes every record and reloads the demo in one transaction; a failure leaves the old data whole.
 * The manager who asked stays signed in at their window as the demo's member of the same name.
 */
/** The demo again, and the id the resetting member has among the new demo staff (null if none). */
export function resetDemo(records: RecordsDb, actor: Actor, options: { now: number; assetsDir: string }): LoadDemoResult & { sameMemberId: string | null } {
  if (!holdsDemoData(records)) {
    throw new MarqueeError('FORBIDDEN', 'This installation holds real box-office data, not the demo, so it cannot be reset; nothing was deleted.');
  }
  const me = records.select({ name: staff.name }).from(staff).where(eq(staff.id, actor.staffId)).get();
  return records.transaction(
    () => {
      // Foreign keys are checked at commit, when the demo's rows are back in place.
      records.run(sql`pragma defer_foreign_keys = on`);
      const present = new Set(records.all<{ name: string }>(sql`select name from sqlite_master where type = 'table'`).map((t) => t.name));
      for (const table of WIPED_TABLES) if (present.has(table)) records.run(sql.raw(`delete from ${table}`));
      const result = loadDemo(records, { now: options.now, assetsDir: options.assetsDir });
      const again = me ? records.select({ id: staff.id }).from(staff).where(eq(staff.name, me.name)).get() : undefined;
      // Every session went with the old staff rows; the caller starts a new one for the same member.
      recordAudit(records, options.now, { ...actor, staffId: again?.id ?? actor.staffId }, 'demo.reset', { performances: result.performances, by: me?.name ?? null });
      return { ...result, sameMemberId: again?.id ?? null };
    },
    { behavior: 'immediate' },
  );
}
