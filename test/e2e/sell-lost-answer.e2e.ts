import { describe, expect, it } from 'vitest';
import { basketOf, keepScreenshot, printedBytes, queryDatabase, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

/** Every print job this station has queued, oldest first, with its state. */
function printJobStates(): string[] {
  return queryDatabase<{ state: string }>(host.dataDir, 'SELECT state FROM print_jobs ORDER BY created_at, id', [], 'station.sqlite').map((row) => row.state);
}

function orderIds(): string[] {
  return queryDatabase<{ id: string }>(host.dataDir, 'SELECT id FROM orders ORDER BY id').map((row) => row.id);
}

describe('the answer to Pay is lost on the way back (issue #10)', () => {
  it('the Sell screen says it is checking, asks again with the same key, and shows the one sale that went through', async () => {
    const page = await host.counterPage();
    await basketOf(page, 2);
    const ordersBefore = orderIds();
    const printsBefore = printedBytes(host.dataDir).length;
    const jobsBefore = printJobStates().length;

    // The first sale request reaches the host and is answered there, but the answer never
    // reaches the browser: the connection is reset instead. Later requests go through untouched.
    // The retry is held until the test has read what the screen says meanwhile.
    const sent: { idempotencyKey?: string }[] = [];
    let cut = false;
    let checkingSeen!: () => void;
    const seen = new Promise<void>((resolve) => (checkingSeen = resolve));
    await page.route('**/api/v1/bookSeats', async (route) => {
      sent.push(JSON.parse(route.request().postData() ?? '{}') as { idempotencyKey?: string });
      if (cut) {
        await seen;
        return route.continue();
      }
      cut = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.keyboard.press('e');
    await page.getByTestId('sale-checking').waitFor();
    expect(await page.getByTestId('sale-checking').textContent()).toBe('The connection dropped; checking whether the sale went through…');
    await keepScreenshot(page, 'sell-lost-answer-checking');
    checkingSeen();
    await page.getByTestId('done-panel').waitFor();
    await keepScreenshot(page, 'sell-lost-answer-done');

    // One order, and the screen shows it; both requests carried the same key.
    const ordersAfter = orderIds().filter((id) => !ordersBefore.includes(id));
    expect(ordersAfter).toHaveLength(1);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
    expect(sent[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(await page.getByTestId('sold-ticket').count()).toBe(2);
    expect(await page.getByTestId('sale-checking').count()).toBe(0);
    expect(await page.getByTestId('sell-error').count()).toBe(0);
    // Printed once, by the sale itself: drawer pulse, two tickets and the receipt; the retry printed nothing.
    // Whatever the two requests queued was queued before the screen had its answer, so once it has all
    // printed nothing more can come: exactly the sale's jobs (two tickets, the receipt), each done.
    await expect.poll(() => printJobStates().slice(jobsBefore), { timeout: 15_000 }).toEqual(['done', 'done', 'done']);
    await expect.poll(() => printedBytes(host.dataDir).length - printsBefore, { timeout: 15_000 }).toBe(4);
    await page.context().close();
  });
});
