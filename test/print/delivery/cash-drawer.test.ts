import { afterEach, describe, expect, it } from 'vitest';
import { drawerPulse } from '../../../src-main/print/drawer/drawer-pulse.ts';
import { sampleData } from '../../../src-main/print/render/index.ts';
import { renderedLayouts } from '../../../src-main/print/render-layouts.ts';
import { eventually, openPrintingRig, ticketBytes, type PrintingRig } from './helpers.ts';

let rig: PrintingRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

describe('the cash drawer', () => {
  it('is opened with the full ESC p m t1 t2 form', () => {
    expect(drawerPulse('epson', 2)).toEqual(Buffer.from([0x1b, 0x70, 0x00, 50, 250]));
    expect(drawerPulse('epson', 5)).toEqual(Buffer.from([0x1b, 0x70, 0x01, 50, 250]));
    expect(drawerPulse('tanca', 2)).toEqual(Buffer.from([0x1b, 0x70, 0x00, 50, 250]));
  });

  it('opens for a cash sale before the tickets and the receipt print', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const { service, fake, printer } = rig;
    const sale = service.submit({
      openDrawer: true,
      jobs: [
        { kind: 'ticket', bytes: ticketBytes(1) },
        { kind: 'receipt', bytes: Buffer.from('RECEIPT\n') },
      ],
    });
    expect(await sale.drawer).toEqual({ opened: true, printerId: printer.id });
    const printed = await fake.waitForJobs(3);
    expect(printed[0]).toEqual(Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]));
    expect(printed.slice(1)).toEqual([ticketBytes(1), Buffer.from('RECEIPT\n')]);
  });

  it('stays shut for other payments', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 5 } });
    const { service, fake } = rig;
    const sale = service.submit({ jobs: [{ kind: 'receipt', bytes: Buffer.from('CARD RECEIPT\n') }] });
    expect(await sale.drawer).toEqual({ opened: false, reason: 'not asked' });
    await eventually(() => service.queue.view(sale.jobs[0]!.id).state, (s) => s === 'done');
    expect(await fake.waitForJobs(1)).toEqual([Buffer.from('CARD RECEIPT\n')]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.jobs).toHaveLength(1);
  });

  it('reports, and does not retry, a pulse the printer could not take', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const { service, fake } = rig;
    await fake.setOffline(true);
    const sale = service.submit({ openDrawer: true, jobs: [{ kind: 'receipt', bytes: Buffer.from('R\n') }] });
    expect(await sale.drawer).toEqual({
      opened: false,
      reason: expect.stringMatching(/^The cash drawer did not open: Not answering at 127\.0\.0\.1:\d+/),
    });
    await eventually(() => service.queue.view(sale.jobs[0]!.id), (j) => j.attempts >= 1);
    await fake.setOffline(false);
    await fake.waitForJobs(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Only the receipt: a drawer springing open long after the sale would be worse than not at all.
    expect(fake.jobs).toEqual([Buffer.from('R\n')]);
  });

  it('says so when no printer has a drawer', async () => {
    rig = await openPrintingRig();
    const sale = rig.service.submit({ openDrawer: true, jobs: [{ kind: 'receipt', bytes: Buffer.from('R\n') }] });
    expect(await sale.drawer).toEqual({ opened: false, reason: 'No printer on this station has a cash drawer set up.' });
  });
});

describe('a sale printed from layouts', () => {
  it('renders tickets and receipt as one set, drawer first for cash', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const { service, fake, printer } = rig;
    const ticket = sampleData('ticket') as unknown as Record<string, unknown>;
    const receipt = sampleData('receipt') as unknown as Record<string, unknown>;
    const sale = await service.submitLayouts({
      openDrawer: true,
      jobs: [
        { layoutId: 'ticket-80mm', data: ticket, label: 'Ticket F12' },
        { layoutId: 'ticket-80mm', data: ticket, label: 'Ticket F13' },
        { layoutId: 'receipt-80mm', data: receipt },
      ],
    });
    expect(sale.jobs.map((j) => [j.kind, j.position, j.jobSetId])).toEqual([
      ['ticket', 0, sale.jobSetId],
      ['ticket', 1, sale.jobSetId],
      ['receipt', 2, sale.jobSetId],
    ]);
    expect(await sale.drawer).toEqual({ opened: true, printerId: printer.id });
    const layouts = renderedLayouts(rig.boxOffice.assets);
    const printed = await fake.waitForJobs(4);
    expect(printed).toEqual([
      drawerPulse('epson', 2),
      await layouts.render('ticket-80mm', ticket, printer),
      await layouts.render('ticket-80mm', ticket, printer),
      await layouts.render('receipt-80mm', receipt, printer),
    ]);
  });

  it('queues nothing when one document of the sale cannot be rendered', async () => {
    rig = await openPrintingRig();
    const { service } = rig;
    await expect(
      service.submitLayouts({
        jobs: [
          { layoutId: 'ticket-80mm', data: sampleData('ticket') as unknown as Record<string, unknown> },
          { layoutId: 'receipt-80mm', data: { nonsense: true } },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(service.listJobs({ includeFinished: true, limit: 10 })).toEqual([]);
  });
});
