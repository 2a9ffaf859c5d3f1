import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { EmptyInput, IdSchema, InstantSchema } from './common.ts';
import { StaffRoleSchema } from './staff.ts';

/**
 * Host mode's browser windows and the sessions open at them. A window is named by a token the
 * host issued it; a window on another computer works only once a manager has approved the
 * pairing code it shows. Window ids are station ids: managers need them to act on a window,
 * nobody else sees them.
 */

export const WindowKindSchema = z.enum(['local', 'lan']);
export type WindowKind = z.infer<typeof WindowKindSchema>;

export const PairingCodeSchema = z.string().regex(/^\d{6}$/, 'must be the 6 digits shown on the new window');
const WindowNameSchema = z.string().trim().min(1).max(60);

export const WindowSummarySchema = z.object({
  windowId: IdSchema,
  name: z.string(),
  kind: WindowKindSchema,
  /** The address it registered from. */
  address: z.string(),
  pairedAt: InstantSchema.nullable(),
  /** The manager who approved it (windows on this computer need nobody). */
  approvedBy: z.string().nullable(),
  lastSeenAt: InstantSchema,
  revokedAt: InstantSchema.nullable(),
});
export type WindowSummary = z.infer<typeof WindowSummarySchema>;

export const PairingRequestSchema = z.object({
  code: PairingCodeSchema,
  name: z.string(),
  address: z.string(),
  requestedAt: InstantSchema,
  expiresAt: InstantSchema,
});
export type PairingRequest = z.infer<typeof PairingRequestSchema>;

export const OpenSessionSchema = z.object({
  windowId: z.string(),
  windowName: z.string(),
  staffId: IdSchema,
  staffName: z.string(),
  role: StaffRoleSchema,
  signedInAt: InstantSchema,
  lastSeenAt: InstantSchema,
  /** The session of the window asking. */
  thisWindow: z.boolean(),
});
export type OpenSession = z.infer<typeof OpenSessionSchema>;

export const PairingStatusSchema = z.object({
  state: z.enum(['paired', 'pending']),
  windowName: z.string(),
  /** Shown on a waiting window for the manager to approve; null once paired. */
  pairingCode: PairingCodeSchema.nullable(),
  expiresAt: InstantSchema.nullable(),
});
export type PairingStatus = z.infer<typeof PairingStatusSchema>;

/**
 * What host mode answers `POST /window/register` with (a transport endpoint, not a procedure: the
 * desktop's windows are never registered). The token goes back in `x-marquee-window` on every call.
 */
export const WindowRegistrationSchema = PairingStatusSchema.extend({
  token: z.string(),
  /** SHA-256 fingerprint of the host's TLS certificate, to compare with the browser's; null over plain HTTP. */
  fingerprint: z.string().nullable(),
});
export type WindowRegistration = z.infer<typeof WindowRegistrationSchema>;

export const windowProcedures = {
  pairingStatus: defineProcedure({
    channel: 'bo:windows:pairing-status',
    access: 'public',
    summary: "This window's pairing: paired, or waiting with the code a manager must approve. The only call a waiting window may make.",
    input: EmptyInput,
    output: PairingStatusSchema,
  }),
  listWindows: defineProcedure({
    channel: 'bo:windows:list',
    access: 'manager',
    summary: 'Paired browser windows (and revoked ones) with name, kind, address and when last seen. Manager only.',
    input: EmptyInput,
    output: z.array(WindowSummarySchema),
  }),
  listPairingRequests: defineProcedure({
    channel: 'bo:windows:pairing-requests',
    access: 'manager',
    summary: 'Windows on other computers waiting for a manager, with the code each shows. Manager only.',
    input: EmptyInput,
    output: z.array(PairingRequestSchema),
  }),
  approvePairing: defineProcedure({
    channel: 'bo:windows:approve',
    access: 'manager',
    summary: 'Pair the window showing this code (optionally naming it); it can sign in from then on. Manager only.',
    input: z.object({ code: PairingCodeSchema, name: WindowNameSchema.optional() }).strict(),
    output: WindowSummarySchema,
  }),
  revokeWindow: defineProcedure({
    channel: 'bo:windows:revoke',
    access: 'manager',
    summary: "Unpair a window: its session ends, its next call is refused and its event connection closes. Manager only.",
    input: z.object({ windowId: IdSchema }).strict(),
    output: WindowSummarySchema,
  }),
  renameWindow: defineProcedure({
    channel: 'bo:windows:rename',
    access: 'manager',
    summary: 'Give a paired window a name staff recognise. Manager only.',
    input: z.object({ windowId: IdSchema, name: WindowNameSchema }).strict(),
    output: WindowSummarySchema,
  }),
  listSessions: defineProcedure({
    channel: 'bo:windows:sessions',
    access: 'manager',
    summary: 'Who is signed in at which window. Manager only.',
    input: EmptyInput,
    output: z.array(OpenSessionSchema),
  }),
  endSession: defineProcedure({
    channel: 'bo:windows:end-session',
    access: 'manager',
    summary: "Sign out whoever is signed in at a window. Manager only.",
    input: z.object({ windowId: z.string().min(1).max(64) }).strict(),
    output: z.object({ ended: z.boolean() }),
  }),
};

export const windowEvents = {
  windowsChanged: defineEvent({
    channel: 'bo-event:windows-changed',
    access: 'manager',
    summary: 'A window asked to be paired, or one was approved, renamed or revoked; the Windows screen reloads.',
    payload: z.object({}),
  }),
};
