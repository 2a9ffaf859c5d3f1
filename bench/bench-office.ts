import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBoxOffice, type BoxOffice } from '../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../src-main/paths.ts';

/** A box office on fresh SQLite files in a temp folder of its own for one bench area, closed and deleted after `fn`. */
export function withBenchOffice<T>(area: string, fn: (office: BoxOffice) => T): T {
  const dataDir = mkdtempSync(join(tmpdir(), `marquee-bench-${area}-`));
  const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'bench' });
  try {
    return fn(office);
  } finally {
    office.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Milliseconds one call of `fn` took. */
export function timeOnce(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
