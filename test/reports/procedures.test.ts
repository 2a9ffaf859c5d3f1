import { afterEach, describe, expect, it } from 'vitest';
import { wallClock } from '../../src-shared/zoned-time.ts';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { sell } from '../helpers/sales.ts';

let counter: Counter | undefined;
afterEach(() => {
  counter?.dispose();
  counter = undefined;
});

/** The report procedures through the real dispatcher: who may call them, and what a refusal says. */
describe('reports through the contract', () => {
  it('a manager sees a sale made at the window; the options name what the filters offer', async () => {
    counter = await openCounter({ show: true, signedIn: 'manager', shift: false });
    const { till, show } = counter;
    const sale = await sell(till, show.performanceId, 2);
    const today = wallClock(Date.now(), 'Europe/London').date;
    const r = await till.call('getReport', { from: today, to: today, basis: 'payment', granularity: 'day' });
    expect(r.totals).toMatchObject({ tickets: 2, gross: sale.order.totalMinor });
    expect(r.paymentMethods).toEqual([{ method: 'card', payments: 1, amount: sale.order.totalMinor }]);
    expect(r.cashiers).toEqual([{ cashierId: counter.people.manager.staffId, name: 'Mona Manager', tickets: 2, gross: sale.order.totalMinor }]);
    const options = await till.call('getReportOptions', {});
    expect(options.events).toEqual([{ id: show.eventId, name: 'The Test Play' }]);
    expect(options.performances.map((p) => p.id)).toEqual([show.performanceId]);
    expect(options.cashiers.map((c) => c.name)).toContain('Cass Cashier');
  });

  it('refuses a cashier, a range that ends before it starts, and a day not on the calendar', async () => {
    counter = await openCounter({ signedIn: 'cashier', shift: false });
    const q = { from: '2026-12-04', to: '2026-12-01', basis: 'payment', granularity: 'day' } as const;
    expect((await counter.till.fail('getReport', { ...q, to: '2026-12-05' })).code).toBe('FORBIDDEN');
    await counter.signInAs('manager');
    expect(await counter.till.fail('getReport', q)).toEqual({ code: 'BAD_INPUT', message: 'The range ends before it starts.', details: { field: 'to' } });
    const badDay = await counter.till.fail('getReport', { ...q, from: '2026-02-30' });
    expect(badDay.code).toBe('BAD_INPUT');
    expect(badDay.message).toMatch(/not a day of the calendar/);
  });

  it('a new time zone refiles every sale under its day in that zone', async () => {
    counter = await openCounter({ show: true, signedIn: 'manager', shift: false });
    const { till, show } = counter;
    await sell(till, show.performanceId, 2);
    const now = Date.now();
    const london = wallClock(now, 'Europe/London').date;
    // One of the two is on another calendar day than London at any hour.
    const zone = wallClock(now, 'Pacific/Kiritimati').date !== london ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const there = wallClock(now, zone).date;
    await till.call('updateSettings', { changes: { timeZone: zone } });
    const day = (date: string) => till.call('getReport', { from: date, to: date, basis: 'payment', granularity: 'day' });
    expect((await day(london)).totals.tickets).toBe(0);
    expect((await day(there)).totals.tickets).toBe(2);
  });
});
