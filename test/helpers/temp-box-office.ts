import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeBoxOffice, type ComposeOptions, type RunningBoxOffice } from '../../src-main/app/compose.ts';
import { openBoxOffice, type BoxOffice, type BoxOfficeOptions } from '../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';

export interface TempBoxOffice {
  office: BoxOffice;
  dataDir: string;
  /** Close the databases and delete the folder. */
  dispose(): void;
}

/** A box office on real SQLite files in a fresh temp folder, through the real migrations. */
export function openTempBoxOffice(overrides: Partial<BoxOfficeOptions> = {}): TempBoxOffice {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'marquee-test-'));
  const office = openBoxOffice({
    dataDir,
    migrationsRoot: sourceMigrationsRoot,
    mode: 'host',
    version: 'test',
    ...overrides,
  });
  return {
    office,
    dataDir,
    dispose() {
      office.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function makeTempDir(prefix = 'marquee-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The running box office over a test's office (app/compose.ts), as the shells build it, but quiet:
 * no sweeper (tests sweep by hand), no sync service, no local print API unless `print.api` asks.
 * The caller stops it (`await running.stop()`) before closing the office when it printed.
 */
export function composeForTest(office: BoxOffice, options: ComposeOptions = {}): RunningBoxOffice {
  // Quiet: no sweeper, sync, print API or backup timers unless a test asks (a test running past a
  // minute would otherwise take a scheduled backup in the middle of what it measures).
  return composeBoxOffice(office, { sweeper: false, sync: false, ...options, print: { api: false, ...options.print }, backups: options.backups ?? { timers: false } });
}
