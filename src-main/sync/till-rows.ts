/**
 * The till's rows (shifts, cash movements, Z reports: docs/cash-up.md) as their own central tables,
 * one mapping per table from the row a ledger payload carries to the central columns. A shift is
 * sent again when it closes and keeps its newest version (by ledger seq); cash movements and Z
 * reports are never changed once written, so a second copy of one changes nothing.
 */
type Row = Record<string, unknown>;

interface TillTable {
  columns: readonly string[];
  /** Whether a later ledger row can carry a newer version of the same row. */
  changes: boolean;
  values(installationId: string, row: Row, seq: number): unknown[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null);
const str = (v: unknown, max: number): string | null => (typeof v === 'string' ? v.slice(0, max) : null);

export const TILL_TABLES: Readonly<Record<string, TillTable>> = {
  shifts: {
    columns: ['installation_id', 'id', 'station_id', 'staff_id', 'state', 'opened_at', 'float_minor', 'closed_at', 'closed_by', 'expected_minor', 'counted_minor', 'variance_minor', 'variance_reason', 'approved_by', 'z_number', 'source_seq', 'data'],
    changes: true,
    values: (inst, r, seq) => [
      inst, String(r.id), str(r.stationId, 64), str(r.staffId, 64), str(r.state, 16), num(r.openedAt), num(r.floatMinor), num(r.closedAt), str(r.closedBy, 64),
      num(r.expectedMinor), num(r.countedMinor), num(r.varianceMinor), str(r.varianceReason, 2000), str(r.approvedBy, 64), num(r.zNumber), seq, JSON.stringify(r),
    ],
  },
  cash_movements: {
    columns: ['installation_id', 'id', 'shift_id', 'station_id', 'staff_id', 'kind', 'amount_minor', 'reason', 'approved_by', 'at', 'source_seq'],
    changes: false,
    values: (inst, r, seq) => [inst, String(r.id), str(r.shiftId, 64), str(r.stationId, 64), str(r.staffId, 64), str(r.kind, 16), num(r.amountMinor), str(r.reason, 2000), str(r.approvedBy, 64), num(r.at), seq],
  },
  z_reports: {
    columns: ['installation_id', 'id', 'number', 'scope', 'shift_id', 'station_id', 'business_date', 'at', 'staff_id', 'figures', 'source_seq'],
    changes: false,
    values: (inst, r, seq) => [inst, String(r.id), num(r.number), str(r.scope, 8), str(r.shiftId, 64), str(r.stationId, 64), str(r.businessDate, 10), num(r.at), str(r.staffId, 64), JSON.stringify(r.figures ?? null), seq],
  },
};

/** The statement's tail: a changing row takes only a version at least as new (columns compared before source_seq moves). */
export function tillUpsert(table: string): string {
  const t = TILL_TABLES[table]!;
  const cols = t.columns.map((c) => `\`${c}\``).join(', ');
  if (!t.changes) return `insert into \`${table}\` (${cols}) values ? on duplicate key update id = id`;
  const keep = t.columns.filter((c) => c !== 'installation_id' && c !== 'id' && c !== 'source_seq');
  const update = [...keep.map((c) => `\`${c}\` = if(values(source_seq) >= source_seq, values(\`${c}\`), \`${c}\`)`), 'source_seq = greatest(source_seq, values(source_seq))'].join(', ');
  return `insert into \`${table}\` (${cols}) values ? on duplicate key update ${update}`;
}
