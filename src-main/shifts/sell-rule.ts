import type Database from 'better-sqlite3';
import { MarqueeError } from '../../src-shared/errors.ts';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import type { Actor } from '../staff/actor.ts';

/** One prepared lookup per database connection: a sale asks it on every cash payment. */
const openShiftOwner = new WeakMap<Database.Database, Database.Statement>();

/** The owner of the window's open shift (null: none), and whether the installation has ever opened a shift. */
function openShiftOf(records: RecordsDb, stationId: string): { owner: string | null; tillInUse: number } {
  let statement = openShiftOwner.get(records.$client);
  if (!statement) {
    statement = records.$client.prepare(
      `SELECT (SELECT staff_id FROM shifts WHERE station_id = ? AND state = 'open') AS owner, EXISTS (SELECT 1 FROM shifts) AS tillInUse`,
    );
    openShiftOwner.set(records.$client, statement);
  }
  return statement.get(stationId) as { owner: string | null; tillInUse: number };
}

/**
 * Whether this sale may go ahead at this window. The setting `shifts.required`: 'cash' (the default)
 * asks for the seller's open shift only when cash is taken, so a card-only window sells without one;
 * 'always' for every sale; 'never' switches the rule off. It holds from the installation's first shift on.
 * Refuses with a sentence, before anything is written.
 */
export function requireShiftForSale(records: RecordsDb, actor: Actor, methods: readonly string[]): void {
  const rule = readSetting(records, 'shifts.required');
  if (rule === 'never' || (rule === 'cash' && !methods.includes('cash'))) return;
  const { owner, tillInUse } = openShiftOf(records, actor.stationId);
  // An installation that has never opened a shift (one just updated to this version) keeps selling
  // as before; from its first shift on, the rule holds at every window.
  if (!tillInUse) return;
  if (owner === null) {
    throw new MarqueeError(
      'CONFLICT',
      rule === 'cash' ? 'Taking cash needs a shift open at this window: open one with a float first (card sales can go ahead without).' : 'Selling needs a shift open at this window: open one with a float first.',
      { problem: 'no-shift' },
    );
  }
  if (owner !== actor.staffId) {
    throw new MarqueeError('CONFLICT', "The shift open at this window is another cashier's; hand it over (close it with the drawer counted) before selling.", { problem: 'not-your-shift' });
  }
}
