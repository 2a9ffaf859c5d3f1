import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { EmptyInput, IdSchema } from './common.ts';

export const StaffRoleSchema = z.enum(['cashier', 'manager', 'admin']);
export const PinSchema = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

/** A manager's own PIN entered at the cashier's window to approve one operation. */
export const ApprovalSchema = z.object({ staffId: IdSchema, pin: PinSchema }).strict();

export const StaffSummarySchema = z.object({ id: IdSchema, name: z.string(), role: StaffRoleSchema });
export type StaffSummary = z.infer<typeof StaffSummarySchema>;

export const staffProcedures = {
  listStaff: defineProcedure({
    channel: 'bo:staff:list',
    access: 'public',
    summary: 'Active staff members for the sign-in screen (names and roles only).',
    input: EmptyInput,
    output: z.array(StaffSummarySchema),
  }),
  signIn: defineProcedure({
    channel: 'bo:staff:sign-in',
    access: 'public',
    summary: "Sign in at this window with a PIN; replaces whoever was signed in here. Wrong PINs slow down this window and its address (a growing wait, then a pause a manager can lift), never the member.",
    input: z.object({ staffId: IdSchema, pin: PinSchema }).strict(),
    output: StaffSummarySchema,
  }),
  signOut: defineProcedure({
    channel: 'bo:staff:sign-out',
    access: 'public',
    summary: "End this window's staff session (also used to lock the screen).",
    input: EmptyInput,
    output: z.object({ signedOut: z.literal(true) }),
  }),
  currentStaff: defineProcedure({
    channel: 'bo:staff:current',
    access: 'public',
    summary: 'Who is signed in at this window, or null.',
    input: EmptyInput,
    output: StaffSummarySchema.nullable(),
  }),
  createFirstAdmin: defineProcedure({
    channel: 'bo:staff:first-admin',
    access: 'setup',
    summary: 'First start: create the first admin of an installation that has no staff yet (refused once it has any; add staff with addStaff).',
    input: z.object({ name: z.string().trim().min(1).max(80), pin: PinSchema }).strict(),
    output: StaffSummarySchema,
  }),
};

export const staffEvents = {
  staffSessionChanged: defineEvent({
    channel: 'bo-event:staff-session-changed',
    access: 'cashier',
    summary: 'Someone signed in or out at a window; each window asks again who is signed in at it.',
    payload: z.object({}),
  }),
};
