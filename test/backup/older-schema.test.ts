import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackupTest } from './lifecycle.ts';
import { openRecordsDb } from '../../src-main/db/open.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { takeBackup } from '../../src-main/backup/take-backup.ts';
import { latestSchemaLevel } from '../../src-main/backup/schema-level.ts';
import { systemClock } from '../../src-main/core/clock.ts';

const test = useBackupTest();

/** The committed migrations, but only the first `count` of the records database: what an older Marquee shipped. */
function olderMigrations(count: number): string {
  const root = test.folder('marquee-old-migrations-');
  cpSync(sourceMigrationsRoot, root, { recursive: true });
  const journalFile = join(root, 'records', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return root;
}

describe('restoring a copy made by an older Marquee', () => {
  it('migrates it to this version and restores its rows', async () => {
    // An older box office: records migrated only to the first migration, with a venue name and a member of staff.
    const oldDir = test.folder('marquee-old-office-');
    const oldRoot = olderMigrations(1);
    const old = openRecordsDb(join(oldDir, 'records.sqlite'), { migrationsRoot: oldRoot });
    old.$client.exec(`INSERT INTO settings (key, value) VALUES ('venue.name', '"The Old Vic Hall"')`);
    old.$client.exec(`INSERT INTO staff (id, name, role, pin_hash, pin_salt) VALUES ('01JOLDSTAFF000000000000000', 'Olive Older', 'manager', 'x', 'y')`);
    old.$client.close();
    const oldFolder = join(oldDir, 'backups');
    const made = await takeBackup(
      { recordsFile: join(oldDir, 'records.sqlite'), stationFile: null },
      { folder: oldFolder, clock: systemClock, reason: 'manual', version: 'old', retention: { today: 6, daily: 14, weekly: 8, monthly: 12 } },
    );
    expect(made.manifest.records.facts.schemaLevel).toBeLessThan(latestSchemaLevel(sourceMigrationsRoot, 'records'));

    const c = await test.open();
    // The manager brought the copy over on a USB stick: it goes in the backup folder, then shows in the list.
    cpSync(oldFolder, c.running.backups.folder, { recursive: true });
    const preview = await c.till.call('previewRestore', { stem: made.stem });
    expect(preview.schema).toBe('older');
    const restored = await c.till.call('restoreBackup', { stem: made.stem });
    expect(restored.verification.differences).toEqual([]);
    const db = c.office.records.$client;
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'venue.name'`).pluck().get()).toBe('"The Old Vic Hall"');
    expect(db.prepare(`SELECT name FROM staff`).pluck().all()).toEqual(['Olive Older']);
    // Every migration of this version is applied: the restored database has its newest tables.
    expect(db.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get()).toBe(latestSchemaLevel(sourceMigrationsRoot, 'records'));
    // The manager who restored was not on the old staff list, so nobody is signed in any more.
    expect((await c.till.fail('listBackups', {})).code).toBe('UNAUTHENTICATED');
  });
});
