import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import { startDemoPrinter } from '../../src-main/print/demo-printer.ts';
import { composeForTest, makeTempDir, openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { eventually, fastOptions, ticketBytes } from '../print/delivery/helpers.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/fake-printer.ts', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
/** Exceptions nothing caught while a test ran in this process: each would have ended the host. */
const uncaught: unknown[] = [];
const collect = (error: unknown): void => {
  uncaught.push(error);
};
beforeEach(() => {
  uncaught.length = 0;
  process.on('uncaughtException', collect);
});
afterEach(async () => {
  process.off('uncaughtException', collect);
  // Every cleanup runs even if one fails, so no mount is left behind.
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve().then(cleanup).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
});

/** Prints one job the way the queue does: connect, send the bytes, close. */
function sendJob(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.on('error', reject);
    socket.on('close', () => resolve());
  });
}

/** DLE EOT 1: the printer's real-time status byte. */
function askStatus(port: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from([0x10, 0x04, 0x01])));
    socket.once('data', (reply: Buffer) => {
      socket.destroy();
      resolve(reply);
    });
    socket.on('error', reject);
  });
}

/** A folder whose next job files lead to /dev/full, so writing them fails with ENOSPC (no root needed). */
function folderOnFullDisk(count: number): string {
  const dir = makeTempDir('marquee-full-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (let n = 1; n <= count; n++) symlinkSync('/dev/full', join(dir, `${String(n).padStart(4, '0')}.bin`));
  return dir;
}

/** A real full filesystem: a small tmpfs, filled up. Null where mounting is not allowed (not root). */
function fullTmpfs(sizeKb: number): { dir: string; free(): void } | null {
  const dir = makeTempDir('marquee-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  cleanups.push(() => {
    // Lazy: a file still open (a failed test's database) must not keep the mount.
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    free: () => rmSync(join(dir, 'filler'), { force: true }),
  };
}

function fill(dir: string): void {
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024 * 1024));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
}

const canMount = (() => {
  const probe = fullTmpfs(16);
  if (!probe) return false;
  execFileSync('umount', [probe.dir]);
  rmSync(probe.dir, { recursive: true, force: true });
  cleanups.pop();
  return true;
})();

