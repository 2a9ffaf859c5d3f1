import { spawn, execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statfsSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openBoxOffice, RECORDS_FILE } from '../../src-main/core/box-office.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { sourceMigrationsRoot, sourceRoot } from '../../src-main/paths.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { storageErrorWhileRunning } from '../../src-main/db/storage-errors.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { openCounter } from '../helpers/counter.ts';
import { seedShow } from '../sales/fixtures.ts';

/**
 * Issue #10, bad data folder: a missing, read-only, full or damaged data folder is a sentence
 * naming the file and exit code 2 at start, and a full disk while selling is a sentence too,
 * with nothing half-sold. Everything is real: host mode runs as a child process, read-only and
 * full disks are real tmpfs mounts (these tests run as root, and root ignores chmod, so a mode of
 * 0555 would prove nothing), and the files are real SQLite files cut short or overwritten.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Whether this machine lets us mount a tmpfs (root with CAP_SYS_ADMIN); the disk tests need it. */
const canMount = (() => {
  const probe = makeTempDir('marquee-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();
afterAll(() => {
  if (!canMount) console.warn('data-folder tests: mount is not permitted here; the read-only and full-disk cases were skipped.');
});

/** A tmpfs of `size` at a fresh folder, unmounted after the test; `ro` makes it read-only. */
function mountTmpfs(options: string): string {
  const dir = makeTempDir('marquee-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  cleanups.push(() => {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** The same folder again at a second place, read-only there (a read-only bind mount). */
function readOnlyView(source: string): string {
  const dir = makeTempDir('marquee-ro-view-');
  execFileSync('mount', ['--bind', source, dir]);
  execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
  cleanups.push(() => {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes zeros until the disk holding `dir` says ENOSPC; answers the filler file's path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Single bytes too, until not even one fits.
  const tail = openSync(filler, 'a');
  try {
    for (;;) writeSync(tail, Buffer.alloc(1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(tail);
  }
  expect(statfsSync(dir).bavail).toBe(0);
  return filler;
}

/** A box office created for real in `dir` and closed again, as one left by an earlier run. */
function createBoxOffice(dir: string): void {
  const office = openBoxOffice({ dataDir: dir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'test' });
  seedShow(office);
  office.close();
}

interface HostExit {
  code: number | null;
  output: string;
}

/** Starts host mode exactly as `npm run serve` does and waits for it to exit (or to start, which fails the test). */
function runHost(dataDir: string): Promise<HostExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(sourceRoot, 'src-main/host/cli.ts'), '--port', '0', '--data-dir', dataDir],
      { cwd: sourceRoot, env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const collect = (d: Buffer) => {
      output += d.toString();
      if (/Open http:\/\/\S+ in a browser/.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** Exit code 2 and one sentence, with no stack trace and no Node internals. */
function expectRefusedStart(result: HostExit, sentence: RegExp): void {
  expect(result.output).toMatch(sentence);
  expect(result.output).not.toMatch(/^ {4}at /m);
  expect(result.output).not.toMatch(/node:internal|SqliteError|DrizzleError|triggerUncaughtException/);
  expect(result.code).toBe(2);
}

describe('host mode refuses a bad data folder with a sentence and exit code 2', () => {
  it('a data folder that is missing and cannot be created (a file stands where its parent should be)', async () => {
    const base = makeTempDir('marquee-missing-');
    cleanups.push(() => rmSync(base, { recursive: true, force: true }));
    writeFileSync(join(base, 'not-a-folder'), 'a file, not a folder');
    const dataDir = join(base, 'not-a-folder', 'data');
    const result = await runHost(dataDir);
    expectRefusedStart(result, /The data folder \S+ for records\.sqlite does not exist and could not be created \(\S+not-a-folder is a file, not a folder\)/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a data folder given as a file', async () => {
    const base = makeTempDir('marquee-file-');
    cleanups.push(() => rmSync(base, { recursive: true, force: true }));
    const dataDir = join(base, 'data');
    writeFileSync(dataDir, 'a file, not a folder');
    const result = await runHost(dataDir);
    expectRefusedStart(result, /The data folder \S+ is not a folder \(a file is in the way\), so records\.sqlite cannot be kept there/);
  });

  it('a truncated records.sqlite', async () => {
    const dataDir = makeTempDir('marquee-truncated-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    createBoxOffice(dataDir);
    // Cut off mid-page, as a copy stopped short would be.
    truncateSync(join(dataDir, RECORDS_FILE), 5000);
    const result = await runHost(dataDir);
    expectRefusedStart(result, /records\.sqlite in \S+ is damaged \(database disk image is malformed\): restore it from a backup/);
  });

  it('a records.sqlite of random bytes', async () => {
    const dataDir = makeTempDir('marquee-random-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    writeFileSync(join(dataDir, RECORDS_FILE), randomBytes(64 * 1024));
    const before = readFileSync(join(dataDir, RECORDS_FILE));
    const result = await runHost(dataDir);
    expectRefusedStart(result, /records\.sqlite in \S+ is not a box office database \(file is not a database; .*\): restore it from a backup/);
    // Refusing is all it did: the file is left as it was, for whoever recovers it.
    expect(readFileSync(join(dataDir, RECORDS_FILE)).equals(before)).toBe(true);
  });

  it.skipIf(!canMount)('a read-only data folder (an empty read-only tmpfs)', async () => {
    const dataDir = mountTmpfs('ro,size=1m');
    const result = await runHost(dataDir);
    expectRefusedStart(result, /The data folder \S+ is read-only, so records\.sqlite cannot be written: make the folder writable/);
  });

  it.skipIf(!canMount)('a read-only data folder holding a box office (a read-only bind mount)', async () => {
    const dataDir = makeTempDir('marquee-rw-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    createBoxOffice(dataDir);
    const result = await runHost(readOnlyView(dataDir));
    expectRefusedStart(result, /The data folder \S+ is read-only, so records\.sqlite cannot be written/);
  });

  it.skipIf(!canMount)('a missing data folder on a read-only disk', async () => {
    const disk = mountTmpfs('ro,size=1m');
    const result = await runHost(join(disk, 'data'));
    expectRefusedStart(result, /The data folder \S+ for records\.sqlite does not exist and could not be created \(\S+ is on a read-only disk\)/);
  });

  it.skipIf(!canMount)('a full disk, new installation', async () => {
    const dataDir = mountTmpfs('size=2m');
    fillDisk(dataDir);
    const result = await runHost(dataDir);
    expectRefusedStart(result, /The disk holding the data folder \S+ is full, so records\.sqlite could not be written: free some space on it, then start Marquee again\./);
  });

  it.skipIf(!canMount)('a full disk under an existing box office', async () => {
    const dataDir = mountTmpfs('size=4m');
    createBoxOffice(dataDir);
    fillDisk(dataDir);
    const result = await runHost(dataDir);
    expectRefusedStart(result, /The disk holding the data folder \S+ is full, so records\.sqlite could not be written/);
  });
});

describe('a full disk while selling', () => {
  it.skipIf(!canMount)('answers a sentence, sells nothing, and sells once space is freed', async () => {
    const dataDir = mountTmpfs('size=8m');
    const clock = new ManualClock(Date.UTC(2026, 10, 22, 19));
    const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'test', clock });
    cleanups.push(() => {
      try {
        office.close();
      } catch {
        // Closing checkpoints; a failure there must not hide the test's own.
      }
    });
    const { show, till } = await openCounter({ office, show: true, signedIn: 'cashier' });
    const unitIds = [show.unit('Stalls C-1'), show.unit('Stalls C-2')];
    const { holdId } = await till.call('holdSeats', { performanceId: show.performanceId, unitIds });
    const sale = {
      holdId,
      lines: unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
      payments: [{ method: 'card' as const, amountMinor: 5000 }],
      idempotencyKey: randomUUID(),
    };

    const db = office.records.$client;
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const ledgerBefore = count('ledger');
    // An empty WAL: the sale's pages must take new space on the disk (a WAL that already has room
    // would let the sale through on a full disk, which is right, but would not test anything).
    db.pragma('wal_checkpoint(TRUNCATE)');
    const filler = fillDisk(dataDir);

    const refused = await till.result('bookSeats', sale);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'STORAGE',
        message: 'The disk holding the box office data is full: free some space, then try again. Nothing was sold.',
        details: { problem: 'full' },
      },
    });
    expect(JSON.stringify(refused)).not.toContain(dataDir);
    // Nothing half-written: no order, ticket or payment, no ledger row, the seats still held.
    expect(count('orders')).toBe(0);
    expect(count('tickets')).toBe(0);
    expect(count('payments')).toBe(0);
    expect(count('ledger')).toBe(ledgerBefore);
    expect(count('sale_requests')).toBe(0);
    expect(checkInvariants(db, clock.now())).toEqual([]);
    const states = db.prepare(`select state from units where id in (${unitIds.join(',')})`).pluck().all();
    expect(states).toEqual(['held', 'held']);

    // Space freed, the same request (the Sell screen's retry) sells, once.
    unlinkSync(filler);
    const sold = await till.result('bookSeats', sale);
    expect(sold.ok).toBe(true);
    expect(count('orders')).toBe(1);
    expect(count('tickets')).toBe(2);
    expect(checkInvariants(db, clock.now())).toEqual([]);
  });
});

describe('what a window may be told', () => {
  it.skipIf(!canMount)('a disk-full sentence for a window never carries the host path', () => {
    const dataDir = mountTmpfs('size=1m');
    mkdirSync(join(dataDir, 'fake-printer'));
    fillDisk(dataDir);
    let enospc: unknown;
    try {
      writeFileSync(join(dataDir, 'fake-printer', '0001.bin'), Buffer.alloc(4096));
    } catch (error) {
      enospc = error;
    }
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC');
    const sentence = storageErrorWhileRunning(enospc, 'printOrder');
    // A failed write names no file (only a failed open carries a path); the sentence then names none.
    expect(sentence?.toAppError()).toEqual({
      code: 'STORAGE',
      message: 'The disk holding the box office data is full: free some space, then try again. Nothing was saved.',
      details: { problem: 'full' },
    });
    expect(JSON.stringify(sentence?.toAppError())).not.toContain(dataDir);
  });

  it('a missing file that is not the box office data (a layout, a device) is not a storage failure', () => {
    let enoent: unknown;
    try {
      readFileSync(join(makeTempDir('marquee-empty-'), 'no-such-layout.json'));
    } catch (error) {
      enoent = error;
    }
    expect(storageErrorWhileRunning(enoent, 'previewLayout')).toBeNull();
  });
});
