import { beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, reserve, seatedPerformances, sell, unitStates, useBoxOffice, type ContractWindow } from './box-office.ts';

const host = useBoxOffice();
let counter: ContractWindow;
let play: Awaited<ReturnType<typeof seatedPerformances>>[number];

beforeAll(async () => {
  counter = await host.contract();
  const seated = await seatedPerformances(counter);
  // A theatre performance with Balcony seats that has not started.
  play = seated.find((p) => p.venueName === 'The Lyric Theatre')!;
});

describe('Exchange on the seat map', () => {
  it('offers the tickets’ own category, shows the difference before anything is held, then exchanges', async () => {
    const sale = await sell(counter, play.id, 1, { name: 'Eve Balcony' }, { category: 'Balcony', band: 'Adult' });
    const page = await host.cashierTab('3', { viewport: { width: 1920, height: 1080 } });
    await page.getByTestId('order-search').fill('eve balcony');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=order-detail][data-order-id="${sale.order.id}"]`).waitFor();
    await page.getByTestId('pick-all').click();
    await page.keyboard.press('F9');
    await page.getByTestId('exchange-panel').waitFor();
    await expect.poll(() => page.getByTestId('exchange-category').textContent()).toContain('Balcony');
    const map = page.getByTestId('exchange-map');
    await map.locator('[data-testid=seat]').first().waitFor();

    // A Stalls seat is not offered for a Balcony ticket unless the cashier asks for any category.
    const seatMap = await counter.call('getSeatMap', { performanceId: play.id });
    const stalls = seatMap.seats.find((s) => s.category === 'Stalls' && s.state === 'available')!;
    const balcony = seatMap.seats.filter((s) => s.category === 'Balcony' && s.state === 'available' && !sale.unitIds.includes(s.unitId))[3]!;
    await map.locator(`[data-testid=seat][data-unit="${stalls.unitId}"]`).click();
    expect(await page.getByTestId('exchange-hint').textContent()).toContain('is in Stalls; the tickets were Balcony');
    expect(await page.getByTestId('exchange-seat').count()).toBe(0);

    await map.locator(`[data-testid=seat][data-unit="${balcony.unitId}"]`).click();
    await page.getByTestId('exchange-seat').waitFor();
    expect(await page.getByTestId('exchange-seats').textContent()).toContain(balcony.label);
    expect(await page.getByTestId('exchange-difference').textContent()).toBe('Same price (£18.00): nothing to pay.');
    // Chosen, shown, priced: and still free for anyone until the cashier confirms.
    expect(await unitStates(counter, play.id, [balcony.unitId])).toEqual(['available']);
    await keepScreenshot(page, 'seating-exchange-map');

    // With any category, the Stalls seat shows what the customer would pay on top.
    await page.getByTestId('exchange-any-category').check();
    await map.locator(`[data-testid=seat][data-unit="${balcony.unitId}"]`).click();
    await map.locator(`[data-testid=seat][data-unit="${stalls.unitId}"]`).click();
    await expect.poll(() => page.getByTestId('exchange-difference').textContent()).toMatch(/^New seats £\d+\.\d\d, was £18\.00: customer pays £\d+\.\d\d more\.$/);
    await map.locator(`[data-testid=seat][data-unit="${stalls.unitId}"]`).click();
    await map.locator(`[data-testid=seat][data-unit="${balcony.unitId}"]`).click();

    await page.getByTestId('confirm-exchange').click();
    const notice = page.getByTestId('order-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Exchanged for`);
    expect(await unitStates(counter, play.id, [balcony.unitId, ...sale.unitIds])).toEqual(['booked', 'available']);
    await page.close();
  });

  it('never offers a performance that has started', async () => {
    const all = await counter.call('listPerformances', { days: 7 });
    const started = all.filter((p) => p.startsAt <= Date.now());
    const sale = await sell(counter, play.id, 1, { name: 'Finn Started' });
    const page = await host.cashierTab('3');
    await page.getByTestId('order-search').fill('finn started');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=order-detail][data-order-id="${sale.order.id}"]`).waitFor();
    await page.getByTestId('pick-all').click();
    await page.keyboard.press('F9');
    await page.locator('[data-testid=exchange-performance] option').first().waitFor({ state: 'attached' });
    const offered = await page.locator('[data-testid=exchange-performance] option').evaluateAll((els) => els.map((e) => e.getAttribute('value') ?? ''));
    expect(started.length).toBeGreaterThan(0);
    for (const p of started) expect(offered).not.toContain(p.id);
    await page.close();
  });
});

describe('Collect lists what is waiting', () => {
  it("shows today's and upcoming unpaid reservations with their deadlines, narrowed as the cashier types", async () => {
    const a = await reserve(counter, play.id, 1, { name: 'Gil Waiting', phone: '0161 496 0771' });
    const b = await reserve(counter, play.id, 2, { name: 'Hana Waiting', phone: '0161 496 0772' });
    const page = await host.cashierTab('2');
    const list = page.getByTestId('collect-waiting');
    await expect.poll(() => list.locator('[data-testid=reservation-result]').count()).toBeGreaterThanOrEqual(2);
    const text = await list.textContent();
    expect(text).toContain(a.reservation.reference);
    expect(text).toContain(b.reservation.reference);
    expect(await list.locator(`[data-reservation-id="${a.reservation.id}"] [data-testid=reservation-deadline]`).textContent()).toMatch(/^collect by /);
    await keepScreenshot(page, 'seating-collect-waiting');
    await page.getByTestId('collect-search').fill('hana');
    await expect.poll(() => list.locator('[data-testid=reservation-result]').count()).toBe(1);
    expect(await list.textContent()).toContain('Hana Waiting');
    await page.close();
  });
});
