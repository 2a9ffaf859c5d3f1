import type { staffProcedures } from '../../../src-shared/contract/staff.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { createStaff, currentStaff, listStaff, signIn, signOut } from '../../staff/auth.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';

/** The window calling: the header/IPC station id, or this machine's own station. */
export function stationOf(office: BoxOffice, ctx: CallContext): string {
  return ctx.stationId ?? office.identity.id;
}

export function staffHandlers(office: BoxOffice): Pick<Handlers, keyof typeof staffProcedures> {
  const deps = { records: office.records, clock: office.clock };
  return {
    listStaff: () => listStaff(office.records),
    signIn: (input, ctx) => {
      const stationId = stationOf(office, ctx);
      const member = signIn(deps, stationId, input.staffId, input.pin);
      office.bus.emit('staffSessionChanged', { stationId });
      return member;
    },
    signOut: (_input, ctx) => {
      const stationId = stationOf(office, ctx);
      signOut(deps, stationId);
      office.bus.emit('staffSessionChanged', { stationId });
      return { signedOut: true as const };
    },
    currentStaff: (_input, ctx) => currentStaff(office.records, stationOf(office, ctx)),
    createStaff: (input, ctx) => {
      const stationId = stationOf(office, ctx);
      const member = currentStaff(office.records, stationId);
      return createStaff(deps, member ? { stationId, staffId: member.id, role: member.role } : null, input);
    },
  };
}
