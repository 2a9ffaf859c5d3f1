import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keepScreenshot, seatedPerformances, sell, useBoxOffice, useContractWindow } from './box-office.ts';

const host = useBoxOffice();
const counter = useContractWindow(host);

let scans = 0;

/** Types a code the way a keyboard-wedge scanner does (into whatever has focus, then Enter) and reads the answer. */
async function scan(page: Page, code: string): Promise<{ status: string | null; message: string | null }> {
  scans += 1;
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  const result = page.locator(`[data-testid=scan-result][data-scan="${scans}"]`);
  await result.waitFor();
  // Ready for the next scan at once: the field is empty and still has the focus.
  expect(await page.getByTestId('scan-field').inputValue()).toBe('');
  expect(await page.getByTestId('scan-field').evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
  return { status: await result.getAttribute('data-status'), message: await page.getByTestId('scan-message').textContent() };
}

describe('Check-in screen', () => {
  it('admits a valid ticket and tells already used, wrong performance, refunded and unknown apart', async () => {
    const [tonight, other] = await seatedPerformances(counter);
    const sale = await sell(counter, tonight!.id, 3, { name: 'Jo Door' });
    const [valid, refunded, usedEarlier] = sale.tickets;
    await counter.call('refundTickets', { orderId: sale.order.id, ticketIds: [refunded!.ticketId], method: 'card' });
    await counter.call('checkInTicket', { code: usedEarlier!.code, performanceId: tonight!.id });
    const elsewhere = await sell(counter, other!.id, 1);

    const page = await host.cashierTab('4');
    await page.locator(`[data-testid=checkin-performance][data-performance-id="${tonight!.id}"]`).click();
    await page.getByTestId('scan-field').waitFor();
    expect(await page.getByTestId('checkin-performance-name').textContent()).toContain(tonight!.eventTitle);

    expect(await scan(page, valid!.code)).toEqual({ status: 'admitted', message: 'Admit one: Adult.' });
    // Admitted against sold for the whole performance: the one checked in beforehand counts too.
    await expect.poll(() => page.getByTestId('checkin-admitted').getAttribute('data-admitted')).toBe('2');
    expect(await page.getByTestId('scan-seat').textContent()).toMatch(/, (row .+, )?seat .+$/);
    await keepScreenshot(page, 'checkin-valid');

    const again = await scan(page, valid!.code.toLowerCase());
    expect(again.status).toBe('already_used');
    expect(again.message).toMatch(/^Already checked in at .+\.$/);
    // When, in the venue's zone (never "UTC"), beside the seat.
    expect(await page.getByTestId('scan-used-at').textContent()).toMatch(/^Checked in .+ at \d\d:\d\d/);
    expect(await page.getByTestId('scan-used-at').textContent()).not.toContain('UTC');
    const before = await scan(page, usedEarlier!.code);
    expect(before).toMatchObject({ status: 'already_used' });
    expect(before.message).toContain('at Setup window.');
    await keepScreenshot(page, 'checkin-already');

    const wrong = await scan(page, elsewhere.tickets[0]!.code);
    expect(wrong.status).toBe('wrong_performance');
    expect(wrong.message).toMatch(/^This ticket is for another performance/);
    expect(await page.getByTestId('scan-other-show').textContent()).toContain(`Their show: ${other!.eventTitle}`);
    await keepScreenshot(page, 'checkin-wrong-performance');

    expect(await scan(page, refunded!.code)).toEqual({ status: 'refunded', message: 'This ticket was refunded and is no longer valid.' });
    await keepScreenshot(page, 'checkin-refunded');

    expect(await scan(page, 'NOT-A-TICKET-123')).toEqual({ status: 'unknown', message: 'Unknown code: this is not a ticket sold here.' });
    await keepScreenshot(page, 'checkin-unknown');

    // The core recorded the admission from this screen.
    const order = await counter.call('getOrder', { orderId: sale.order.id });
    expect(order.tickets.find((t) => t.id === valid!.ticketId)?.checkedInAt).not.toBeNull();
    await expect.poll(() => page.getByTestId('checkin-admitted').getAttribute('data-admitted')).toBe('2');

    // A mistaken admission is undone with F4; the ticket then admits again.
    await page.keyboard.press('F4');
    await page.locator('[data-testid=scan-result][data-status=undone]').waitFor();
    await expect.poll(() => page.getByTestId('checkin-admitted').getAttribute('data-admitted')).toBe('1');
    expect(await scan(page, valid!.code)).toEqual({ status: 'admitted', message: 'Admit one: Adult.' });
    await keepScreenshot(page, 'checkin-readmitted');

    // Another performance is one key away.
    await page.keyboard.press('F2');
    await page.getByTestId('checkin-performance').first().waitFor();
    await page.close();
  });
});
