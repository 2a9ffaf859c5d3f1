import type { staffProcedures } from '../../../src-shared/contract/staff.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { checkPin, createFirstAdmin, listStaff } from '../../staff/auth.ts';
import type { SessionStore } from '../../staff/sessions.ts';
import type { SignInThrottle } from '../../staff/sign-in-throttle.ts';
import { recordAudit } from '../../admin/audit-trail.ts';
import type { Handlers } from '../dispatcher.ts';

/**
 * Sign-in, sign-out and who is signed in. A window only ever touches its own session: sign-in
 * hands the secret to the transport through `ctx.sessionSecret`, never in the answer's body.
 */
export function staffHandlers(office: BoxOffice, sessions: SessionStore, throttle: SignInThrottle): Pick<Handlers, keyof typeof staffProcedures> {
  const deps = { records: office.records, clock: office.clock, throttle };
  return {
    listStaff: () => listStaff(office.records),
    signIn: async (input, ctx) => {
      const member = await checkPin(deps, input.staffId, input.pin, { stationId: ctx.stationId, peer: ctx.peer ?? ctx.stationId });
      ctx.sessionSecret = sessions.start(ctx.stationId, member.id);
      recordAudit(office.records, office.clock.now(), { stationId: ctx.stationId, staffId: member.id, role: member.role }, 'staff.signed-in', {});
      office.bus.emit('staffSessionChanged', {});
      return { id: member.id, name: member.name, role: member.role };
    },
    signOut: (_input, ctx) => {
      if (sessions.endOwn(ctx.stationId, ctx.sessionSecret)) office.bus.emit('staffSessionChanged', {});
      ctx.sessionSecret = null;
      return { signedOut: true as const };
    },
    currentStaff: (_input, ctx) => (ctx.actor ? { id: ctx.actor.staffId, name: ctx.actor.name, role: ctx.actor.role } : null),
    createFirstAdmin: (input, ctx) => createFirstAdmin(deps, ctx.stationId, input),
  };
}
