import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { sell } from '../helpers/sales.ts';

let c: Counter | undefined;
afterEach(async () => {
  await c?.running.stop();
  c?.dispose();
  c = undefined;
});

describe('the till through the contract', () => {
  it('opens, sells, moves cash, closes with a manager PIN over the limit, and numbers receipts and Z reports', async () => {
    c = await openCounter({ show: { rows: 4, seatsPerRow: 10, standing: 0 }, shift: false });
    const { till, show, people } = c;
    const current = await till.call('currentShift', {});
    expect(current).toMatchObject({ shift: null, currency: 'GBP' });
    expect(current.denominations).toContain(2000);
    // From the installation's very first sale: cash needs a shift, card does not.
    const first = await cashSaleInput(c);
    expect((await till.fail('bookSeats', first)).message).toMatch(/Taking cash needs a shift open at this window/);
    await till.call('releaseHold', { holdId: first.holdId });
    const shift = await till.call('openShift', { count: { '1000': 5 } });
    expect(shift).toMatchObject({ state: 'open', floatMinor: 5000, floatCount: { '1000': 5 } });
    expect((await till.fail('openShift', { amountMinor: 100 })).message).toMatch(/already has your shift open/);

    const cash = await sell(till, show.performanceId, 2, undefined, { method: 'cash' });
    const card = await sell(till, show.performanceId, 1);
    const numbers = await Promise.all([cash, card].map((s) => till.call('getReceiptNumber', { orderId: s.order.id })));
    expect(numbers.map((n) => n.receiptNumber)).toEqual([1, 2]);

    await till.call('moveCash', { direction: 'out', amountMinor: 1000, reason: 'Window cleaner' });
    const noSale = await till.call('openDrawerNoSale', { reason: 'Change for the bar' });
    expect(noSale.noSales).toBe(1);
    expect(noSale.print.printed).toBe('no-printer');
    const x = await till.call('xReport', {});
    expect(x.figures.cash.expectedMinor).toBe(5000 + cash.order.totalMinor - 1000);
    expect(x.print).toBeNull();

    // 20.00 short: over the 5.00 limit, so a manager's PIN and a reason.
    const counted = x.figures.cash.expectedMinor - 2000;
    expect((await till.fail('closeShift', { amountMinor: counted })).code).toBe('FORBIDDEN');
    expect((await till.fail('closeShift', { amountMinor: counted, approval: { staffId: people.manager.staffId, pin: '9999' } })).message).not.toMatch(/stack|Error:/);
    const closed = await till.call('closeShift', { amountMinor: counted, reason: 'A twenty missing', approval: { staffId: people.manager.staffId, pin: people.pins.manager } });
    expect(closed.shift).toMatchObject({ state: 'closed', varianceMinor: -2000, approvedBy: people.manager.staffId, zNumber: 1 });
    expect(closed.report.figures.noSales).toBe(1);
    expect(closed.print.printed).toBe('no-printer');

    // A cashier cannot correct a closed shift; a manager can, with a reason (below).
    expect((await till.fail('correctShift', { shiftId: closed.shift.id, amountMinor: 2000, reason: 'Found in the safe bag' })).code).toBe('FORBIDDEN');

    // The shift is closed: cash needs a shift again; card can still sell without one.
    expect((await till.fail('bookSeats', await cashSaleInput(c))).message).toMatch(/Taking cash needs a shift open/);
    await sell(till, show.performanceId, 1);

    expect((await till.fail('closeDay', {})).code).toBe('FORBIDDEN');
    await c.signInAs('manager');
    const dayZ = await till.call('closeDay', { businessDate: '2026-12-03' });
    expect(dayZ.report).toMatchObject({ number: 2, scope: 'day', businessDate: '2026-12-03' });
    expect(dayZ.report.figures.ticketsSold).toBe(4);
    expect((await till.fail('closeDay', { businessDate: '2026-12-03' })).message).toMatch(/already closed \(Z report 2\)/);
    expect((await till.call('listZReports', {})).map((z) => z.number)).toEqual([2, 1]);
    expect((await till.call('reprintZReport', { number: 1 })).print.printed).toBe('no-printer');
    expect((await till.fail('correctShift', { shiftId: closed.shift.id, amountMinor: 2000, reason: ' ' })).code).toBe('BAD_INPUT');
    const correction = await till.call('correctShift', { shiftId: closed.shift.id, amountMinor: 2000, reason: 'Found in the safe bag' });
    expect(correction).toMatchObject({ shiftId: closed.shift.id, amountMinor: 2000, staffId: people.manager.staffId });
    expect(await till.call('listCorrections', { shiftId: closed.shift.id })).toEqual([correction]);
    expect((await till.call('listZReports', {}))[1]!.figures.cash.varianceMinor).toBe(-2000);
  });
});

async function cashSaleInput(c: Counter) {
  const hold = await c.till.call('holdBestAvailable', { performanceId: c.show.performanceId, quantity: 1 });
  return { holdId: hold.holdId, lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: c!.show.bands.adult })), payments: [{ method: 'cash' as const }] };
}
