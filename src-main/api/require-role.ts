import type { Actor, StaffRole } from '../sales/actor.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { authorize, requireActor } from '../staff/auth.ts';
import type { CallContext } from './dispatcher.ts';

/**
 * The signed-in member at the calling window, who must hold at least `role`; otherwise a
 * FORBIDDEN sentence naming what was attempted. Checked in the core, whatever the screens hide.
 */
export function requireRole(office: BoxOffice, ctx: CallContext, role: StaffRole, what: string): Actor {
  const actor = requireActor(office.records, ctx.stationId ?? office.identity.id);
  authorize({ records: office.records, clock: office.clock }, actor, role, what);
  return actor;
}
