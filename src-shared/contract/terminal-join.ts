import { z } from 'zod';
import { EmptyInput } from './common.ts';
import { defineProcedure } from './define.ts';

/**
 * A desktop terminal joining a box office from its own screen ("Join a box office"): the host's
 * address and certificate fingerprint (read off the host's Manage → Windows), and this window's
 * name; then the pairing code a manager approves. Answered by the terminal itself
 * (src-main/terminal/local-procedures.ts), never by a host: a host, or a box office's own window,
 * answers `joining: false`.
 */
export const TerminalJoinSchema = z.object({
  /** True only on a terminal that has not been approved yet: the screen to show is "Join a box office". */
  joining: z.boolean(),
  phase: z.enum(['not-joined', 'unknown', 'pending', 'paired', 'revoked', 'outdated']),
  address: z.string().nullable(),
  fingerprint: z.string().nullable(),
  windowName: z.string().nullable(),
  pairingCode: z.string().nullable(),
  expiresAt: z.number().nullable(),
  /** The host unreachable, the version refused: a sentence for the screen. */
  problem: z.string().nullable(),
});
export type TerminalJoin = z.infer<typeof TerminalJoinSchema>;

export const terminalJoinProcedures = {
  getTerminalJoin: defineProcedure({
    channel: 'bo:terminal:join-status',
    // Public: the terminal has nobody signed in before it is paired; it says nothing a manager's screen does not.
    access: 'public',
    summary: "Where this terminal's joining stands: not joined, waiting for a manager to approve its code, or paired.",
    input: EmptyInput,
    output: TerminalJoinSchema,
  }),
  joinBoxOffice: defineProcedure({
    channel: 'bo:terminal:join',
    // Public while unpaired only: the terminal refuses it once a manager has approved it.
    access: 'public',
    summary: 'Join the box office at this https:// address whose certificate has this fingerprint; answers the pairing code to read to a manager.',
    input: z
      .object({
        address: z.string().trim().min(1, 'is needed: the https:// address on the host’s Windows screen').max(300),
        fingerprint: z.string().trim().min(1, 'is needed: read it off the host’s Windows screen').max(200),
        windowName: z.string().trim().min(1, 'is needed: the name managers will see, such as "Till 2"').max(60),
      })
      .strict(),
    output: TerminalJoinSchema,
  }),
};
