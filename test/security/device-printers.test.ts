import { accessSync, constants, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintService } from '../../src-main/print/print-service.ts';
import { deviceNameProblem, openPrinterDevice } from '../../src-main/print/printers/device-path.ts';
import { openPtyPort, ptyPortAvailable } from '../helpers/pty-port.ts';
import { composeForTest, makeTempDir, openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { eventually, fastOptions, printerSettings, ticketBytes } from '../print/delivery/helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const IMPORTANT = 'IMPORTANT: the venue accounts, not to be overwritten\n';

function openService(): { service: PrintService; station: ReturnType<typeof openTempBoxOffice>['office']['station'] } {
  const temp = openTempBoxOffice();
  const service = composeForTest(temp.office, { print: fastOptions }).printing;
  cleanups.push(() => temp.dispose());
  cleanups.push(() => service.stop());
  return { service, station: temp.office.station };
}

/** Real files in a temp folder: an ordinary file with content, and a link to /dev/null. */
function realFiles() {
  const dir = makeTempDir('marquee-device-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'accounts.txt');
  writeFileSync(file, IMPORTANT);
  const link = join(dir, 'lp0');
  symlinkSync('/dev/null', link);
  return { file, link };
}

/** A printer saved before the device rule existed: its address goes straight into the row. */
function setAddressBehindTheRules(station: ReturnType<typeof openService>['station'], printerId: string, address: string): void {
  station.$client.prepare('update printers set interface = ? where id = ?').run(address, printerId);
}

describe('device printer addresses (item 7): a printer port by name, and a character device when opened', () => {
  it('names: printer ports pass, files, links, consoles and other devices do not', () => {
    for (const ok of ['/dev/usb/lp0', '/dev/lp1', '/dev/ttyS0', '/dev/ttyUSB0', '/dev/ttyACM1', '/dev/ttyAMA0', '/dev/tty.usbserial-1410', '/dev/cu.usbserial-1410', '/dev/pts/3', '/dev/serial/by-id/usb-EPSON_TM-T20III-if00-port0']) {
      expect(deviceNameProblem(ok, 'posix'), ok).toBeNull();
    }
    for (const bad of ['/dev/null', '/dev/zero', '/dev/tty', '/dev/tty1', '/dev/sda', '/dev/usb/lp0/../../../etc/passwd', '/etc/passwd', '/tmp/lp0', '/home/anna/accounts.txt', 'COM3', 'lp0']) {
      expect(deviceNameProblem(bad, 'posix'), bad).toMatch(/is not a printer port/);
    }
    for (const ok of ['COM3', 'com12', 'LPT1', '\\\\.\\COM12']) expect(deviceNameProblem(ok, 'windows'), ok).toBeNull();
    for (const bad of ['C:\\Users\\anna\\accounts.txt', 'COM3.txt', '\\\\server\\share\\x', 'NUL', 'CON']) {
      expect(deviceNameProblem(bad, 'windows'), bad).toMatch(/is not a printer port/);
    }
  });

  it('refuses to save an ordinary file, a link to /dev/null, and /dev/null itself, each with a sentence', async () => {
    const { service } = openService();
    const { file, link } = realFiles();
    for (const address of [file, link, '/dev/null']) {
      await expect(service.savePrinter(printerSettings({ interface: address })), address).rejects.toMatchObject({
        code: 'BAD_INPUT',
        message: expect.stringMatching(/is not a printer port/),
      });
    }
    expect(service.listPrinters()).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(IMPORTANT);
  });

  it('refuses again when a job is sent: a printer saved before the rule never writes into an ordinary file', async () => {
    const { service, station } = openService();
    const { file, link } = realFiles();
    const printer = await service.savePrinter(printerSettings({ interface: 'tcp://127.0.0.1:1' }));
    for (const address of [file, link, '/dev/null']) {
      setAddressBehindTheRules(station, printer.id, address);
      const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(7), printerId: printer.id }] }).jobs;
      const failed = await eventually(() => service.queue.view(job!.id), (j) => j.state === 'failed');
      expect(failed.lastError, address).toMatch(/is not a printer port/);
      service.queue.cancel(job!.id);
    }
    expect(readFileSync(file, 'utf8')).toBe(IMPORTANT);
  });

  it('checks the node itself when it opens it: O_NOFOLLOW, then fstat must say character device', async () => {
    // Links and ordinary files under a printer port's name are what a swapped device looks like.
    // Making them needs a writable /dev (root); elsewhere the name rule above already refuses them.
    let writableDev = false;
    try {
      accessSync('/dev', constants.W_OK);
      writableDev = process.platform === 'linux';
    } catch {
      writableDev = false;
    }
    if (!writableDev) return;
    const base = `/dev/ttySmarquee-test-${process.pid}`;
    const asFile = `${base}-file`;
    const asLink = `${base}-link`;
    const asDevice = `${base}-null`;
    cleanups.push(() => {
      for (const p of [asFile, asLink, asDevice]) rmSync(p, { force: true });
    });
    writeFileSync(asFile, IMPORTANT);
    symlinkSync('/dev/null', asLink);
    execFileSync('mknod', [asDevice, 'c', '1', '3']);

    await expect(openPrinterDevice(asFile, 'posix')).rejects.toThrow(/not a character device/);
    await expect(openPrinterDevice(asLink, 'posix')).rejects.toThrow(/is a link/);
    const handle = await openPrinterDevice(asDevice, 'posix');
    await handle.close();
    expect(readFileSync(asFile, 'utf8')).toBe(IMPORTANT);

    // Saved while it was a device, then swapped for a file: the job fails and the file is untouched.
    const { service } = openService();
    const printer = await service.savePrinter(printerSettings({ interface: asDevice }));
    await expect(service.savePrinter({ ...printerSettings({ interface: asFile }), id: printer.id })).rejects.toThrow(/not a character device/);
    await expect(service.savePrinter({ ...printerSettings({ interface: asLink }), id: printer.id })).rejects.toThrow(/is a link/);
    rmSync(asDevice);
    writeFileSync(asDevice, IMPORTANT);
    const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(8) }] }).jobs;
    const failed = await eventually(() => service.queue.view(job!.id), (j) => j.state === 'failed');
    expect(failed.lastError).toMatch(/not a character device/);
    expect(readFileSync(asDevice, 'utf8')).toBe(IMPORTANT);
  });

  it.skipIf(!ptyPortAvailable())('prints to a real character device with a printer port name (a pseudo-terminal)', async () => {
    const { service } = openService();
    const port = await openPtyPort();
    cleanups.push(() => port.stop());
    const printer = await service.savePrinter(printerSettings({ interface: port.path }));
    const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(9) }] }).jobs;
    await eventually(() => service.queue.view(job!.id).state, (s) => s === 'done');
    await eventually(() => port.received(), (got) => got.length >= ticketBytes(9).length);
    expect(port.received()).toEqual(ticketBytes(9));
    expect(await service.queue.readStatus(printer.id)).toMatchObject({ state: 'ready' });
  });
});
