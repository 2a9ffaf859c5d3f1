import { eq } from 'drizzle-orm';
import type { staffAdminProcedures } from '../../../src-shared/contract/staff-admin.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { requireManager } from '../../admin/gate.ts';
import { staffSessions } from '../../db/records/schema.ts';
import { addStaff, listAllStaff, resetStaffPin, updateStaff } from '../../admin/staff-admin.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

export function staffAdminHandlers(office: BoxOffice): Pick<Handlers, keyof typeof staffAdminProcedures> {
  const { records } = office;
  const manager = (ctx: CallContext, what: string) => requireManager({ records, clock: office.clock }, stationOf(office, ctx), what);
  const now = () => office.clock.now();
  return {
    listAllStaff: (_input, ctx) => {
      manager(ctx, 'Managing staff');
      return listAllStaff(records);
    },
    addStaff: (input, ctx) => addStaff(records, manager(ctx, 'Adding staff'), now(), input),
    updateStaff: (input, ctx) => {
      const actor = manager(ctx, 'Changing staff');
      const signedInAt = records.select({ stationId: staffSessions.stationId }).from(staffSessions).where(eq(staffSessions.staffId, input.staffId)).all();
      const member = updateStaff(records, actor, now(), input);
      // Disabling signs the member out everywhere; their windows go back to the PIN pad.
      if (input.active === false && signedInAt.length > 0) {
        for (const stationId of new Set(signedInAt.map((s) => s.stationId))) office.bus.emit('staffSessionChanged', { stationId });
      }
      return member;
    },
    resetStaffPin: (input, ctx) => resetStaffPin(records, manager(ctx, 'Resetting a PIN'), now(), input),
  };
}
