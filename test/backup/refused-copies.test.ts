import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackupTest } from './lifecycle.ts';
import { sell } from '../helpers/sales.ts';
import { copyName, manifestName } from '../../src-main/backup/copy-names.ts';
import { alterCopy, scribble, withSqlite } from './copy-tools.ts';

const test = useBackupTest();

/** A box office with a few sales and one backup of them, then one more sale that a restore would lose. */
async function officeWithBackup() {
  const c = await test.open({ show: true });
  for (let i = 0; i < 3; i++) await sell(c.till, c.show.performanceId, 2);
  const { backup } = await c.till.call('backupNow', {});
  await sell(c.till, c.show.performanceId, 1);
  const folder = join(c.office.dataDir, 'backups');
  const live = () => c.office.records.$client.prepare('SELECT count(*) AS orders, max(seq) AS seq FROM orders, (SELECT max(seq) AS seq FROM ledger)').get();
  return { c, folder, stem: backup.stem, live, before: live() };
}

describe('a copy that is not good is refused before anything is touched', () => {
  it('refuses a truncated copy, naming the problem', async () => {
    const { c, folder, stem, live, before } = await officeWithBackup();
    const gz = join(folder, copyName(stem, 'records'));
    const bytes = readFileSync(gz);
    writeFileSync(gz, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const preview = await c.till.fail('previewRestore', { stem });
    expect(preview.message).toMatch(/does not match its manifest's SHA-256 .*cut short.*Nothing was changed/);
    const restore = await c.till.fail('restoreBackup', { stem });
    expect(restore.message).toMatch(/cannot be restored/);
    expect(live()).toEqual(before);
    // Only the one good-looking backup was listed; no safety copy was taken for a refused restore.
    expect((await c.till.call('listBackups', {})).map((b) => b.stem)).toEqual([stem]);
  });

  it('refuses a truncated copy even when its manifest was rewritten to match', async () => {
    const { c, folder, stem, live, before } = await officeWithBackup();
    const gz = join(folder, copyName(stem, 'records'));
    await alterCopy(folder, stem, (file) => writeFileSync(file, readFileSync(file).subarray(0, 4096 * 3)));
    expect(readFileSync(gz).length).toBeGreaterThan(0);
    const error = await c.till.fail('restoreBackup', { stem });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/cannot be restored: .*(integrity|not a whole database|holds)/);
    expect(live()).toEqual(before);
  });

  it('refuses a corrupted copy (pages overwritten) even when its SHA-256 was made to match', async () => {
    const { c, folder, stem, live, before } = await officeWithBackup();
    await alterCopy(folder, stem, scribble);
    const error = await c.till.fail('restoreBackup', { stem });
    expect(error.message).toMatch(/cannot be restored: .*(integrity|not a whole database|malformed)/);
    expect(live()).toEqual(before);
  });

  it('refuses a copy whose rows were changed behind its manifest', async () => {
    const { c, folder, stem, live, before } = await officeWithBackup();
    await alterCopy(folder, stem, (file) => withSqlite(file, (db) => db.exec(`DELETE FROM payments; DELETE FROM tickets; DELETE FROM orders`)));
    const error = await c.till.fail('restoreBackup', { stem });
    expect(error.message).toMatch(/holds 0 orders .* where its manifest says 3/);
    expect(live()).toEqual(before);
  });

  it('refuses a copy without its manifest, and one made by a newer Marquee', async () => {
    const { c, folder, stem, live, before } = await officeWithBackup();
    await alterCopy(folder, stem, (file) => withSqlite(file, (db) => db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 4_102_444_800_000)));
    expect((await c.till.fail('restoreBackup', { stem })).message).toMatch(/made by a newer version of Marquee/);
    rmSync(join(folder, manifestName(stem)));
    expect((await c.till.fail('restoreBackup', { stem })).message).toMatch(/There is no backup called/);
    expect(live()).toEqual(before);
  });
});
