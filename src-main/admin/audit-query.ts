import { sql, type SQL } from 'drizzle-orm';
import type { RecordsDb } from '../db/open.ts';

export interface AuditQuery {
  staffId?: string | undefined;
  performanceId?: string | undefined;
  orderId?: string | undefined;
  kind?: string | undefined;
  before?: number | undefined;
  limit: number;
}

interface RawEntry {
  source: 'ledger' | 'audit';
  seq: number;
  at: number;
  kind: string;
  staffId: string | null;
  staffName: string | null;
  approvedByName: string | null;
  stationId: string;
  stationName: string | null;
  performanceId: string | null;
  orderId: string | null;
  body: string;
}

/**
 * The ledger (money and seats) and audit_log (sign-ins, approvals, manager changes) read as one
 * newest-first list. audit_log keeps performance/order ids inside its JSON details, so the
 * filters look there too.
 */
export function queryAuditLog(records: RecordsDb, q: AuditQuery) {
  const both = sql`
    select 'ledger' as source, l.seq as seq, l.at as at, l.kind as kind, l.staff_id as staffId, null as approvedBy,
           l.station_id as stationId, l.performance_id as performanceId, l.order_id as orderId, l.payload as body
      from ledger l
    union all
    select 'audit', a.seq, a.at, a.action, a.staff_id, a.approved_by, a.station_id,
           json_extract(a.details, '$.performanceId'), json_extract(a.details, '$.orderId'), a.details
      from audit_log a`;
  const where: SQL[] = [];
  if (q.staffId) where.push(sql`e.staffId = ${q.staffId}`);
  if (q.performanceId) where.push(sql`e.performanceId = ${q.performanceId}`);
  if (q.orderId) where.push(sql`e.orderId = ${q.orderId}`);
  if (q.kind) where.push(sql`e.kind like ${`${q.kind.replace(/[%_]/g, '')}%`}`);
  if (q.before !== undefined) where.push(sql`e.at < ${q.before}`);
  const filter = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const rows = records.all<RawEntry>(sql`
    select e.source, e.seq, e.at, e.kind, e.staffId, s.name as staffName, ap.name as approvedByName,
           e.stationId, st.name as stationName, e.performanceId, e.orderId, e.body
      from (${both}) e
      left join staff s on s.id = e.staffId
      left join staff ap on ap.id = e.approvedBy
      left join stations st on st.id = e.stationId
      ${filter}
     order by e.at desc, e.seq desc
     limit ${q.limit}`);
  const kinds = records
    .all<{ kind: string }>(sql`select distinct kind from ledger union select distinct action from audit_log order by 1`)
    .map((r) => r.kind);
  return {
    entries: rows.map(({ body, ...row }) => ({ ...row, summary: summarise(row.source, body) })),
    kinds,
  };
}

/** A line a manager can read: seat and money counts for the ledger, the details for the audit log. */
function summarise(source: 'ledger' | 'audit', body: string): string {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return '';
  }
  if (source === 'ledger') {
    const rows = (parsed.rows ?? {}) as Record<string, unknown[]>;
    const parts: string[] = [];
    if (rows.units?.length) parts.push(`${rows.units.length} seat(s)`);
    const order = rows.orders?.[rows.orders.length - 1] as { totalMinor?: number; customerName?: string | null } | undefined;
    if (order?.customerName) parts.push(order.customerName);
    const block = rows.blocks?.[0] as { name?: string } | undefined;
    if (block?.name) parts.push(block.name);
    const reservation = rows.reservations?.[0] as { reference?: string; customerName?: string } | undefined;
    if (reservation?.reference) parts.push(`ref ${reservation.reference} ${reservation.customerName ?? ''}`.trim());
    return parts.join(' · ');
  }
  return Object.entries(parsed)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}
