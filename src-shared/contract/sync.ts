import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { EmptyInput, InstantSchema } from './common.ts';

export const SyncStatusSchema = z.object({
  enabled: z.boolean(),
  /** The central server URL without its password, or null while none is set. */
  url: z.string().nullable(),
  tls: z.boolean(),
  hasPassword: z.boolean(),
  /** off: switched off; idle: waiting for new sales; pushing; retrying: the last attempt failed. */
  state: z.enum(['off', 'idle', 'pushing', 'retrying']),
  /** Ledger rows of this installation not yet committed centrally. */
  pendingRows: z.number().int().nonnegative(),
  lastPushedSeq: z.number().int().nonnegative(),
  lastSuccessAt: InstantSchema.nullable(),
  /** The last failure in words, cleared by the next success. */
  lastError: z.string().nullable(),
  lastErrorAt: InstantSchema.nullable(),
  nextAttemptAt: InstantSchema.nullable(),
  /** Rows sent out of the backlog the running push found; null when no push is running. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

const CentralUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^(mysql|mariadb):\/\//i, 'must start with mysql://, as in mysql://user@host:3306/database');

export const syncProcedures = {
  configureSync: defineProcedure({
    channel: 'bo:sync:configure',
    access: 'manager',
    summary: 'Set the central MySQL server (URL without password), its password, TLS, and switch sync on or off.',
    input: z
      .object({
        url: CentralUrlSchema.nullable(),
        /** Omit to keep the stored password; null forgets it. */
        password: z.string().max(500).nullable().optional(),
        tls: z.boolean().default(false),
        enabled: z.boolean(),
      })
      .strict(),
    output: SyncStatusSchema,
  }),
  testSyncConnection: defineProcedure({
    channel: 'bo:sync:test-connection',
    access: 'manager',
    summary: 'Try the central server (the saved settings, or the ones given) and answer in words; changes nothing.',
    input: z
      .object({
        url: CentralUrlSchema.optional(),
        password: z.string().max(500).nullable().optional(),
        tls: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      ok: z.boolean(),
      message: z.string(),
      serverVersion: z.string().nullable(),
      schemaVersion: z.number().int().nullable(),
      knownSchemaVersion: z.number().int(),
    }),
  }),
  syncNow: defineProcedure({
    channel: 'bo:sync:now',
    access: 'cashier',
    summary: 'Push every pending ledger row to the central server now, without waiting for the next retry.',
    input: EmptyInput,
    output: SyncStatusSchema,
  }),
  getSyncStatus: defineProcedure({
    channel: 'bo:sync:status',
    access: 'cashier',
    summary: 'Whether sync is on, rows pending, last success, last error in words and the progress of a running push.',
    input: EmptyInput,
    output: SyncStatusSchema,
  }),
};

export const syncEvents = {
  syncStatusChanged: defineEvent({
    channel: 'bo-event:sync-status-changed',
    access: 'cashier',
    summary: 'Sync started, progressed, succeeded, failed or was reconfigured; settings and status bars refresh.',
    payload: SyncStatusSchema,
  }),
};
