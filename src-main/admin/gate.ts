import type { RecordsDb } from '../db/open.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../sales/actor.ts';
import { authorize, requireActor } from '../staff/auth.ts';

export interface AdminDeps {
  records: RecordsDb;
  clock: Clock;
}

/**
 * Every manager screen's write and read goes through here: the window's signed-in member must be
 * a manager (or admin). Checked in the core so a cashier's window cannot reach it by any route.
 */
export function requireManager(deps: AdminDeps, stationId: string, what: string): Actor {
  const actor = requireActor(deps.records, stationId);
  authorize(deps, actor, 'manager', what);
  return actor;
}
