import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { MarqueeError } from '../../src-shared/errors.ts';

/** One drizzle-kit generated migration; its version is its position in the journal, from 1. */
export interface CentralMigration {
  version: number;
  tag: string;
  statements: string[];
}

const SCHEMA_VERSION_TABLE = 'marquee_schema_version';

/** Reads drizzle-kit's journal and SQL files for the central schema (src-main/db/migrations/central). */
export function loadCentralMigrations(folder: string): CentralMigration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => ({
      version: entry.idx + 1,
      tag: entry.tag,
      statements: readFileSync(join(folder, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

export function knownSchemaVersion(migrations: CentralMigration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** The central schema's version, or null while Marquee has never created its tables there. */
export async function readCentralSchemaVersion(conn: Connection): Promise<number | null> {
  const [tables] = await conn.query<RowDataPacket[]>(
    'select 1 from information_schema.tables where table_schema = database() and table_name = ?',
    [SCHEMA_VERSION_TABLE],
  );
  if (tables.length === 0) return null;
  const [rows] = await conn.query<RowDataPacket[]>(`select coalesce(max(version), 0) as v from \`${SCHEMA_VERSION_TABLE}\``);
  return Number(rows[0]?.v ?? 0);
}

function schemaTooNewError(central: number, known: number): MarqueeError {
  return new MarqueeError(
    'SYNC_FAILED',
    `The central database is at schema version ${central}, newer than the ${known} this Marquee knows; update Marquee on this computer before it can send sales there.`,
    { centralVersion: central, knownVersion: known },
  );
}

// Re-running a migration that a cut connection interrupted half-way meets what it already made.
const ALREADY_DONE = new Set(['ER_TABLE_EXISTS_ERROR', 'ER_DUP_KEYNAME', 'ER_DUP_FIELDNAME', 'ER_MULTIPLE_PRI_KEY']);

/**
 * Brings the central schema up to what this Marquee knows, under a named server lock so two
 * installations starting together do not both run it; refuses a schema newer than it knows.
 * MySQL commits DDL statement by statement, so a migration is made safe to resume instead.
 */
export async function ensureCentralSchema(
  conn: Connection,
  migrations: CentralMigration[],
  appliedBy: string,
  now: number,
): Promise<number> {
  const known = knownSchemaVersion(migrations);
  const seen = await readCentralSchemaVersion(conn);
  if (seen !== null && seen > known) throw schemaTooNewError(seen, known);
  if (seen === known) return known;

  const [locked] = await conn.query<RowDataPacket[]>("select get_lock(concat('marquee_schema_', database()), 60) as ok");
  if (Number(locked[0]?.ok) !== 1) {
    throw new MarqueeError('SYNC_FAILED', 'Another computer has been updating the central database tables for a minute; sync will try again.');
  }
  try {
    await conn.query(
      `create table if not exists \`${SCHEMA_VERSION_TABLE}\` (
        version int not null primary key,
        tag varchar(255) not null,
        applied_at bigint not null,
        applied_by varchar(64) not null
      )`,
    );
    const current = (await readCentralSchemaVersion(conn)) ?? 0;
    if (current > known) throw schemaTooNewError(current, known);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements) {
        try {
          await conn.query(statement);
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          if (!ALREADY_DONE.has(code)) throw error;
        }
      }
      await conn.query(`insert into \`${SCHEMA_VERSION_TABLE}\` (version, tag, applied_at, applied_by) values (?, ?, ?, ?)`, [
        migration.version,
        migration.tag,
        now,
        appliedBy,
      ]);
    }
    return known;
  } finally {
    await conn.query("select release_lock(concat('marquee_schema_', database()))").catch(() => undefined);
  }
}