describe('the simulated printer survives a full disk (item 12)', () => {
  it('npm run fake-printer: ENOSPC while filing a job is said in a sentence; the printer keeps printing and answering status', async () => {
    const outDir = folderOnFullDisk(2);
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--port', '0', '--out', outDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exited = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', () => (exited = true));
    cleanups.push(async () => {
      if (!exited) {
        const closed = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGKILL');
        await closed;
      }
    });
    const port = Number((await eventually(() => /listening at tcp:\/\/127\.0\.0\.1:(\d+)/.exec(stdout), (m) => m !== null))![1]);

    await sendJob(port, ticketBytes(1));
    await eventually(() => stdout, (out) => out.includes('printed job 1') || exited);
    expect(exited, stderr).toBe(false);
    expect(stderr).toContain('The simulated printer could not file job 0001.bin (the disk is full)');
    expect(stderr).not.toMatch(/\n\s+at |Error:/);

    expect((await askStatus(port)).length).toBe(1);
    await sendJob(port, ticketBytes(2));
    await sendJob(port, ticketBytes(3));
    await eventually(() => stdout, (out) => out.includes('printed job 3') || exited);
    expect(exited).toBe(false);
    // Said once while the disk stays full; the third job, with room again, is filed.
    expect(stderr.match(/could not file job/g)).toHaveLength(1);
    // The two that failed left no half-written file behind.
    expect(readdirSync(outDir).sort()).toEqual(['0003.bin']);
  });

  it.skipIf(!canMount)('on a real full filesystem (a filled tmpfs) too, and files again once there is room', async () => {
    const disk = fullTmpfs(64)!;
    const outDir = join(disk.dir, 'jobs');
    mkdirSync(outDir);
    fill(disk.dir);
    const said: string[] = [];
    const printer = await FakePrinter.start({ outDir, log: (sentence) => said.push(sentence) });
    cleanups.push(() => printer.stop());
    const big = Buffer.concat([ticketBytes(4), Buffer.alloc(32 * 1024, 0x20)]);
    await sendJob(printer.port, big);
    await printer.waitForJobs(1);
    expect(said).toEqual([expect.stringMatching(/^The simulated printer could not file job 0001\.bin \(the disk is full\)/)]);
    expect(readdirSync(outDir)).toEqual([]);
    expect((await askStatus(printer.port)).length).toBe(1);

    disk.free();
    await sendJob(printer.port, ticketBytes(5));
    await printer.waitForJobs(2);
    expect(readdirSync(outDir)).toEqual(['0002.bin']);
    expect(printer.jobs).toEqual([big, ticketBytes(5)]);
    expect(uncaught).toEqual([]);
  });

  it('the demo counter printer inside the box office: a full disk does not stop printing or the host', async () => {
    const temp = openTempBoxOffice();
    cleanups.push(() => temp.dispose());
    mkdirSync(join(temp.dataDir, 'fake-printer'));
    for (let n = 1; n <= 3; n++) symlinkSync('/dev/full', join(temp.dataDir, 'fake-printer', `${String(n).padStart(4, '0')}.bin`));
    const service = composeForTest(temp.office, { print: fastOptions }).printing;
    cleanups.push(() => service.stop());
    const demo = await startDemoPrinter(temp.office, service);
    cleanups.push(() => demo.stop());
    const printerId = service.listPrinters()[0]!.id;
    for (const n of [6, 7]) {
      const [job] = service.submit({ source: 'test', jobs: [{ kind: 'ticket', bytes: ticketBytes(n) }] }).jobs;
      await eventually(() => service.queue.view(job!.id).state, (s) => s === 'done');
    }
    expect(demo.printer.jobs).toEqual([ticketBytes(6), ticketBytes(7)]);
    expect(await service.queue.readStatus(printerId)).toMatchObject({ state: 'ready', reportsStatus: true });
    expect(uncaught).toEqual([]);
  });
});

describe.skipIf(!canMount)('the print queue on a full disk', () => {
  it('does not crash the host: a job it cannot record as sending waits unprinted, and all print once there is room', async () => {
    const disk = fullTmpfs(8 * 1024)!;
    const temp = openTempBoxOffice({ dataDir: join(disk.dir, 'data') });
    cleanups.push(() => temp.office.close());
    const printerDir = makeTempDir('marquee-full-printer-');
    cleanups.push(() => rmSync(printerDir, { recursive: true, force: true }));
    const printer = await FakePrinter.start({ outDir: printerDir });
    cleanups.push(() => printer.stop());
    const service = composeForTest(temp.office, { print: fastOptions }).printing;
    cleanups.push(() => service.stop());
    await service.savePrinter({
      name: 'Front desk', type: 'epson', interface: printer.uri, widthDots: 576, characterSet: 'PC858_EURO', jobKinds: ['ticket'], drawerPin: null,
    });
    // The job is stored; before the queue's first step (it waits for the printer's status answer)
    // the disk fills up, with the database log emptied first so that the next write must grow a file.
    const [held] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(10) }] }).jobs;
    temp.office.station.$client.pragma('wal_checkpoint(TRUNCATE)');
    fill(disk.dir);
    // The printer answers ready, marking the job 'sending' fails (SQLITE_FULL): the old tcp transport
    // threw that out of a socket handler, which ended the process. Nothing may print unrecorded.
    await eventually(() => printer.connections, (n) => n >= 1);
    expect(() => service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(12) }] })).toThrow(/full/);
    expect(printer.jobs).toEqual([]);
    expect(service.queue.view(held!.id).state).toBe('queued');

    disk.free();
    const [later] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(11) }] }).jobs;
    await eventually(() => service.queue.view(later!.id).state, (s) => s === 'done');
    expect(service.queue.view(held!.id).state).toBe('done');
    expect(printer.jobs).toEqual([ticketBytes(10), ticketBytes(11)]);
    expect(uncaught).toEqual([]);
  });
});
