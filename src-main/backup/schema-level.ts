import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A database's schema level is the `created_at` of the last drizzle migration applied to it, which
 * drizzle takes from the journal's `when`. Comparing it with this build's journal says whether a
 * copy is older (migrate it), the same, or from a newer Marquee (refuse it).
 */
export function latestSchemaLevel(migrationsRoot: string, database: 'records' | 'station'): number {
  const journal = JSON.parse(readFileSync(join(migrationsRoot, database, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

export type SchemaComparison = 'same' | 'older' | 'newer';

export function compareSchema(level: number, latest: number): SchemaComparison {
  return level === latest ? 'same' : level < latest ? 'older' : 'newer';
}
