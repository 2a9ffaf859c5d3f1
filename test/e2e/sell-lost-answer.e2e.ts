import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { keepScreenshot, launchChromium, startHost, type RunningHost } from './fixtures.ts';
import { counterPage, printedBytes } from './sell-fixtures.ts';

let browser: Browser;
let host: RunningHost;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchChromium(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Every print job this station has queued, oldest first, with its state. */
function printJobStates(): string[] {
  const db = new Database(join(host.dataDir, 'station.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT state FROM print_jobs ORDER BY created_at, id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function orderIds(): string[] {
  const db = new Database(join(host.dataDir, 'records.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('the answer to Pay is lost on the way back (issue #10)', () => {
  it('the Sell screen says it is checking, asks again with the same key, and shows the one sale that went through', async () => {
    const page = await counterPage(browser, host.url);
    await page.keyboard.press('Enter');
    await page.getByTestId('seat-map').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
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
    await page.route('**/api/bookSeats', async (route) => {
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
