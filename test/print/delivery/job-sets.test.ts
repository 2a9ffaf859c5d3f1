import { afterEach, describe, expect, it } from 'vitest';
import { FakePrinter } from '../../../src-main/print/fake-printer/fake-printer.ts';
import { eventually, openPrintingRig, printerSettings, ticketBytes, type PrintingRig } from './helpers.ts';

/** What the sale panel reads about its documents (getPrintJobSet, retryPrintJobSet, movePrintJobSet). */
let rig: PrintingRig | undefined;
const spares: FakePrinter[] = [];
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
  for (const spare of spares.splice(0)) await spare.stop();
});

const threeTickets = () => [1, 2, 3].map((n) => ({ kind: 'ticket', bytes: ticketBytes(n), label: `Ticket ${n}` }));

describe('a sale’s job set', () => {
  it('says the printer is not answering with the jobs waiting, then prints everything on Retry once it is back', async () => {
    rig = await openPrintingRig();
    const { queue } = rig.service;
    await rig.fake.setOffline(true);
    const set = rig.service.submit({ jobs: threeTickets() });
    const stuck = await eventually(() => queue.jobSet(set.jobSetId), (s) => s.state === 'stuck');
    expect(stuck).toMatchObject({ words: 'The printer is not answering: 3 jobs waiting', jobs: 3, printed: 0, printer: { id: rig.printer.id, waitingJobs: 3 } });

    await rig.fake.setOffline(false);
    expect(queue.retrySet(set.jobSetId).jobs).toBe(3);
    const printed = await eventually(() => queue.jobSet(set.jobSetId), (s) => s.state === 'printed');
    expect(printed).toMatchObject({ words: 'Printed', printed: 3, printer: null });
    expect(rig.fake.jobs).toEqual([1, 2, 3].map(ticketBytes));
  });

  it('moves every unprinted document of the set to another printer', async () => {
    rig = await openPrintingRig();
    const spare = await FakePrinter.start();
    spares.push(spare);
    const other = await rig.service.savePrinter(printerSettings({ name: 'Spare', interface: spare.uri, jobKinds: ['report'] }));
    await rig.fake.setOffline(true);
    const set = rig.service.submit({ jobs: threeTickets() });
    await eventually(() => rig!.service.queue.jobSet(set.jobSetId), (s) => s.state === 'stuck');
    rig.service.queue.moveSet(set.jobSetId, other.id);
    await eventually(() => rig!.service.queue.jobSet(set.jobSetId), (s) => s.state === 'printed');
    expect(spare.jobs).toEqual([1, 2, 3].map(ticketBytes));
  });

  it('refuses a job set that is not on this station, in words', () => {
    return openPrintingRig().then((opened) => {
      rig = opened;
      expect(() => opened.service.queue.jobSet('01JDQ8Z6T3M0F4R2B7C9E1H5KX')).toThrow('There are no such print jobs on this station.');
    });
  });
});
