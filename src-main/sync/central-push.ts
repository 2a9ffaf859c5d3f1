import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { BoxOffice } from '../core/box-office.ts';
import { buildCentralBatch, readLedgerAfter, type CentralBatch } from './ledger-batch.ts';
import { ensureCentralSchema, type CentralMigration } from './central-migrate.ts';
import { pushReferenceData } from './reference-push.ts';
import { tillUpsert } from './till-rows.ts';
import { countPending, moveCursor, readCursor } from './sync-config.ts';

export interface PushProgress {
  done: number;
  total: number;
}

export interface PushOptions {
  installationId: string;
  migrations: CentralMigration[];
  batchSize: number;
  now(): number;
  onProgress?(progress: PushProgress): void;
}

export interface PushResult {
  pushedRows: number;
  lastSeq: number;
  referenceTables: string[];
  referenceDigests: Map<string, string>;
}

const PROJECTION_COLUMNS = '(installation_id, id, station_id, performance_id, order_id, state, amount_minor, at, source_seq, data)';
// A row only takes a version at least as new as the one it holds, so replays never step back.
// MySQL assigns left to right: source_seq must be compared before it is itself updated.
const newer = (col: string) => `\`${col}\` = if(values(source_seq) >= source_seq, values(\`${col}\`), \`${col}\`)`;
const PROJECTION_UPDATE = [
  ...['station_id', 'performance_id', 'order_id', 'state', 'amount_minor', 'at', 'data'].map(newer),
  'source_seq = greatest(source_seq, values(source_seq))',
].join(', ');
const OTHER_UPDATE = [...['station_id', 'at', 'data'].map(newer), 'source_seq = greatest(source_seq, values(source_seq))'].join(', ');

/** The central cursor: how far this installation's ledger is committed there (0 before the first push). */
async function readCentralCursor(conn: Connection, installationId: string): Promise<number> {
  const [rows] = await conn.query<RowDataPacket[]>('select last_seq from sync_cursors where installation_id = ?', [installationId]);
  return Number(rows[0]?.last_seq ?? 0);
}

/** A batch formatted for the wire, with the cursor it expects centrally before it applies. */
interface PreparedBatch {
  batch: CentralBatch;
  rows: number;
  sql: string;
}

/**
 * The whole batch as one multi-statement round trip inside one transaction. The cursor UPDATE
 * comes first: it locks the installation's cursor row (so a second pusher of the same
 * installation waits) and matches only if the cursor is still where this batch starts.
 * Every value goes through mysql2's escaping; table names come from a fixed list.
 */
function prepareBatch(conn: Connection, installationId: string, expectedCursor: number, batch: CentralBatch, rows: number): PreparedBatch {
  const statements = [
    'start transaction',
    conn.format('update sync_cursors set last_seq = ?, last_push_at = ?, last_station_id = ? where installation_id = ? and last_seq = ?', [
      batch.lastSeq,
      batch.ledger.at(-1)?.[10] ?? 0,
      batch.ledger.at(-1)?.[1] ?? null,
      installationId,
      expectedCursor,
    ]),
    conn.format(
      `insert into ledger_entries (installation_id, station_id, seq, id, at, kind, staff_id, performance_id, order_id, payload, pushed_at)
       values ? on duplicate key update seq = seq`,
      [batch.ledger],
    ),
  ];
  for (const [table, values] of batch.projections) {
    statements.push(conn.format(`insert into \`${table}\` ${PROJECTION_COLUMNS} values ? on duplicate key update ${PROJECTION_UPDATE}`, [values]));
  }
  for (const [table, values] of batch.till) statements.push(conn.format(tillUpsert(table), [values]));
  if (batch.other.length) {
    statements.push(
      conn.format(`insert into other_rows (installation_id, table_name, id, station_id, at, source_seq, data) values ? on duplicate key update ${OTHER_UPDATE}`, [
        batch.other,
      ]),
    );
  }
  return { batch, rows, sql: statements.join(';\n') };
}

/** Commits the batch, or rolls it back and answers false when another pusher moved the cursor. */
async function writeBatch(conn: Connection, prepared: PreparedBatch): Promise<boolean> {
  try {
    const [results] = await conn.query<ResultSetHeader[]>(prepared.sql);
    if (results[1]?.affectedRows !== 1) {
      await conn.query('rollback');
      return false;
    }
    await conn.query('commit');
    return true;
  } catch (error) {
    await conn.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * One full push over one connection: schema, reference data, then the ledger backlog batch by
 * batch. The station's cursor follows the central one and moves only after each central commit.
 * While the server applies one batch, the next is read from SQLite and formatted.
 */
export async function pushToCentral(office: BoxOffice, conn: Connection, options: PushOptions): Promise<PushResult> {
  const { installationId, batchSize } = options;
  await ensureCentralSchema(conn, options.migrations, installationId, options.now());
  const reference = await pushReferenceData(conn, office.records, installationId, options.now());
  await conn.query(
    'insert into sync_cursors (installation_id, last_seq, last_push_at) values (?, 0, ?) on duplicate key update installation_id = installation_id',
    [installationId, options.now()],
  );

  let cursor = await readCentralCursor(conn, installationId);
  // Central is the truth: an acknowledgement lost to a cut moves us forward, a central database
  // restored from an older backup (or a new one) moves us back so nothing is missing there.
  if (readCursor(office.station).lastPushedSeq !== cursor) moveCursor(office.station, cursor);

  const prepare = (after: number): PreparedBatch | null => {
    const rows = readLedgerAfter(office.records, after, batchSize);
    if (rows.length === 0) return null;
    return prepareBatch(conn, installationId, after, buildCentralBatch(installationId, rows, options.now()), rows.length);
  };

  let done = 0;
  let total = countPending(office.records, cursor);
  options.onProgress?.({ done, total });
  let pushedRows = 0;
  let current = prepare(cursor);
  while (current) {
    const writing = writeBatch(conn, current);
    const next = prepare(current.batch.lastSeq);
    if (!(await writing)) {
      // Another pusher of this installation moved the cursor; carry on from where it is now.
      cursor = await readCentralCursor(conn, installationId);
      moveCursor(office.station, cursor);
      total = done + countPending(office.records, cursor);
      current = prepare(cursor);
      continue;
    }
    cursor = current.batch.lastSeq;
    moveCursor(office.station, cursor);
    pushedRows += current.rows;
    done += current.rows;
    if (done > total) total = done;
    options.onProgress?.({ done, total });
    current = next ?? prepare(cursor);
  }
  return { pushedRows, lastSeq: cursor, referenceTables: reference.tables, referenceDigests: reference.digests };
}
