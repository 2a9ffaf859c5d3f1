import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { demoManager, keepScreenshot, sell, useBoxOffice, type ContractWindow } from './box-office.ts';

const host = useBoxOffice();
let manager: ContractWindow;
let cashier: ContractWindow;

beforeAll(async () => {
  [manager, cashier] = await Promise.all([host.contract(demoManager), host.contract()]);
});

/** The demo's on-sale performances of one event, soonest first. */
async function performancesOf(title: string) {
  const event = (await manager.call('listEvents', {})).find((e) => e.title === title);
  if (!event) throw new Error(`no demo event called ${title}`);
  const list = await manager.call('listEventPerformances', { eventId: event.id });
  return list.filter((p) => p.state === 'on_sale').sort((a, b) => a.startsAt - b.startsAt);
}

const previewSrc = async (page: Page) => (await page.getByTestId('layout-preview').getAttribute('src')) ?? '';

/** A datetime-local value in the browser's (and this machine's) own time zone. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('Manager screens: a layout previewed with a real order, and the on-sale end', () => {
  it("previews the ticket and receipt layouts with an order sold through the contract, then back to the sample's", async () => {
    const [performance] = await performancesOf('The Importance of Being Earnest');
    const sale = await sell(cashier, performance!.id, 1);
    const reference = orderReference(sale.order.id);
    const seat = sale.tickets[0]!.label;

    const page = await host.signedIn(demoManager);
    await page.getByTestId('tab-layouts').click();
    await page.getByTestId('layout-pick').selectOption('ticket-80mm');
    await page.getByTestId('layout-preview').waitFor();
    await expect.poll(() => page.getByTestId('preview-source').textContent()).toBe('Sample data');
    const sample = await previewSrc(page);

    // A wrong reference says so beside the preview and leaves the picture as it was.
    await page.getByTestId('preview-with').selectOption('order');
    await page.getByTestId('preview-order').fill('ZZZZZZZZ');
    await page.getByTestId('preview-order').press('Enter');
    await expect.poll(() => page.getByTestId('preview-order-problem').textContent()).toMatch(/no order with reference ZZZZZZZZ/);

    await page.getByTestId('preview-order').fill(reference.toLowerCase());
    await page.getByTestId('preview-order-show').click();
    await expect.poll(() => page.getByTestId('preview-source').textContent()).toBe(`Order ${reference}, ticket ${seat}`);
    await expect.poll(async () => (await previewSrc(page)) !== sample).toBe(true);
    await expect(page.getByTestId('preview-order-problem').count()).resolves.toBe(0);
    await keepScreenshot(page, 'manager-layouts-order-ticket');

    // The receipt layout fills with the same order's receipt.
    await page.getByTestId('layout-pick').selectOption('receipt-80mm');
    await expect.poll(() => page.getByTestId('preview-source').textContent()).toBe(`Order ${reference}, receipt`);
    await keepScreenshot(page, 'manager-layouts-order-receipt');

    // Back to sample data.
    await page.getByTestId('layout-pick').selectOption('ticket-80mm');
    await page.getByTestId('preview-with').selectOption('sample');
    await expect.poll(() => page.getByTestId('preview-source').textContent()).toBe('Sample data');
    await expect.poll(previewSrc.bind(null, page)).toBe(sample);
    await page.close();
  });

  it('sets an on-sale end on the Events screen, after which the counter is refused', async () => {
    const performance = (await performancesOf("Singin' in the Rain"))[0]!;
    const page = await host.managerScreen('events');
    await page.getByTestId('event-item').filter({ hasText: "Singin' in the Rain" }).click();
    const row = page.locator(`[data-testid=admin-performance][data-performance-id="${performance.id}"]`);
    const until = row.getByTestId('performance-on-sale-until');
    await expect(until.inputValue()).resolves.toBe('');

    // Sales closed an hour ago (to the minute, as the input keeps it).
    const closedAt = Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000;
    await until.fill(localInput(closedAt));
    await until.blur();
    await expect
      .poll(async () => (await manager.call('listEventPerformances', { eventId: performance.eventId })).find((p) => p.id === performance.id)?.onSaleUntil)
      .toBe(closedAt);
    expect(await page.getByTestId('performances-panel').getByTestId('admin-error').count()).toBe(0);
    await keepScreenshot(page, 'manager-events-on-sale-until');

    const map = await cashier.call('getSeatMap', { performanceId: performance.id });
    const refused = await cashier.fail('holdSeats', { performanceId: performance.id, unitIds: [map.seats[0]!.unitId] });
    expect(refused.code).toBe('OFF_SALE');
    expect(refused.message).toMatch(/^Sales for this performance have closed\./);
    await page.close();
  });
});
