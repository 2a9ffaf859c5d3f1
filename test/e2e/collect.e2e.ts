import { beforeAll, describe, expect, it } from 'vitest';
import { jobsWith, keepScreenshot, reserve, seatedPerformances, unitStates, useBoxOffice, useContractWindow } from './box-office.ts';

const host = useBoxOffice();
const counter = useContractWindow(host);
let performanceId: string;

beforeAll(async () => {
  performanceId = (await seatedPerformances(counter))[0]!.id;
});

describe('Collect screen', () => {
  it('finds a reservation by name, takes cash and books the seats', async () => {
    const made = await reserve(counter, performanceId, 2, { name: 'Ana Lindqvist', phone: '07700 900111' });
    const page = await host.cashierTab('2');
    await page.getByTestId('collect-search').fill('lindqv');
    await page.keyboard.press('Enter');
    // One waiting reservation matches: it opens by itself.
    await page.getByTestId('collect-detail').waitFor();
    await expect.poll(() => page.getByTestId('collect-seat').count()).toBe(2);
    for (const label of made.labels) expect(await page.getByTestId('collect-seats').textContent()).toContain(label);
    expect(await page.getByTestId('collect-total').textContent()).toBe(`£${(made.total / 100).toFixed(2)}`);
    await page.getByTestId('collect-method-cash').check();
    // The one money reader: "1e3" is not £1,000, and nothing is sold for it.
    await page.getByTestId('collect-tendered').fill('1e3');
    await page.keyboard.press('F8');
    await expect.poll(() => page.getByTestId('collect-error').textContent()).toContain('“1e3” is not an amount');
    const tendered = Math.ceil(made.total / 100 / 10) * 10 + 10;
    await page.getByTestId('collect-tendered').fill(String(tendered));
    await keepScreenshot(page, 'collect-pay');
    await page.keyboard.press('F8');
    await page.getByTestId('collect-done').waitFor();
    expect(await page.getByTestId('collect-change').textContent()).toBe(`Change: £${((tendered * 100 - made.total) / 100).toFixed(2)}`);
    await keepScreenshot(page, 'collect-paid');

    const after = await counter.call('findReservation', { reference: made.reservation.reference });
    expect(after.reservation.state).toBe('collected');
    expect(await unitStates(counter, performanceId, made.unitIds)).toEqual(['booked', 'booked']);
    const order = await counter.call('getOrder', { orderId: after.reservation.orderId! });
    expect(order.payments).toMatchObject([{ method: 'cash', amountMinor: made.total, tenderedMinor: tendered * 100 }]);
    // Paying printed the tickets on the counter printer: each ticket's code and seat are in its bytes.
    expect(await page.getByTestId('collect-print').textContent()).toBe('The tickets are printing.');
    for (const t of order.tickets) {
      await expect.poll(() => jobsWith(host.dataDir, t.code), { timeout: 15_000 }).toBe(1);
      expect(jobsWith(host.dataDir, t.label)).toBeGreaterThanOrEqual(1);
    }

    // Back to the search: the collected reservation no longer waits.
    await page.keyboard.press('Enter');
    await page.getByTestId('collect-none').waitFor();
    await page.close();
  });

  it('finds reservations by phone and by reference, and cancels one so its seats return to sale', async () => {
    const first = await reserve(counter, performanceId, 1, { name: 'Bo Marsh', phone: '0161 496 0555' });
    const second = await reserve(counter, performanceId, 3, { name: 'Cy Marsh', phone: '0161 496 0556' });
    const page = await host.cashierTab('2', { viewport: { width: 1920, height: 1080 } });
    await page.getByTestId('collect-search').fill('496 05');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reservation-result').count()).toBe(2);
    await keepScreenshot(page, 'collect-results');

    await page.keyboard.press('F2');
    await page.keyboard.type(second.reservation.reference.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByTestId('collect-detail').waitFor();
    await expect.poll(() => page.getByTestId('collect-seat').count()).toBe(3);
    await page.keyboard.press('F4');
    await page.getByText('Yes, cancel the reservation').waitFor();
    await keepScreenshot(page, 'collect-cancel-confirm');
    await page.keyboard.press('F4');
    const notice = page.getByTestId('collect-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(`Reservation ${second.reservation.reference} for Cy Marsh is cancelled; its seats are back on sale.`);
    expect(await unitStates(counter, performanceId, second.unitIds)).toEqual(['available', 'available', 'available']);
    expect(await unitStates(counter, performanceId, first.unitIds)).toEqual(['reserved']);

    // Showing ended reservations lists the cancelled one too, not openable.
    await page.getByTestId('collect-include-ended').check();
    const cancelled = page.locator(`[data-reservation-id="${second.reservation.id}"]`);
    await cancelled.waitFor();
    expect(await cancelled.isDisabled()).toBe(true);
    expect(await cancelled.textContent()).toContain('Cancelled');
    await keepScreenshot(page, 'collect-cancelled');

    // Open the other one, then another window cancels it: this screen says so at once.
    await page.getByTestId('collect-include-ended').uncheck();
    await page.keyboard.press('F2');
    await page.keyboard.type(first.reservation.reference);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('collect-seat').count()).toBe(1);
    await counter.call('cancelReservation', { reservationId: first.reservation.id });
    const ended = page.getByTestId('collect-ended');
    await ended.waitFor();
    expect(await ended.textContent()).toBe('This reservation was cancelled at another window while it was open here.');
    expect(await page.getByTestId('collect-pay').isDisabled()).toBe(true);
    await page.close();
  });

  it('says in words when nothing matches', async () => {
    const page = await host.cashierTab('2');
    await page.getByTestId('collect-search').fill('Nobody Atall');
    await page.keyboard.press('Enter');
    // The waiting list shows first; the search's answer replaces it when it comes.
    await expect.poll(() => page.getByTestId('collect-none').textContent()).toBe('No waiting reservation matches “Nobody Atall”.');
    await page.close();
  });
});
