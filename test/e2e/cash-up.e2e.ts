import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { demoManager, keepScreenshot, latestOrderTickets, printedJobs, queryDatabase, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

/** Opens the next performance on Sell, holds `seats` best seats and pays: `e` exact cash, `c` card. */
async function sellAtTheWindow(page: Page, seats: number, key: 'e' | 'c'): Promise<string> {
  await page.keyboard.press('Alt+1');
  const map = page.getByTestId('seat-map');
  // Sell opens on the next performance not yet started (focused); after a sale it stays on its seat map.
  if (!(await map.isVisible())) {
    await page.locator('[data-testid=performance-row]:focus').waitFor();
    await page.keyboard.press('Enter');
    await map.waitFor();
  }
  await page.keyboard.press(String(seats));
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(seats);
  await page.keyboard.press(key);
  await page.getByTestId('done-panel').waitFor();
  const orderId = latestOrderTickets(host.dataDir)[0]!.orderId;
  await page.keyboard.press('n');
  return orderId;
}

async function cashUp(page: Page): Promise<void> {
  await page.keyboard.press('Alt+5');
  await page.getByTestId('cashup-screen').waitFor();
}

describe('a day at the window, closed (issue 14)', () => {
  it('opens a shift with a float, sells for cash and card, refunds one, pays out, closes a little short with a manager PIN, and prints the Z', async () => {
    // Any difference needs a manager today, so this small one does.
    const manager = await host.contract(demoManager);
    await manager.call('updateSettings', { changes: { cashUpVarianceLimitMinor: 0 } });

    const page = await host.counterPage(undefined, { shift: false });
    await cashUp(page);
    await page.getByTestId('count-2000').fill('5');
    await expect.poll(() => page.getByTestId('count-running').innerText()).toBe('£100.00');
    await page.getByTestId('open-shift').click();
    await expect.poll(() => page.getByTestId('cashup-message').innerText()).toContain('Shift open with a float of £100.00');

    const cashOrder = await sellAtTheWindow(page, 2, 'e');
    await sellAtTheWindow(page, 1, 'c');
    const [cash] = queryDatabase<{ total: number }>(host.dataDir, 'select total_minor as total from orders where id = ?', [cashOrder]);

    // Refund one ticket of the cash sale, in cash, from Orders.
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('F2');
    await page.getByTestId('order-search').fill(orderReference(cashOrder));
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=order-detail][data-order-id="${cashOrder}"]`).waitFor();
    await expect.poll(() => page.getByTestId('receipt-number').innerText()).toContain('receipt no. 1');
    await page.locator('[data-testid=pick-ticket]').first().check();
    await page.keyboard.press('F8');
    await page.getByTestId('refund-panel').waitFor();
    await page.getByTestId('refund-method-cash').check();
    await page.getByTestId('confirm-refund').click();
    await page.getByTestId('order-notice').waitFor();
    const [refund] = queryDatabase<{ amount: number }>(host.dataDir, "select -amount_minor as amount from payments where order_id = ? and amount_minor < 0", [cashOrder]);

    // Pay out 10.00 for the window cleaner.
    await cashUp(page);
    await page.getByTestId('move-direction').selectOption('out');
    await page.getByTestId('move-amount').fill('10.00');
    await page.getByTestId('move-reason').fill('Window cleaner');
    await page.getByTestId('move-cash').click();
    await expect.poll(() => page.getByTestId('cashup-message').innerText()).toContain('Cash out £10.00');

    const expected = 10_000 + cash!.total - refund!.amount - 1000;
    await expect.poll(() => page.getByTestId('cashup-expected').first().innerText()).toBe(`£${(expected / 100).toFixed(2)}`);
    // Counted 0.30 short: the close asks for a manager, who approves with a PIN and a reason.
    await page.getByTestId('count-total').fill(((expected - 30) / 100).toFixed(2));
    await page.getByTestId('close-reason').fill('Thirty pence short after the refund');
    await page.getByTestId('close-shift').click();
    await page.getByTestId('approval').waitFor();
    await page.getByTestId('approval-manager').selectOption({ label: 'Morgan Hale' });
    await page.getByTestId('approval-pin').fill(demoManager.pin);
    await page.getByTestId('close-shift').click();
    await expect.poll(() => page.getByTestId('cashup-message').innerText()).toContain('Shift closed: Z report 1.');
    expect(await page.getByTestId('cashup-variance').innerText()).toBe('-£0.30');
    await keepScreenshot(page, 'cash-up-z-report');

    // The Z went to the report printer, and its bytes decode to the same figures.
    await expect.poll(() => printedJobs(host.dataDir).some((j) => j.includes('Z REPORT 1')), { timeout: 15_000 }).toBe(true);
    const z = printedJobs(host.dataDir).find((j) => j.includes('Z REPORT 1'))!.replace(/ +/g, ' ');
    expect(z).toContain('Float £100.00');
    expect(z).toContain('Cash out £10.00');
    expect(z).toContain(`Cash expected £${(expected / 100).toFixed(2)}`);
    expect(z).toContain('Difference -£0.30');
    // The approval's line wraps at the paper's 48 characters.
    expect(z.replace(/\n/g, ' ')).toContain('Approved by Morgan Hale: Thirty pence short after the refund');
    const [shift] = queryDatabase<{ state: string; variance: number; approvedBy: string | null }>(host.dataDir, 'select state, variance_minor as variance, approved_by as approvedBy from shifts');
    expect(shift).toMatchObject({ state: 'closed', variance: -30 });
    expect(shift!.approvedBy).not.toBeNull();
    await page.context().close();
  });
});
