import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BACKUP_REASONS } from './copy-names.ts';

/** What a copy of one database holds, read from the copy itself after it was made. */
export const DatabaseFactsSchema = z.object({
  orders: z.number().int(),
  tickets: z.number().int(),
  ledgerRows: z.number().int(),
  lastLedgerSeq: z.number().int(),
  /** When the last order was booked (epoch ms), or null. */
  lastSaleAt: z.number().int().nullable(),
  /** created_at of the last drizzle migration applied: the copy's schema level. */
  schemaLevel: z.number().int(),
  installationId: z.string().nullable(),
});
export type DatabaseFacts = z.infer<typeof DatabaseFactsSchema>;

export const CopyEntrySchema = z.object({
  file: z.string(),
  /** SHA-256 (hex) of the compressed file as written. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
  /** Size of the database once uncompressed. */
  databaseBytes: z.number().int(),
  integrity: z.literal('ok'),
  facts: DatabaseFactsSchema,
});
export type CopyEntry = z.infer<typeof CopyEntrySchema>;

/** The manifest beside every backup: the proof that each copy was whole when it was made. */
export const ManifestSchema = z.object({
  format: z.literal(1),
  madeAt: z.number().int(),
  reason: z.enum(BACKUP_REASONS),
  marqueeVersion: z.string(),
  method: z.enum(['vacuum-into', 'backup-api', 'backup-steps']),
  records: CopyEntrySchema,
  station: CopyEntrySchema.nullable(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** The manifest at `file`, or a sentence saying why it cannot be used. */
export function readManifest(file: string): Manifest | string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return 'its manifest is missing or is not readable JSON';
  }
  const parsed = ManifestSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'its manifest is not one Marquee wrote';
}
