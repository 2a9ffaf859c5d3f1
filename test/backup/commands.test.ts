import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { sell } from '../helpers/sales.ts';
import { sourceRoot } from '../../src-main/paths.ts';
import { rmSync } from 'node:fs';

const run = promisify(execFile);
let counter: Counter | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await counter?.running.stop();
  counter = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The npm scripts' own command, as a child process. */
async function command(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(sourceRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(sourceRoot, 'scripts', 'backup-command.ts'), ...args], { cwd: sourceRoot });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run backup / restore / verify', () => {
  it('backs up a data folder, restores the copy over later sales, and verifies the ledger', async () => {
    counter = await openCounter({ show: true, signedIn: 'manager', compose: { backups: { timers: false } } });
    const c = counter;
    dataDir = c.office.dataDir;
    await sell(c.till, c.show.performanceId, 2);
    // The ledger as the sale left it (opening the till's shift may have written rows of its own).
    const { rows, last } = c.office.records.$client.prepare('SELECT count(*) AS rows, max(seq) AS last FROM ledger').get() as { rows: number; last: number };
    await c.running.stop();
    c.office.close();

    const backup = await command('backup', '--data-dir', dataDir);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(new RegExp(`Backup (\\S+-command-line) made in .*: 1 orders, 2 tickets, ledger to #${last}\\.`));
    const stem = /Backup (\S+) made/.exec(backup.out)![1]!;

    const later = new Database(join(dataDir, 'records.sqlite'));
    later.exec(`UPDATE settings SET value = '"After the backup"' WHERE key = 'venue.name'`);
    later.close();

    const restore = await command('restore', join(dataDir, 'backups', `${stem}.records.sqlite.gz`), '--data-dir', dataDir);
    expect(restore.out).toMatch(/Restored .*-command-line\. The database as it was is kept as backup .*-before-restore\./);
    expect(restore.out).toContain(`The ledger proves the restored database (${rows} rows, to #${last})`);

    const verify = await command('verify', '--data-dir', dataDir);
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.out).toContain(`The ledger proves the database: ${rows} rows, to #${last}`);
  });

  it('says what is wrong with the arguments, with exit code 2', async () => {
    expect(await command('backup')).toMatchObject({ code: 2, out: expect.stringMatching(/Say which data folder/) });
    expect(await command('backup', '--data-dir', '/nonexistent/marquee')).toMatchObject({ code: 2, out: expect.stringMatching(/There is no records.sqlite in \/nonexistent\/marquee/) });
    expect(await command('restore', '/tmp/nothing-here.manifest.json', '--data-dir', sourceRoot)).toMatchObject({ code: 2 });
  });
});
