import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import { createPerformance } from '../catalog/create-performance.ts';
import { settingDefault } from '../../src-shared/settings-registry.ts';
import { writeSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { events, priceBands, staff, venues } from '../db/records/schema.ts';
import { sourceAssetsDir } from '../paths.ts';
import { importSeatingPlan } from '../plans/import-plan.ts';
import { hashPin, hashPinAsync, type PinHash } from '../staff/pin.ts';
import { DEMO_STUDIO, DEMO_THEATRE, DEMO_VAT_BP, demoBandNames, demoShows, demoStaff, type DemoVenue } from './demo-catalogue.ts';
import { demoSchedule } from './demo-schedule.ts';

export interface LoadDemoOptions {
  now: number;
  /** Where assets/demo lives; differs once packaged (resources/assets). */
  assetsDir?: string;
  /** The demo staff's PINs already hashed, in demoStaff's order (loadDemoAsync does it off the main thread). */
  hashedPins?: readonly PinHash[];
}

export interface LoadDemoResult {
  performances: number;
  /** Numbered seats across the demo plans (general-admission places not included). */
  seats: number;
}

/**
 * Fills an empty records database with a theatre, a studio, a week of three shows, prices and
 * staff, in one transaction. The theatre's plan goes through the same importer as a user's file.
 */
export function loadDemo(records: RecordsDb, options: LoadDemoOptions): LoadDemoResult {
  // Checked again inside the transaction; this early look only spares the PIN hashing.
  refuseIfNotEmpty(records);
  const demoDir = join(options.assetsDir ?? sourceAssetsDir, 'demo');
  const theatreFile = readFileSync(join(demoDir, DEMO_THEATRE.planFile), 'utf8');
  const studioFile = readFileSync(join(demoDir, DEMO_STUDIO.planFile), 'utf8');
  // scrypt is slow on purpose; hash before the write lock is taken.
  const staffRows = demoStaff.map((s, i) => ({ id: ulid(), name: s.name, role: s.role, ...pinColumns(options.hashedPins?.[i] ?? hashPin(s.pin)) }));

  return records.transaction(() => {
    refuseIfNotEmpty(records);

    const venueIds: Record<DemoVenue, string> = { theatre: ulid(), studio: ulid() };
    records
      .insert(venues)
      .values([
        { id: venueIds.theatre, name: DEMO_THEATRE.name, address: DEMO_THEATRE.address },
        { id: venueIds.studio, name: DEMO_STUDIO.name, address: DEMO_STUDIO.address },
      ])
      .run();
    const theatre = importSeatingPlan(records, { venueId: venueIds.theatre, name: DEMO_THEATRE.planName, format: 'pretix', fileName: DEMO_THEATRE.planFile, content: theatreFile });
    const studio = importSeatingPlan(records, { venueId: venueIds.studio, name: DEMO_STUDIO.planName, format: 'csv', fileName: DEMO_STUDIO.planFile, content: studioFile });
    const planIds: Record<DemoVenue, string> = { theatre: theatre.planId, studio: studio.planId };

    const eventIds = new Map<string, string>();
    for (const show of demoShows) {
      const eventId = ulid();
      eventIds.set(show.key, eventId);
      records.insert(events).values({ id: eventId, title: show.title, description: show.description, durationMinutes: show.durationMinutes, ageRating: show.ageRating }).run();
      const bands = Object.entries(show.prices).flatMap(([category, p], ci) =>
        demoBandNames.map((name, bi) => ({
          id: ulid(),
          eventId,
          name,
          category,
          priceMinor: name === 'Adult' ? p.adult : name === 'Concession' ? p.concession : name === 'Child' ? p.child : 0,
          taxRateBp: DEMO_VAT_BP,
          taxIncluded: true,
          sortOrder: ci * demoBandNames.length + bi,
        })),
      );
      records.insert(priceBands).values(bands).run();
    }

    const schedule = demoSchedule(options.now);
    for (const p of schedule) {
      const show = demoShows.find((s) => s.key === p.show)!;
      createPerformance(records, { eventId: eventIds.get(show.key)!, planId: planIds[show.venue], startsAt: p.startsAt, onSaleFrom: null, onSaleUntil: null });
    }

    records.insert(staff).values(staffRows).run();
    writeSetting(records, 'venue.name', DEMO_THEATRE.name);
    // The demo theatre sells in the registry's default currency (pounds).
    writeSetting(records, 'currency', settingDefault('currency'));
    // The marker: a demo reset can never wipe a real box office's records.
    writeSetting(records, 'demo.loaded', true);
    return { performances: schedule.length, seats: theatre.seats + studio.seats };
  });
}

/**
 * A fresh installation: no staff, no venues, no performances. Only there may the demo (whose
 * manager PIN is printed in the README) be loaded, so no real installation ever gets that account.
 */
export function isFreshInstallation(records: RecordsDb): boolean {
  return whatExists(records).length === 0;
}

function whatExists(records: RecordsDb): string[] {
  const n = records.get<{ staff: number; venues: number; performances: number }>(
    sql`select (select count(*) from staff) as staff, (select count(*) from venues) as venues, (select count(*) from performances) as performances`,
  );
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [
    n.staff ? plural(n.staff, 'staff member') : null,
    n.venues ? plural(n.venues, 'venue') : null,
    n.performances ? plural(n.performances, 'performance') : null,
  ].filter((x): x is string => x !== null);
}

function refuseIfNotEmpty(records: RecordsDb): void {
  const existing = whatExists(records);
  if (existing.length > 0) {
    throw new MarqueeError('CONFLICT', `The demo can only be loaded into a new, empty box office; this one already has ${existing.join(', ')}.`);
  }
}

function pinColumns({ hash, salt }: PinHash): { pinHash: string; pinSalt: string } {
  return { pinHash: hash, pinSalt: salt };
}

/**
 * loadDemo for a request: the demo staff's PINs are hashed off the main thread (pin.ts's queue)
 * first. A demo reset and the command line keep the synchronous loadDemo: the reset reloads inside
 * one transaction, and the command line runs before any window is served.
 */
export async function loadDemoAsync(records: RecordsDb, options: LoadDemoOptions): Promise<LoadDemoResult> {
  refuseIfNotEmpty(records);
  const hashedPins: PinHash[] = [];
  for (const member of demoStaff) hashedPins.push(await hashPinAsync(member.pin));
  return loadDemo(records, { ...options, hashedPins });
}
