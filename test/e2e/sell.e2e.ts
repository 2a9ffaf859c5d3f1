import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ActionCounter, demoCashier, holdableEvents, keepScreenshot, latestOrderTickets, printedBytes, printedJobs, useBoxOffice, type HeldEvents } from './box-office.ts';

const host = useBoxOffice();


const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]);

describe('selling at the counter', () => {
  it('sells 2 Adult seats for tonight’s first performance for exact cash in at most 6 actions, printed', async () => {
    const page = await host.counterPage();
    const before = printedBytes(host.dataDir).length;
    // The soonest performance has the focus as soon as the list is there.
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('performance-row');
    const focused = page.locator('[data-testid=performance-row]:focus');
    const firstTitle = await focused.locator('.title').innerText();
    // It is the soonest of today's performances that has not started yet.
    const startsAt = Number(await focused.getAttribute('data-starts-at'));
    const starts = await page.getByTestId('performance-row').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-starts-at'))));
    expect(Math.min(...starts.filter((t) => t >= startsAt))).toBe(startsAt);
    expect(starts.filter((t) => t < startsAt && t > Date.now())).toEqual([]);

    const actions = new ActionCounter();
    await actions.press(page, 'Enter');
    await page.getByTestId('seat-map').waitFor();
    await actions.press(page, '2');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
    expect(await page.locator('[data-testid=band-select] option:checked').allInnerTexts()).toEqual([
      expect.stringMatching(/^Adult/),
      expect.stringMatching(/^Adult/),
    ]);
    expect(await page.locator('[data-testid=seat][data-look=mine]').count()).toBe(2);
    await keepScreenshot(page, 'sell-basket');
    await actions.press(page, 'e');
    await page.getByTestId('done-panel').waitFor();
    expect(actions.count, actions.log.join(', ')).toBeLessThanOrEqual(6);
    expect(await page.getByTestId('performance-heading').innerText()).toContain(firstTitle.split('\n')[0]);
    expect(await page.getByTestId('change').innerText()).toMatch(/0\.00/);
    expect(await page.getByTestId('print-state').getAttribute('data-printed')).toBe('queued');
    await keepScreenshot(page, 'sell-done');

    // The simulated printer got the drawer pulse, both tickets and the receipt.
    const tickets = latestOrderTickets(host.dataDir);
    expect(tickets.map((t) => t.bandName)).toEqual(['Adult', 'Adult']);
    await expect.poll(() => printedBytes(host.dataDir).length - before, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const bytes = printedBytes(host.dataDir).slice(before);
    expect(bytes[0]).toEqual(DRAWER_PULSE);
    const text = printedJobs(host.dataDir).slice(before).join('\n---\n');
    for (const t of tickets) {
      expect(text).toContain(t.label);
      expect(text).toContain(t.code);
    }
    expect(text).toMatch(/Paid by cash/);
    await page.context().close();
  });

  it('reserves a chosen seat for a named customer and prints the slip', async () => {
    const page = await host.counterPage(demoCashier, { viewport: { width: 1920, height: 1080 } });
    const before = printedBytes(host.dataDir).length;
    await page.getByTestId('performance-row').nth(1).click();
    const seat = page.locator('[data-testid=seat][data-look=available]').nth(5);
    const label = (await seat.getAttribute('data-label'))!;
    await seat.click();
    await page.locator(`[data-testid=seat][data-label="${label}"][data-look=mine]`).waitFor();
    await page.getByTestId('reserve').click();
    await page.getByTestId('reserve-name').fill('Ana Lind');
    await page.getByTestId('reserve-phone').fill('0117 496 0000');
    await keepScreenshot(page, 'sell-reserve-form');
    await page.keyboard.press('Enter');
    const reference = await page.getByTestId('reservation-reference').innerText();
    expect(reference).toMatch(/^[A-Z0-9]{6}$/);
    await keepScreenshot(page, 'sell-reserved');
    await expect.poll(() => printedJobs(host.dataDir).slice(before).join('\n'), { timeout: 15_000 }).toContain(reference);
    const slip = printedJobs(host.dataDir).slice(before).join('\n');
    expect(slip).toContain('Ana Lind');
    expect(slip).toContain(label);
    await page.locator(`[data-testid=seat][data-label="${label}"][data-look=reserved]`).waitFor();
    await page.context().close();
  });

  it('takes a split payment by card and cash with a changed price band, and shows the change large', async () => {
    const page = await host.counterPage();
    await page.locator('[data-testid=performance-row]:focus').click();
    await page.getByTestId('best-2').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
    const second = page.getByTestId('band-select').nth(1);
    const concession = await second.locator('option', { hasText: 'Concession' }).getAttribute('value');
    await second.selectOption(concession!);
    const total = await page.getByTestId('basket-total').innerText();
    await page.getByTestId('split-amount').fill('10');
    await page.getByTestId('pay-reference').fill('AUTH 4411');
    await page.getByTestId('pay-card').click();
    await page.getByTestId('tenders').waitFor();
    await keepScreenshot(page, 'sell-split');
    await page.getByTestId('pay-cash-quick').first().click();
    await page.getByTestId('done-panel').waitFor();
    expect(await page.getByTestId('change').innerText()).toMatch(/£\d+\.\d\d/);
    const tickets = latestOrderTickets(host.dataDir);
    expect(tickets.map((t) => t.bandName).sort()).toEqual(['Adult', 'Concession']);
    expect(total).toMatch(/£/);
    await keepScreenshot(page, 'sell-split-done');
    await page.context().close();
  });

  it('two stations race for the same seat: one sells it, the other is told which seat went', async () => {
    const events: HeldEvents[] = [];
    const hear = async (context: BrowserContext) => events.push(await holdableEvents(context));
    const [a, b] = await Promise.all([
      host.counterPage(demoCashier, { prepare: hear }),
      host.counterPage({ name: 'Tom Booth', pin: '2222' }, { prepare: hear }),
    ]);
    // The focused row: the soonest performance not yet started (a sale after curtain-up asks to confirm first).
    for (const p of [a, b]) await expect.poll(() => p.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('performance-row');
    await Promise.all([a.keyboard.press('Enter'), b.keyboard.press('Enter')]);
    await Promise.all([a.getByTestId('seat-map').waitFor(), b.getByTestId('seat-map').waitFor()]);
    const label = (await a.locator('[data-testid=seat][data-look=available]').nth(20).getAttribute('data-label'))!;
    const seatOn = (p: Page) => p.locator(`[data-testid=seat][data-label="${label}"]`);
    // Neither window hears of the other's hold until both clicks are answered: on a loaded machine the
    // second click could otherwise land on a map already showing the seat taken, and not race at all.
    for (const e of events) e.hold();
    await Promise.all([seatOn(a).click(), seatOn(b).click()]);
    // Exactly one of them holds it; the other is told the seat's name and sees it taken.
    const lookA = () => seatOn(a).getAttribute('data-look');
    const lookB = () => seatOn(b).getAttribute('data-look');
    await expect.poll(async () => [await lookA(), await lookB()].sort().join(',')).toBe('held,mine');
    const [winner, loser] = (await lookA()) === 'mine' ? [a, b] : [b, a];
    await loser.getByTestId('sell-error').waitFor();
    expect(await loser.getByTestId('sell-error').innerText()).toContain(label);
    await keepScreenshot(loser, 'sell-race-lost');
    for (const e of events) e.release();
    await winner.keyboard.press('e');
    await winner.getByTestId('done-panel').waitFor();
    await expect.poll(() => seatOn(loser).getAttribute('data-look')).toBe('booked');
    // Trying again with a stale click does nothing to a sold seat.
    await seatOn(loser).click();
    expect(await loser.getByTestId('basket-line').count()).toBe(0);
    await keepScreenshot(loser, 'sell-race-seen');
    await Promise.all([a.context().close(), b.context().close()]);
  });

  it('keeps the sale when nothing can print, says why and offers a retry', async () => {
    const bare = await host.startAnother({ demo: false });
    try {
      // No --demo: the demo catalogue without the simulated printer, so this station has none.
      const loaded = await bare.callApi('loadDemo');
      expect(loaded.ok).toBe(true);
      const page = await bare.counterPage(demoCashier, { viewport: { width: 1280, height: 800 } });
      await page.keyboard.press('Enter');
      await page.getByTestId('seat-map').waitFor();
      await page.keyboard.press('1');
      await expect.poll(() => page.getByTestId('basket-line').count()).toBe(1);
      await page.keyboard.press('e');
      await page.getByTestId('done-panel').waitFor();
      expect(await page.getByTestId('print-state').getAttribute('data-printed')).toBe('no-printer');
      expect(await page.getByTestId('print-state').innerText()).toMatch(/No printer on this station takes tickets[\s\S]*The sale is recorded/);
      await expect.poll(() => page.getByTestId('status-strip').innerText()).toContain('No printer set up');
      await page.getByTestId('retry-print').click();
      await expect.poll(() => page.getByTestId('print-state').getAttribute('data-printed')).toBe('no-printer');
      await keepScreenshot(page, 'sell-print-problem');
      expect(latestOrderTickets(bare.dataDir)).toHaveLength(1);
      await page.context().close();
    } finally {
      await bare.stop();
    }
  });
});
