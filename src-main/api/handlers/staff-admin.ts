import type { staffAdminProcedures } from '../../../src-shared/contract/staff-admin.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { addStaff, listAllStaff, resetStaffPin, updateStaff } from '../../admin/staff-admin.ts';
import type { SignInThrottle } from '../../staff/sign-in-throttle.ts';
import { recordAudit } from '../../admin/audit-trail.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function staffAdminHandlers(office: BoxOffice, throttle: SignInThrottle): Pick<Handlers, keyof typeof staffAdminProcedures> {
  const { records } = office;
  const now = () => office.clock.now();
  return {
    listAllStaff: () => listAllStaff(records),
    addStaff: (input, ctx) => addStaff(records, actorOf(ctx), now(), input),
    updateStaff: (input, ctx) => {
      const member = updateStaff(records, actorOf(ctx), now(), input);
      // Disabling signs the member out everywhere; their windows go back to the PIN pad.
      if (input.active === false) office.bus.emit('staffSessionChanged', {});
      return member;
    },
    resetStaffPin: (input, ctx) => resetStaffPin(records, actorOf(ctx), now(), input),
    // From the manager's own session: the paused window itself has nobody signed in to do it.
    clearSignInPause: (input, ctx) => {
      const cleared = throttle.clear(input.windowId);
      recordAudit(records, now(), actorOf(ctx), 'staff.sign-in-pause-cleared', { windowId: input.windowId ?? null, cleared });
      return { cleared };
    },
  };
}
