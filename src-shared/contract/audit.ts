import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema, InstantSchema } from './common.ts';

export const AuditEntrySchema = z.object({
  /** 'ledger' for money and seat changes, 'audit' for sign-ins, approvals and manager changes. */
  source: z.enum(['ledger', 'audit']),
  seq: z.number().int(),
  at: InstantSchema,
  kind: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  stationId: z.string(),
  stationName: z.string().nullable(),
  performanceId: z.string().nullable(),
  orderId: z.string().nullable(),
  summary: z.string(),
});

export const auditProcedures = {
  queryAuditLog: defineProcedure({
    channel: 'bo:audit:query',
    access: 'manager',
    summary: 'Who did what, when and from which station (ledger and audit log merged, newest first), filtered. Manager only.',
    input: z
      .object({
        staffId: IdSchema.optional(),
        performanceId: IdSchema.optional(),
        orderId: IdSchema.optional(),
        /** A kind or its prefix: 'order.' matches every order kind. */
        kind: z.string().trim().min(1).max(60).optional(),
        before: InstantSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ entries: z.array(AuditEntrySchema), kinds: z.array(z.string()) }),
  }),
};
