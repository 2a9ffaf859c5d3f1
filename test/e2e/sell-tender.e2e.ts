import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keepScreenshot, latestOrderTickets, queryDatabase, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

const basketCount = (page: Page) => page.getByTestId('basket-line').count();
const focused = (page: Page) => page.evaluate("document.activeElement?.getAttribute('data-testid')");

/** Opens the soonest performance and holds `n` best seats by the digit key, as a cashier does. */
async function basketOf(page: Page, n: number): Promise<void> {
  await page.keyboard.press('Enter');
  await page.getByTestId('seat-map').waitFor();
  await page.keyboard.press(String(n));
  await expect.poll(() => basketCount(page)).toBe(n);
  await page.locator('[data-testid=band-select] option:checked').first().waitFor({ state: 'attached' });
}

describe('the tendered amount on the Sell screen', () => {
  it('T jumps to Cash received, digits never change the basket while paying, and a short amount leaves the rest due by card', async () => {
    const page = await host.counterPage();
    await basketOf(page, 2);

    // T puts the focus on Cash received: "50" is typed there and the basket keeps its 2 seats.
    await page.keyboard.press('t');
    await expect.poll(() => focused(page)).toBe('cash-received');
    await page.keyboard.type('1e3');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('pay-problem').innerText()).toMatch(/“1e3” is not an amount/);
    // Esc leaves the field; with text still in it the pay panel is active, so digits are ignored.
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).not.toBe('cash-received');
    await page.keyboard.press('5');
    await page.keyboard.press('0');
    expect(await basketCount(page)).toBe(2);

    const due = await page.getByTestId('due').innerText();
    await page.keyboard.press('t');
    await page.getByTestId('cash-received').fill('');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    // £10 in cash is taken; the rest stays due and is offered by another method.
    const rest = await page.getByTestId('still-due').innerText();
    expect(rest).toMatch(/still due: take the rest by card/);
    expect(await page.getByTestId('due').innerText()).not.toBe(due);
    expect(await basketCount(page)).toBe(2);
    await keepScreenshot(page, 'sell-tender-still-due');

    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await page.getByTestId('done-panel').waitFor();
    const [ticket] = latestOrderTickets(host.dataDir);
    const payments = queryDatabase<{ method: string; amount: number }>(host.dataDir, 'select method, amount_minor as amount from payments where order_id = ? order by rowid', [
      ticket!.orderId,
    ]);
    expect(payments.map((p) => p.method)).toEqual(['cash', 'card']);
    expect(payments[0]!.amount).toBe(1000);
    await page.context().close();
  });

  it('says why each wrong amount is refused, and takes nothing', async () => {
    const page = await host.counterPage();
    await basketOf(page, 1);
    const cases: [string, RegExp][] = [
      ['1e3', /is not an amount: type the digits/],
      ['0x64', /is not an amount/],
      ['abc', /is not an amount: use only digits/],
      ['-5', /cannot be negative/],
      ['12.345', /at most 2 digits/],
      ['99999999', /is more than this field takes: at most .* \(100 times the .* due\)/],
    ];
    for (const [typed, why] of cases) {
      await page.getByTestId('cash-received').fill(typed);
      await page.getByTestId('cash-received').press('Enter');
      await expect.poll(() => page.getByTestId('pay-problem').innerText()).toMatch(why);
      expect(await page.getByTestId('tenders').count()).toBe(0);
    }
    await keepScreenshot(page, 'sell-tender-refused');
    expect(await basketCount(page)).toBe(1);
    await page.context().close();
  });
});
