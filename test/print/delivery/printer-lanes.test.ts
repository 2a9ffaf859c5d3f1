import { afterEach, describe, expect, it } from 'vitest';
import { eventually, openPrintingRig, ticketBytes, type PrintingRig } from './helpers.ts';

/**
 * Per-printer scheduling (print/queue/printer-lanes.ts): a printer's lane must never fall asleep
 * while a job it could print is waiting, whatever else happened in the same tick.
 */
let rig: PrintingRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

describe('the printer lanes', () => {
  it('prints a job submitted in the same tick as a status read, without waiting for another submit', async () => {
    rig = await openPrintingRig();
    const { queue } = rig.service;
    // The status read wakes the printer's lane, which finds nothing to print and winds down; a job
    // submitted while it winds down (a few microtasks later) must still be printed by it.
    for (let ticks = 0; ticks <= 8; ticks++) {
      await queue.readStatus(rig.printer.id);
      // `ticks` turns of the microtask queue, inline: a helper function would add turns of its own.
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      const [job] = rig.service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(ticks) }] }).jobs;
      await eventually(() => queue.view(job!.id).state, (state) => state === 'done', 5_000);
    }
    expect(rig.fake.jobs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map(ticketBytes));
  });

  it('after the station database could not record a job, retries with back-off instead of sleeping until the next submit', async () => {
    rig = await openPrintingRig();
    const station = rig.office.station.$client;
    const [job] = rig.service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(1) }] }).jobs;
    // Before the lane's first step the station database stops taking writes (a disk that filled
    // up, a folder turned read-only): marking the job 'sending' fails, so nothing may print.
    station.pragma('query_only = ON');
    await eventually(() => rig!.fake.connections, (n) => n >= 1);
    await eventually(() => rig!.fake.connections, (n) => n >= 2); // it tries again by itself
    expect(rig.fake.jobs).toEqual([]);
    expect(queue(rig).view(job!.id).state).toBe('queued');

    // Room again: the waiting job prints on the lane's next try, with no other job submitted.
    station.pragma('query_only = OFF');
    await eventually(() => queue(rig!).view(job!.id).state, (state) => state === 'done');
    expect(rig.fake.jobs).toEqual([ticketBytes(1)]);
  });
});

const queue = (r: PrintingRig) => r.service.queue;
