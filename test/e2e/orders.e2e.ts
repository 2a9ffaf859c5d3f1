import { beforeAll, describe, expect, it } from 'vitest';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { findOrder, jobsWith as countJobsWith, keepScreenshot, printedLines, seatedPerformances, sell, useBoxOffice, useContractWindow } from './box-office.ts';

const host = useBoxOffice();
const counter = useContractWindow(host);
let performanceId: string;

beforeAll(async () => {
  performanceId = (await seatedPerformances(counter))[0]!.id;
});

/** How many printed jobs carry this text (a ticket code, a seat). */
const jobsWith = (text: string) => countJobsWith(host.dataDir, text);

describe('Orders screen', () => {
  it('finds an order by its reference, by name and by a ticket code', async () => {
    const dana = await sell(counter, performanceId, 2, { name: 'Dana Mulder', phone: '0207 946 0001' });
    const fox = await sell(counter, performanceId, 1, { name: 'Fox Mulder' });
    const walkIn = await sell(counter, performanceId, 1);
    const page = await host.cashierTab('3');

    await findOrder(page, orderReference(dana.order.id), dana.order.id);
    expect(await page.getByTestId('order-reference').textContent()).toBe(orderReference(dana.order.id));
    await expect.poll(() => page.getByTestId('order-ticket').count()).toBe(2);
    await keepScreenshot(page, 'orders-detail');
    await page.keyboard.press('Escape');

    // Two customers share the name: a list, newest first.
    await page.getByTestId('order-search').fill('mulder');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('order-result').evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')))).toEqual([
      fox.order.id,
      dana.order.id,
    ]);
    await keepScreenshot(page, 'orders-results');
    // Down arrows walk the list from the search box; Enter opens the row.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=order-detail][data-order-id="${dana.order.id}"]`).waitFor();
    await page.keyboard.press('Escape');

    await findOrder(page, walkIn.tickets[0]!.code, walkIn.order.id);
    expect(await page.locator('h1').textContent()).toContain('Walk-in customer');

    await page.keyboard.press('F2');
    await page.getByTestId('order-search').fill('no such customer');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('order-none').textContent()).toBe('No order matches “no such customer”.');
    await page.close();
  });

  it('reprints a ticket: logged in the history and printed again on the counter printer', async () => {
    const sale = await sell(counter, performanceId, 2, { name: 'Gil Reprint' });
    const [first, second] = sale.tickets;
    // The sale itself printed each ticket once.
    await expect.poll(() => jobsWith(first!.code), { timeout: 15_000 }).toBe(1);
    const page = await host.cashierTab('3');
    await findOrder(page, 'gil reprint', sale.order.id);
    await page.locator(`[data-ticket-id="${first!.ticketId}"] [data-testid=pick-ticket]`).check();
    await page.keyboard.press('F4');
    const notice = page.getByTestId('order-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(`Reprint logged for ${first!.label}. The copies are printing.`);
    await expect.poll(() => jobsWith(first!.code), { timeout: 15_000 }).toBe(2);
    const copy = printedLines(host.dataDir).filter((lines) => lines.some((l) => l.includes(first!.code))).at(-1)!;
    expect(copy.join('\n')).toContain(first!.label);
    expect(jobsWith(second!.code)).toBe(1);

    const reprinted = page.locator('[data-testid=history-entry][data-kind=reprinted]');
    await reprinted.waitFor();
    expect(await reprinted.textContent()).toContain(`Reprinted ticket ${first!.label} (print 2)`);
    expect(await reprinted.textContent()).toContain('Priya Shah');
    await keepScreenshot(page, 'orders-reprinted');
    await page.close();
  });
});
