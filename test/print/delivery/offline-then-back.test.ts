import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, openPrintingRig, ticketBytes, type PrintingRig } from './helpers.ts';

let rig: PrintingRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

describe('a printer that is away', () => {
  it('keeps the job waiting while offline and prints it exactly once when the printer is back', async () => {
    rig = await openPrintingRig();
    const { service, fake, printer } = rig;
    await fake.setOffline(true);

    const bytes = ticketBytes(1);
    const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes, label: 'Ticket A1' }] }).jobs;

    const waiting = await eventually(() => service.queue.view(job!.id), (j) => j.attempts >= 2);
    expect(waiting.state).toBe('queued');
    expect(waiting.lastError).toBe(`Not answering at 127.0.0.1:${fake.port}`);
    expect(waiting.words).toContain(`Waiting: Not answering at 127.0.0.1:${fake.port}`);
    expect(service.queue.status(printer.id)).toMatchObject({ state: 'unreachable', words: `Not answering at 127.0.0.1:${fake.port}` });

    await fake.setOffline(false);
    const printed = await fake.waitForJobs(1);
    expect(printed[0]).toEqual(bytes);
    const done = await eventually(() => service.queue.view(job!.id), (j) => j.state === 'done');
    expect(done.printedAt).not.toBeNull();

    // Give the queue every chance to send it again; it must not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.jobs).toHaveLength(1);
    const files = readdirSync(rig.outDir);
    expect(files).toEqual(['0001.bin']);
    expect(readFileSync(join(rig.outDir, '0001.bin'))).toEqual(bytes);
    expect(service.queue.status(printer.id).state).toBe('ready');
  });

  it('does not send to a printer that reports paper out, and prints once paper is back', async () => {
    rig = await openPrintingRig();
    const { service, fake, printer } = rig;
    fake.set({ paperOut: true });

    const bytes = ticketBytes(2);
    const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes }] }).jobs;
    const waiting = await eventually(() => service.queue.view(job!.id), (j) => j.attempts >= 2);
    expect(waiting.lastError).toBe('Paper out');
    expect(service.queue.status(printer.id)).toMatchObject({ state: 'paper_out', words: 'Paper out', reportsStatus: true });
    // Nothing was sent into the void: the printer neither printed nor threw away any job.
    expect(fake.jobs).toHaveLength(0);
    expect(fake.refused).toHaveLength(0);

    fake.set({ paperOut: false });
    expect((await fake.waitForJobs(1))[0]).toEqual(bytes);
    await eventually(() => service.queue.view(job!.id), (j) => j.state === 'done');
    expect(fake.jobs).toHaveLength(1);
  });

  it('waits behind a cover that is open', async () => {
    rig = await openPrintingRig();
    const { service, fake } = rig;
    fake.set({ coverOpen: true });
    const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(3) }] }).jobs;
    const waiting = await eventually(() => service.queue.view(job!.id), (j) => j.attempts >= 1);
    expect(waiting.lastError).toBe('Cover open');
    fake.set({ coverOpen: false });
    await fake.waitForJobs(1);
    expect(fake.jobs).toHaveLength(1);
  });

  it('prints to a printer that does not answer status requests without asking before every job', async () => {
    rig = await openPrintingRig({ fake: { answersStatus: false } });
    const { service, fake, printer } = rig;
    const set = service.submit({ jobs: [1, 2, 3].map((n) => ({ kind: 'ticket', bytes: ticketBytes(n) })) });
    const printed = await fake.waitForJobs(3);
    expect(printed).toEqual([1, 2, 3].map(ticketBytes));
    await eventually(() => set.jobs.map((j) => service.queue.view(j.id).state), (s) => s.every((x) => x === 'done'));
    expect(service.queue.status(printer.id).reportsStatus).toBe(false);
    // One connection per job: the first asked for status and got no answer, the others did not ask.
    expect(fake.connections).toBe(3);
  });
});
