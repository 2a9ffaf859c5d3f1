import { sql, type SQL } from 'drizzle-orm';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { describeAudit, type MoneyWords } from './audit-words.ts';

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
    select 'ledger' as source, l.seq as seq, l.at as at, l.kind as kind, l.staff_id as staffId, json_extract(l.payload, '$.approvedBy') as approvedBy,
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
  const money = moneyWords(records);
  return {
    entries: rows.map(({ body, ...row }) => ({ ...row, summary: describeAudit({ ...row, body: parsed(body) }, money) })),
    kinds,
  };
}

function moneyWords(records: RecordsDb): MoneyWords {
  const format = new Intl.NumberFormat(readSetting(records, 'venue.locale'), { style: 'currency', currency: readSetting(records, 'currency') });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return (minor) => format.format(minor / 10 ** digits);
}

function parsed(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
