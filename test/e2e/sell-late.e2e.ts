import { describe, expect, it } from 'vitest';
import { keepScreenshot, latestOrderTickets, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

/**
 * Issue 11, item 14: a sale after curtain-up is asked in the sale panel, not in a browser dialog,
 * and the keyboard alone answers it: Esc keeps the sale unmade (the seats stay held), Enter on
 * "Sell anyway" sells.
 */
describe('selling after curtain-up', () => {
  it('asks in the panel; Esc cancels with the seats still held, Enter sells anyway', async () => {
    const page = await host.counterPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    // The demo has a Lyric performance that started an hour ago: open it from the list.
    const started = page.locator('[data-testid=performance-row]').filter({ hasText: 'Lyric' });
    const rows = await started.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-starts-at'))));
    const index = rows.findIndex((t) => t < Date.now());
    expect(index).toBeGreaterThanOrEqual(0);
    await started.nth(index).click();
    await page.getByTestId('seat-map').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);

    await page.keyboard.press('c');
    const ask = page.getByTestId('late-sale');
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/started .+ ago; confirm that you are selling after curtain-up/);
    // The focus is on "Sell anyway", so Enter would sell; the pay buttons are out of the way meanwhile.
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('late-sale-sell');
    expect(await page.getByTestId('pay-card').count()).toBe(0);
    await keepScreenshot(page, 'sell-late-ask');

    await page.keyboard.press('Escape');
    await expect.poll(() => ask.count()).toBe(0);
    expect(await page.getByTestId('sell-error').innerText()).toMatch(/^Not sold\. This performance started/);
    // Still on the same performance, the two seats still in the basket.
    await page.getByTestId('seat-map').waitFor();
    expect(await page.getByTestId('basket-line').count()).toBe(2);

    const ticketsBefore = latestOrderTickets(host.dataDir).map((t) => t.code);
    await page.keyboard.press('c');
    await ask.waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('done-panel').waitFor();
    const sold = latestOrderTickets(host.dataDir);
    expect(sold).toHaveLength(2);
    expect(sold.map((t) => t.code)).not.toEqual(ticketsBefore);
    // Words on the ticket: "Stalls, row F, seat 12", never "Stalls F-12".
    for (const t of sold) expect(t.label).toMatch(/^[A-Za-z ]+, row [A-Z0-9]+, seat \d+$/);
    expect(dialogs).toBe(0);
    await page.context().close();
  });
});
