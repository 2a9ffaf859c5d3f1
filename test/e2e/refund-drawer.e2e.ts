import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keepScreenshot, printedBytes, printedJobs, seatedPerformances, sell, useBoxOffice, type ContractWindow } from './box-office.ts';

/** The pulse the demo's simulated printer gets for its drawer on pin 2 (ESC p 0 50 250). */
const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]);

const host = useBoxOffice();
let counter: ContractWindow;
let performanceId: string;

beforeAll(async () => {
  counter = await host.contract();
  performanceId = (await seatedPerformances(counter))[0]!.id;
});

async function refundOne(page: Page, orderId: string, query: string, ticketId: string, method: 'cash' | 'card'): Promise<void> {
  await page.keyboard.press('F2');
  await page.getByTestId('order-search').fill(query);
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid=order-detail][data-order-id="${orderId}"]`).waitFor();
  await page.locator(`[data-ticket-id="${ticketId}"] [data-testid=pick-ticket]`).check();
  await page.keyboard.press('F8');
  await page.getByTestId('refund-panel').waitFor();
  await page.getByTestId(`refund-method-${method}`).check();
  await page.getByTestId('confirm-refund').click();
  await expect.poll(() => page.getByTestId('order-notice').textContent()).toContain('The refund slip is printing.');
}

/** What the simulated printer received since `before`, once `count` jobs are there. */
async function printedSince(before: number, count: number): Promise<Buffer[]> {
  await expect.poll(() => printedBytes(host.dataDir).length - before, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return printedBytes(host.dataDir).slice(before);
}

describe('refunds at the window open the drawer for cash only (issue 11, item 3)', () => {
  it('a cash refund pulses the drawer and prints the slip; a card refund prints the slip and no pulse', async () => {
    const sale = await sell(counter, performanceId, 2, { name: 'Rita Refund' });
    const [first, second] = sale.tickets;
    const page = await host.cashierTab('3');
    // The sale's own jobs are out before the refunds are counted.
    await printedSince(0, 3);
    const before = printedBytes(host.dataDir).length;

    await refundOne(page, sale.order.id, 'rita refund', first!.ticketId, 'cash');
    const cash = await printedSince(before, 2);
    expect(cash[0]).toEqual(DRAWER_PULSE);
    const slip = printedJobs(host.dataDir)[before + 1]!;
    expect(slip).toContain('REFUND');
    expect(slip).toContain(first!.label);
    expect(slip).toContain('Handed back by cash, 1 ticket(s)');
    expect(slip).toContain('Refunded by Priya Shah');
    await keepScreenshot(page, 'refund-cash-slip');

    const afterCash = printedBytes(host.dataDir).length;
    await refundOne(page, sale.order.id, 'rita refund', second!.ticketId, 'card');
    const card = await printedSince(afterCash, 1);
    expect(card.some((b) => b.equals(DRAWER_PULSE))).toBe(false);
    expect(printedJobs(host.dataDir)[afterCash]).toContain('Handed back by card, 1 ticket(s)');
    await page.close();
  });
});
