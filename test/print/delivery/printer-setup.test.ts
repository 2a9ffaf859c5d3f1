import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { printingHandlers } from '../../../src-main/api/handlers/printing.ts';
import type { RunningBoxOffice } from '../../../src-main/app/compose.ts';
import type { BoxOffice } from '../../../src-main/core/box-office.ts';
import { parsePrinterAddress } from '../../../src-main/print/printers/printer-address.ts';
import { characterSets, printerTypes, printingProcedures } from '../../../src-shared/contract/printing.ts';
import { CharacterSet, PrinterTypes } from 'node-thermal-printer';
import { openCounter } from '../../helpers/counter.ts';
import { openPtyPort, ptyPortAvailable } from '../../helpers/pty-port.ts';
import { composeForTest, openTempBoxOffice } from '../../helpers/temp-box-office.ts';
import { eventually, fastOptions, printerSettings, ticketBytes } from './helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function office(): { office: BoxOffice; boxOffice: RunningBoxOffice } {
  const temp = openTempBoxOffice();
  cleanups.push(() => temp.dispose());
  const boxOffice = composeForTest(temp.office, { print: fastOptions });
  cleanups.push(() => boxOffice.stop());
  return { office: temp.office, boxOffice };
}

describe('printer setup', () => {
  it('offers exactly the printer types and code pages node-thermal-printer knows', () => {
    expect([...printerTypes].sort()).toEqual(Object.values(PrinterTypes).sort());
    expect([...characterSets].sort()).toEqual(Object.values(CharacterSet).sort());
  });

  it('understands network, device, serial and system-printer addresses', () => {
    expect(parsePrinterAddress('tcp://192.168.1.50:9100')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100, uri: 'tcp://192.168.1.50:9100' });
    expect(parsePrinterAddress('tcp://printer.local')).toMatchObject({ kind: 'tcp', host: 'printer.local', port: 9100 });
    expect(parsePrinterAddress('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(parsePrinterAddress('COM3')).toEqual({ kind: 'device', path: 'COM3' });
    expect(parsePrinterAddress('\\\\.\\COM12')).toEqual({ kind: 'device', path: '\\\\.\\COM12' });
    expect(parsePrinterAddress('printer:Kiosk EPSON')).toEqual({ kind: 'os', printerName: 'Kiosk EPSON' });
    expect(() => parsePrinterAddress('http://printer')).toThrow(/is not a printer address\. Use tcp:\/\/host:9100/);
    expect(() => parsePrinterAddress('tcp://host:70000')).toThrow(/has no usable port/);
  });

  it('says clearly that a system printer needs a driver module that is not installed', async () => {
    const { boxOffice } = office();
    await openCounter({ running: boxOffice, signedIn: 'manager' }); // setting printers up is for managers
    const handlers = printingHandlers(boxOffice);
    await expect(handlers.savePrinter(printerSettings({ interface: 'printer:Kiosk' }), { transport: 'test', stationId: 'test-window', sessionSecret: null })).rejects.toMatchObject({
      code: 'PRINTER_UNAVAILABLE',
      message: expect.stringMatching(/^Printing to the system printer 'Kiosk' needs a printer driver module \(@thiagoelg\/node-printer or printer/),
    });
  });

  it.skipIf(!ptyPortAvailable())('prints to a device port and says "Not connected" for a missing one', async () => {
    const service = office().boxOffice.printing;
    // A real character device (a pseudo-terminal): ordinary files are no longer printer ports.
    const port = await openPtyPort();
    cleanups.push(() => port.stop());
    const printer = await service.savePrinter(printerSettings({ interface: port.path }));
    const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(5) }] }).jobs;
    await eventually(() => service.queue.view(job!.id).state, (s) => s === 'done');
    await eventually(() => port.received(), (got) => got.length >= ticketBytes(5).length);
    expect(port.received()).toEqual(ticketBytes(5));

    const missing = '/dev/usb/lp97';
    await service.savePrinter({ ...printerSettings({ interface: missing }), id: printer.id });
    expect(await service.queue.readStatus(printer.id)).toMatchObject({ state: 'unreachable', words: `Not connected: nothing at ${missing}` });
    const [waiting] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(6) }] }).jobs;
    const view = await eventually(() => service.queue.view(waiting!.id), (j) => j.attempts >= 1);
    expect(view.lastError).toBe(`Not connected: nothing at ${missing}`);
    // The device never turned into a plain file nobody reads.
    expect(() => readFileSync(missing)).toThrow();
  });

  it('serves the contract through its handlers: add, edit, list, refuse duplicates, remove', async () => {
    const { boxOffice } = office();
    await openCounter({ running: boxOffice, signedIn: 'manager' }); // setting printers up is for managers
    const h = printingHandlers(boxOffice);
    const ctx = { transport: 'test' as const, stationId: 'test-window', sessionSecret: null };
    const out = printingProcedures;

    const added = out.savePrinter.output.parse(await h.savePrinter(printerSettings({ interface: 'tcp://127.0.0.1:1' }), ctx));
    expect(added).toMatchObject({ name: 'Front desk', waitingJobs: 0, status: { state: 'unknown', words: 'Not checked yet' } });
    const edited = out.savePrinter.output.parse(await h.savePrinter({ ...printerSettings({ interface: 'tcp://127.0.0.1:2', widthDots: 384, drawerPin: 5 }), id: added.id }, ctx));
    expect(edited).toMatchObject({ id: added.id, widthDots: 384, drawerPin: 5, interface: 'tcp://127.0.0.1:2' });
    await expect(h.savePrinter(printerSettings({ name: 'FRONT DESK', interface: 'tcp://127.0.0.1:3' }), ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(out.listPrinters.output.parse(await h.listPrinters({}, ctx))).toHaveLength(1);
    expect(out.listPrintJobs.output.parse(await h.listPrintJobs({ includeFinished: true, limit: 10 }, ctx))).toEqual([]);
    expect(await h.removePrinter({ printerId: added.id }, ctx)).toEqual({ removed: true });
    expect(await h.listPrinters({}, ctx)).toEqual([]);
    expect(() => h.testPrint({ printerId: added.id }, ctx)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    const settings = out.getPrintApiSettings.output.parse(await h.getPrintApiSettings({}, ctx));
    expect(settings.token.length).toBeGreaterThanOrEqual(32);
    const rotated = out.rotatePrintApiToken.output.parse(await h.rotatePrintApiToken({}, ctx));
    expect(rotated.token).not.toBe(settings.token);
  });
});
