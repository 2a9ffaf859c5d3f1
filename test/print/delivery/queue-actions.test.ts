import { afterEach, describe, expect, it } from 'vitest';
import { FakePrinter } from '../../../src-main/print/fake-printer/fake-printer.ts';
import { eventually, openPrintingRig, printerSettings, ticketBytes, type PrintingRig } from './helpers.ts';

let rig: PrintingRig | undefined;
const extra: FakePrinter[] = [];
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
  for (const fake of extra.splice(0)) await fake.stop();
});

describe('the print queue', () => {
  it('prints a sale (tickets then receipt) in order, and sets first come first served', async () => {
    rig = await openPrintingRig();
    const { service, fake } = rig;
    const sale1 = service.submit({
      jobs: [
        { kind: 'ticket', bytes: ticketBytes(1) },
        { kind: 'ticket', bytes: ticketBytes(2) },
        { kind: 'receipt', bytes: Buffer.from('RECEIPT 1\n') },
      ],
    });
    const sale2 = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(3) }, { kind: 'receipt', bytes: Buffer.from('RECEIPT 2\n') }] });
    expect(sale1.jobs.map((j) => j.position)).toEqual([0, 1, 2]);
    expect(sale2.jobSetId > sale1.jobSetId).toBe(true);
    const printed = await fake.waitForJobs(5);
    expect(printed).toEqual([
      ticketBytes(1),
      ticketBytes(2),
      Buffer.from('RECEIPT 1\n'),
      ticketBytes(3),
      Buffer.from('RECEIPT 2\n'),
    ]);
  });

  it('routes each kind to the printer that takes it and refuses a kind no printer takes', async () => {
    rig = await openPrintingRig({ printer: { jobKinds: ['ticket'] } });
    const { service } = rig;
    expect(() => service.submit({ jobs: [{ kind: 'receipt', bytes: Buffer.from('R') }] })).toThrow(
      'No printer on this station takes receipts; set one up under Printers.',
    );
    // Nothing half-written: the refused set left no rows.
    expect(service.listJobs({ includeFinished: true, limit: 10 })).toEqual([]);
    const receipts = await FakePrinter.start();
    extra.push(receipts);
    const receiptPrinter = await service.savePrinter(printerSettings({ name: 'Receipts', interface: receipts.uri, jobKinds: ['receipt'] }));
    const set = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(1) }, { kind: 'receipt', bytes: Buffer.from('R') }] });
    expect(set.jobs.map((j) => j.printerId)).toEqual([rig.printer.id, receiptPrinter.id]);
    expect((await receipts.waitForJobs(1))[0]).toEqual(Buffer.from('R'));
    expect((await rig.fake.waitForJobs(1))[0]).toEqual(ticketBytes(1));
  });

  it('lets staff cancel a waiting job, move one to another printer and reprint a printed one', async () => {
    rig = await openPrintingRig();
    const { service, fake, printer } = rig;
    await fake.setOffline(true);
    const set = service.submit({ jobs: [1, 2, 3].map((n) => ({ kind: 'ticket', bytes: ticketBytes(n), label: `T${n}` })) });
    await eventually(() => service.queue.view(set.jobs[0]!.id), (j) => j.attempts >= 1);

    const listed = service.listJobs({ printerId: printer.id, includeFinished: false, limit: 10 });
    expect(listed.map((j) => j.label)).toEqual(['T1', 'T2', 'T3']);
    expect(service.listPrinters()[0]).toMatchObject({ id: printer.id, waitingJobs: 3, status: { state: 'unreachable' } });

    expect(service.queue.cancel(set.jobs[1]!.id).state).toBe('cancelled');

    const spare = await FakePrinter.start();
    extra.push(spare);
    const sparePrinter = await service.savePrinter(printerSettings({ name: 'Spare', interface: spare.uri }));
    const moved = service.queue.move(set.jobs[0]!.id, sparePrinter.id);
    expect(moved).toMatchObject({ printerId: sparePrinter.id, printerName: 'Spare', state: 'queued' });
    expect((await spare.waitForJobs(1))[0]).toEqual(ticketBytes(1));
    await eventually(() => service.queue.view(set.jobs[0]!.id).state, (s) => s === 'done');

    // Removing a printer with a job still waiting is refused, in words.
    expect(() => service.removePrinter(printer.id)).toThrow('This printer still has 1 job waiting; move or cancel them before removing it.');

    await fake.setOffline(false);
    service.queue.retry(set.jobs[2]!.id);
    expect((await fake.waitForJobs(1))[0]).toEqual(ticketBytes(3));
    await eventually(() => service.queue.view(set.jobs[2]!.id).state, (s) => s === 'done');
    expect(() => service.queue.cancel(set.jobs[2]!.id)).toThrow('This job has already printed and cannot be cancelled.');
    expect(() => service.queue.retry(set.jobs[2]!.id)).toThrow('This job has already printed; use reprint to print it again.');

    const reprint = service.queue.reprint(set.jobs[2]!.id);
    expect(reprint).toMatchObject({ reprintOf: set.jobs[2]!.id, source: 'reprint', label: 'T3' });
    expect((await fake.waitForJobs(2))[1]).toEqual(ticketBytes(3));
    // The cancelled one never printed anywhere.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect([...fake.jobs, ...spare.jobs].some((b) => b.equals(ticketBytes(2)))).toBe(false);

    service.removePrinter(sparePrinter.id);
    expect(service.listPrinters().map((p) => p.name)).toEqual(['Front desk']);
  });

  it('prints a test page built by node-thermal-printer for the printer', async () => {
    rig = await openPrintingRig();
    const { service, fake, printer } = rig;
    const job = service.testPrint(printer.id);
    expect(job).toMatchObject({ kind: 'test', source: 'test-print', label: 'Test print on Front desk' });
    const [page] = await fake.waitForJobs(1);
    const text = page!.toString('latin1');
    expect(text).toContain('Marquee test print');
    expect(text).toContain(`127.0.0.1:${fake.port}`);
    expect(text).toContain('80 mm (576 dots)');
    // ESC @, then ESC t 19 (PC858) chosen by node-thermal-printer, and a cut at the end.
    expect(page!.subarray(0, 5)).toEqual(Buffer.from([0x1b, 0x40, 0x1b, 0x74, 0x13]));
    expect(page!.includes(Buffer.from([0x1d, 0x56, 0x00]))).toBe(true);
  });
});
