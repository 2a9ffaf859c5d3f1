import { beforeAll, describe, expect, it } from 'vitest';
import { demoManager, findOrder, jobsWith as countJobsWith, keepScreenshot, seatedPerformances, sell, unitStates, useBoxOffice, useContractWindow } from './box-office.ts';

const host = useBoxOffice();
const counter = useContractWindow(host);
let performanceId: string;
let otherPerformanceId: string;

beforeAll(async () => {
  const seated = await seatedPerformances(counter);
  performanceId = seated[0]!.id;
  otherPerformanceId = seated.find((p) => p.eventId !== seated[0]!.eventId)?.id ?? seated[1]!.id;
});

/** How many printed jobs carry this text (a ticket code, a seat). */
const jobsWith = (text: string) => countJobsWith(host.dataDir, text);

describe('Orders screen: refunds and exchanges', () => {
  it('refunds some tickets, the seats return to sale; over the limit a manager approves', async () => {
    const sale = await sell(counter, performanceId, 3, { name: 'Hal Refund' });
    const page = await host.cashierTab('3');
    await findOrder(page, 'hal refund', sale.order.id);
    const [one, two, three] = sale.tickets;
    await page.locator(`[data-ticket-id="${one!.ticketId}"] [data-testid=pick-ticket]`).check();
    await page.keyboard.press('F8');
    await page.getByTestId('refund-panel').waitFor();
    await page.getByTestId('refund-method-cash').check();
    await keepScreenshot(page, 'orders-refund');
    await page.getByTestId('confirm-refund').click();
    const notice = page.getByTestId('order-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`by cash for ${one!.label}; the seats are back on sale.`);
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('Part refunded');
    expect(await unitStates(counter, performanceId, sale.unitIds)).toEqual(['available', 'booked', 'booked']);
    await page.locator('[data-testid=history-entry][data-kind=refunded]').waitFor();

    // The other two come to more than a cashier may refund alone.
    await page.getByTestId('pick-all').click();
    await page.getByTestId('open-refund').click();
    await page.getByTestId('confirm-refund').click();
    await page.getByTestId('approval').waitFor();
    expect(await page.getByTestId('refund-error').textContent()).toMatch(/needs a manager's approval/);
    await page.getByTestId('approval-manager').selectOption({ label: demoManager.name });
    await page.getByTestId('approval-pin').fill(demoManager.pin);
    await keepScreenshot(page, 'orders-refund-approval');
    await page.getByTestId('confirm-refund').click();
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('Refunded');
    // The sales event can redraw the order before the refund's own answer brings its notice.
    await expect.poll(() => notice.textContent()).toContain(`${two!.label} and ${three!.label}; the seats are back on sale.`);
    expect(await unitStates(counter, performanceId, sale.unitIds)).toEqual(['available', 'available', 'available']);
    await expect.poll(() => page.getByTestId('order-net').textContent()).toBe('£0.00');
    await keepScreenshot(page, 'orders-refunded');
    await page.close();
  });

  it('exchanges tickets to another performance and prints the new ones', async () => {
    const sale = await sell(counter, performanceId, 2, { name: 'Ida Exchange' });
    const page = await host.cashierTab('3', { viewport: { width: 1920, height: 1080 } });
    await findOrder(page, 'ida exchange', sale.order.id);
    await page.getByTestId('pick-all').click();
    await page.keyboard.press('F9');
    await page.getByTestId('exchange-panel').waitFor();
    await page.getByTestId('exchange-performance').selectOption(otherPerformanceId);
    // "Suggest best seats" chooses them on the map; nothing is held before Exchange is pressed.
    await page.getByTestId('exchange-find-seats').click();
    await expect.poll(() => page.getByTestId('exchange-seat').count()).toBe(2);
    const difference = await page.getByTestId('exchange-difference').textContent();
    await keepScreenshot(page, 'orders-exchange');
    await page.getByTestId('confirm-exchange').click();
    const notice = page.getByTestId('order-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Exchanged for .+ on new order [0-9A-Z]{8}.*The new tickets are printing\.Open order [0-9A-Z]{8}$/);
    await expect.poll(() => page.locator('[data-testid=order-ticket][data-state=exchanged]').count()).toBe(2);
    await page.locator('[data-testid=history-entry][data-kind=exchanged_out]').waitFor();
    await keepScreenshot(page, 'orders-exchanged');

    const newReference = /new order ([0-9A-Z]{8})/.exec((await notice.textContent())!)![1]!;
    const [found] = await counter.call('findOrders', { query: newReference });
    expect(found).toMatchObject({ performanceId: otherPerformanceId, validCount: 2, customerName: 'Ida Exchange' });
    const swapped = await counter.call('getOrder', { orderId: found!.orderId });
    expect(await unitStates(counter, performanceId, sale.unitIds)).toEqual(['available', 'available']);
    for (const t of swapped.tickets) await expect.poll(() => jobsWith(t.code), { timeout: 15_000 }).toBe(1);
    expect(difference).toBeTruthy();

    // The new order is one click away, and its history says where it came from.
    await page.getByTestId('open-new-order').click();
    await page.locator(`[data-testid=order-detail][data-order-id="${found!.orderId}"]`).waitFor();
    const cameFrom = page.locator('[data-testid=history-entry][data-kind=exchanged_in]');
    await cameFrom.waitFor();
    expect(await cameFrom.textContent()).toContain(`Exchanged in from order ${sale.order.id.slice(-8)}`);
    await page.close();
  });
});
