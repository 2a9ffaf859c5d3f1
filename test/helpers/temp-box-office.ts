import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
