import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema, InstantSchema } from './common.ts';
import { PinSchema, StaffRoleSchema } from './staff.ts';

export const StaffMemberSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: StaffRoleSchema,
  active: z.boolean(),
  lockedUntil: InstantSchema.nullable(),
});

export const staffAdminProcedures = {
  listAllStaff: defineProcedure({
    channel: 'bo:staff-admin:list',
    access: 'manager',
    summary: 'Every staff member, disabled ones included. Manager only.',
    input: z.object({}).strict(),
    output: z.array(StaffMemberSchema),
  }),
  addStaff: defineProcedure({
    channel: 'bo:staff-admin:add',
    access: 'manager',
    summary: 'Add a staff member. Managers add cashiers and managers; only an admin adds an admin.',
    input: z.object({ name: z.string().trim().min(1).max(80), role: StaffRoleSchema, pin: PinSchema }).strict(),
    output: StaffMemberSchema,
  }),
  updateStaff: defineProcedure({
    channel: 'bo:staff-admin:update',
    access: 'manager',
    summary: "Change a member's role or enable/disable them (disabling ends their sessions). Manager only.",
    input: z.object({ staffId: IdSchema, role: StaffRoleSchema.optional(), active: z.boolean().optional() }).strict(),
    output: StaffMemberSchema,
  }),
  resetStaffPin: defineProcedure({
    channel: 'bo:staff-admin:reset-pin',
    access: 'manager',
    summary: "Give a member a new PIN and lift any lock-out. Manager only.",
    input: z.object({ staffId: IdSchema, pin: PinSchema }).strict(),
    output: StaffMemberSchema,
  }),
  clearSignInPause: defineProcedure({
    channel: 'bo:staff-admin:clear-sign-in-pause',
    access: 'manager',
    summary:
      'Lift the wait that wrong PINs put on a window (and the addresses it was used from), or on every window when none is named. Manager only; audited.',
    /** The window (its station id, as listWindows and listSessions give it); none: every window. */
    input: z.object({ windowId: IdSchema.optional() }).strict(),
    output: z.object({ cleared: z.number().int().nonnegative() }),
  }),
};
