import { z } from 'zod';
import { EmptyInput } from './common.ts';
import { defineProcedure } from './define.ts';

/**
 * "Serve other windows" in the desktop app (Manage → Windows): host mode's server inside this box
 * office, over HTTPS. `available` is false where the switch means nothing (host mode already serves).
 */
export const WindowServingStatusSchema = z.object({
  available: z.boolean(),
  serving: z.boolean(),
  /** https://address:port for each of this computer's network addresses, for the other windows to open or join. */
  addresses: z.array(z.string()),
  /** SHA-256 of the certificate, AA:BB:…, which a joining window must show the same. */
  fingerprint: z.string().nullable(),
  port: z.number().int().nullable(),
  /** Why it is not serving when it was asked to (the port taken, the certificate unreadable). */
  problem: z.string().nullable(),
});
export type WindowServingStatus = z.infer<typeof WindowServingStatusSchema>;

export const windowServingProcedures = {
  getWindowServing: defineProcedure({
    channel: 'bo:windows:serving',
    access: 'manager',
    summary: 'Whether this desktop box office serves other windows, at which addresses, with which certificate fingerprint. Manager only.',
    input: EmptyInput,
    output: WindowServingStatusSchema,
  }),
  setWindowServing: defineProcedure({
    channel: 'bo:windows:set-serving',
    access: 'manager',
    summary: 'Turn "Serve other windows" on or off: host mode\'s server, with pairing and TLS, inside this desktop box office. Manager only.',
    input: z.object({ on: z.boolean() }).strict(),
    output: WindowServingStatusSchema,
  }),
};
