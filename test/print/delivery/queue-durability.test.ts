import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { printJobs } from '../../../src-main/db/station/schema.ts';
import { FakePrinter } from '../../../src-main/print/fake-printer/fake-printer.ts';
import { composeForTest, makeTempDir, openTempBoxOffice } from '../../helpers/temp-box-office.ts';
import { eventually, fastOptions, printerSettings, ticketBytes } from './helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const dataDir = makeTempDir();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const fake = await FakePrinter.start();
  cleanups.push(() => fake.stop());
  return { dataDir, fake };
}

describe('the print queue across an app restart', () => {
  it('keeps waiting jobs in the station database and prints them, in order and once, after reopening', async () => {
    const { dataDir, fake } = await setUp();
    await fake.setOffline(true);

    // First run: the printer is away, jobs are queued, then the app closes.
    const first = openTempBoxOffice({ dataDir });
    const service = composeForTest(first.office, { print: fastOptions }).printing;
    const printer = await service.savePrinter(printerSettings({ interface: fake.uri }));
    const set = service.submit({ jobs: [1, 2, 3].map((n) => ({ kind: 'ticket', bytes: ticketBytes(n), label: `Ticket ${n}` })) });
    await eventually(() => service.queue.view(set.jobs[0]!.id), (j) => j.attempts >= 1);
    await service.stop();
    first.office.close();

    // Second run on the same SQLite file: the jobs are still there, waiting.
    const second = openTempBoxOffice({ dataDir });
    cleanups.push(() => second.office.close());
    const rows = second.office.station.select().from(printJobs).orderBy(printJobs.position).all();
    expect(rows.map((r) => [r.label, r.state, r.printerId])).toEqual([
      ['Ticket 1', 'queued', printer.id],
      ['Ticket 2', 'queued', printer.id],
      ['Ticket 3', 'queued', printer.id],
    ]);

    await fake.setOffline(false);
    const again = composeForTest(second.office, { print: fastOptions }).printing;
    cleanups.push(() => again.stop());
    expect(await fake.waitForJobs(3)).toEqual([1, 2, 3].map(ticketBytes));
    await eventually(() => set.jobs.map((j) => again.queue.view(j.id).state), (s) => s.every((x) => x === 'done'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.jobs).toHaveLength(3);
  });

  it("marks a job caught mid-send by a crash as 'may have printed' and does not resend it on its own", async () => {
    const { dataDir, fake } = await setUp();
    const first = openTempBoxOffice({ dataDir });
    const service = composeForTest(first.office, { print: fastOptions }).printing;
    const printer = await service.savePrinter(printerSettings({ interface: fake.uri }));
    await fake.setOffline(true);
    const [job] = service.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(7) }] }).jobs;
    await service.stop();
    // The crash: the row says 'sending' and the process is gone (closing skips every shutdown step).
    first.office.station.update(printJobs).set({ state: 'sending' }).where(eq(printJobs.id, job!.id)).run();
    first.office.close();

    await fake.setOffline(false);
    const second = openTempBoxOffice({ dataDir });
    cleanups.push(() => second.office.close());
    const changed: string[] = [];
    second.office.bus.subscribe((event, payload) => {
      if (event === 'printJobChanged') changed.push((payload as { state: string }).state);
    });
    const again = composeForTest(second.office, { print: fastOptions }).printing;
    cleanups.push(() => again.stop());
    const view = again.queue.view(job!.id);
    expect(view.state).toBe('uncertain');
    expect(view.words).toMatch(/^May have printed/);
    expect(changed).toEqual(['uncertain']);

    // Other jobs still print; the uncertain one does not block them and is not resent.
    const [next] = again.submit({ jobs: [{ kind: 'ticket', bytes: ticketBytes(8) }] }).jobs;
    expect((await fake.waitForJobs(1))[0]).toEqual(ticketBytes(8));
    await eventually(() => again.queue.view(next!.id).state, (s) => s === 'done');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.jobs).toHaveLength(1);
    expect(again.queue.view(job!.id).state).toBe('uncertain');

    // Staff decide to print it again: now, and only now, it goes out a second time.
    again.queue.retry(job!.id);
    expect((await fake.waitForJobs(2))[1]).toEqual(ticketBytes(7));
    await eventually(() => again.listJobs({ printerId: printer.id, includeFinished: false, limit: 10 }), (open) => open.length === 0);
    expect(again.queue.view(job!.id).state).toBe('done');
  });
});
