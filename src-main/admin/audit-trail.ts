import type { RecordsDb } from '../db/open.ts';
import { auditLog } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';

/** Called inside the change's own transaction (better-sqlite3 is one connection), so both commit together. */
type Writer = RecordsDb;

/**
 * One audit_log row per manager change, in the same shape staff/auth.ts writes (action, station,
 * staff, JSON details). performanceId/orderId go into details so the viewer can filter on them.
 */
export function recordAudit(db: Writer, at: number, actor: Actor, action: string, details: Record<string, unknown>): void {
  db.insert(auditLog).values({ at, action, stationId: actor.stationId, staffId: actor.staffId, approvedBy: null, details }).run();
}
