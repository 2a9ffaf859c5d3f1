import type Database from 'better-sqlite3';
import { MarqueeError } from '../../src-shared/errors.ts';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import type { Actor } from '../staff/actor.ts';

/** One prepared lookup per database connection: every sale, refund and exchange asks it. */
const openShiftOwner = new WeakMap<Database.Database, Database.Statement>();

/** The staff member whose shift is open at the window, or undefined when none is. */
function openShiftOwnerAt(records: RecordsDb, stationId: string): string | undefined {
  let statement = openShiftOwner.get(records.$client);
  if (!statement) {
    statement = records.$client.prepare(`SELECT staff_id FROM shifts WHERE station_id = ? AND state = 'open'`).pluck();
    openShiftOwner.set(records.$client, statement);
  }
  return statement.get(stationId) as string | undefined;
}

/** What is being done at the window, for the sentence of a refusal. */
export type TillAction = 'sale' | 'refund' | 'exchange';

const DOING: Record<TillAction, string> = { sale: 'Taking cash', refund: 'Handing cash back', exchange: 'Cash in an exchange' };
const ALWAYS: Record<TillAction, string> = { sale: 'Selling', refund: 'A refund', exchange: 'An exchange' };

/**
 * Whether a sale, refund or exchange may go ahead at this window. The setting `shifts.required`:
 * 'cash' (the default) asks for an open shift only when cash crosses the counter, so a card-only
 * window sells, refunds and exchanges without one; 'always' for every one of them; 'never' switches
 * the rule off. It holds from the installation's very first sale. The shift must be the seller's
 * own; a manager may work at a window whose cashier has a shift open (the money lands in that
 * drawer, as the window's reports count it). Refuses with a sentence, before anything is written.
 */
export function requireShiftFor(records: RecordsDb, actor: Actor, action: TillAction, cashMoves: boolean): void {
  const rule = readSetting(records, 'shifts.required');
  if (rule === 'never' || (rule === 'cash' && !cashMoves)) return;
  const owner = openShiftOwnerAt(records, actor.stationId);
  if (owner === undefined) {
    throw new MarqueeError(
      'CONFLICT',
      rule === 'cash'
        ? `${DOING[action]} needs a shift open at this window: open one with a float first (card can go ahead without).`
        : `${ALWAYS[action]} needs a shift open at this window: open one with a float first.`,
      { problem: 'no-shift' },
    );
  }
  if (owner !== actor.staffId && actor.role === 'cashier') {
    throw new MarqueeError('CONFLICT', "The shift open at this window is another cashier's; hand it over (close it with the drawer counted) first.", { problem: 'not-your-shift' });
  }
}

/** A sale: cash moves when any payment is in cash. */
export function requireShiftForSale(records: RecordsDb, actor: Actor, methods: readonly string[]): void {
  requireShiftFor(records, actor, 'sale', methods.includes('cash'));
}
