import { afterEach, describe, expect, it } from 'vitest';
import { MarqueeError } from '../../src-shared/errors.ts';
import { Day } from './day.ts';

let day: Day | undefined;
afterEach(() => {
  day?.dispose();
  day = undefined;
});

const ledgerSize = (d: Day) => d.office.records.$client.prepare('SELECT count(*) FROM ledger').pluck().get() as number;
const shiftRows = (d: Day) => d.office.records.$client.prepare('SELECT count(*) FROM shifts').pluck().get() as number;

/** Runs `act`, expects a MarqueeError with this code, problem and sentence, and that nothing was written. */
function refused(d: Day, act: () => unknown, code: string, problem: string, words: RegExp): void {
  const before = [ledgerSize(d), shiftRows(d), d.till.listZ().length];
  let error: unknown;
  try {
    act();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MarqueeError);
  const e = error as MarqueeError;
  expect(e.code).toBe(code);
  expect(e.details?.['problem']).toBe(problem);
  expect(e.message).toMatch(words);
  expect(e.message).toMatch(/[.!]$/);
  expect([ledgerSize(d), shiftRows(d), d.till.listZ().length]).toEqual(before);
}

describe('bad input at the till: a typed error with a sentence, nothing written', () => {
  it('refuses a second shift at the same window', () => {
    const d = (day = new Day());
    d.till.open(d.at('W1'), { amountMinor: 5000 });
    refused(d, () => d.till.open(d.at('W1', 'manager'), { amountMinor: 100 }), 'CONFLICT', 'second-shift', /already has another cashier's shift open/);
    refused(d, () => d.till.open(d.at('W1'), { amountMinor: 100 }), 'CONFLICT', 'second-shift', /already has your shift open/);
  });

  it('refuses a count with negative coins, or a coin the currency does not have', () => {
    const d = (day = new Day());
    refused(d, () => d.till.open(d.at('W1'), { count: { '100': -3 } }), 'BAD_INPUT', 'negative-count', /1\.00 GBP is -3.*never below nought/);
    refused(d, () => d.till.open(d.at('W1'), { count: { '300': 1 } }), 'BAD_INPUT', 'unknown-denomination', /300 is not a note or coin of GBP/);
    d.till.open(d.at('W1'), { amountMinor: 1000 });
    refused(d, () => d.till.close(d.at('W1'), { count: { '2000': 1, '50': -1 } }), 'BAD_INPUT', 'negative-count', /0\.50 GBP is -1/);
  });

  it('refuses a cash-out larger than the drawer holds', () => {
    const d = (day = new Day());
    d.till.open(d.at('W1'), { amountMinor: 1000 });
    d.sell(d.at('W1'), 1, 'cash');
    refused(d, () => d.till.moveCash(d.at('W1'), { direction: 'out', amountMinor: 3501, reason: 'Supplier' }), 'BAD_INPUT', 'more-than-drawer', /should hold GBP 35\.00; GBP 35\.01 cannot be taken out/);
    expect(d.till.moveCash(d.at('W1'), { direction: 'out', amountMinor: 3500, reason: 'Supplier' }).drawerMinor).toBe(0);
  });

  it('refuses to close a shift with a sale in flight (seats held at the window)', () => {
    const d = (day = new Day());
    const cass = d.at('W1');
    d.till.open(cass, { amountMinor: 1000 });
    d.engine.holdSeats(cass, { performanceId: d.show.performanceId, unitIds: [d.show.seatUnitIds.at(-1)!] });
    refused(d, () => d.till.close(cass, { amountMinor: 1000 }), 'CONFLICT', 'sale-in-flight', /A seat is held at this window for a sale\. Finish or release it/);
  });

  it('refuses a Z for a day already closed, and a day with a shift still open', () => {
    const d = (day = new Day());
    const manager = d.at('W1', 'manager');
    d.till.open(d.at('W2'), { amountMinor: 1000 });
    refused(d, () => d.till.closeDay(manager, '2026-12-03'), 'CONFLICT', 'shifts-open', /A shift is still open; every window must close its shift/);
    d.till.close(d.at('W2'), { amountMinor: 1000 });
    d.till.closeDay(manager, '2026-12-03');
    refused(d, () => d.till.closeDay(manager, '2026-12-03'), 'CONFLICT', 'day-closed', /The day 2026-12-03 is already closed \(Z report 2\)/);
  });

  it("refuses a difference over the limit without a manager, and a manager's approval without a reason", () => {
    const d = (day = new Day());
    d.till.open(d.at('W1'), { amountMinor: 10_000 });
    expect(() => d.till.close(d.at('W1'), { amountMinor: 9000 })).toThrow(/needs a manager's approval/);
    refused(d, () => d.till.close(d.at('W1', 'manager', d.people.cashier.staffId), { amountMinor: 9000 }), 'BAD_INPUT', 'reason-needed', /GBP 10\.00 short; give a reason/);
    const closed = d.till.close(d.at('W1', 'manager', d.people.cashier.staffId), { amountMinor: 9000, reason: 'Float miscounted this morning' });
    expect(closed.shift).toMatchObject({ varianceMinor: -1000, varianceReason: 'Float miscounted this morning', approvedBy: d.people.cashier.staffId });
  });

  it('refuses cash in or out and a no-sale without a reason or an open shift', () => {
    const d = (day = new Day());
    refused(d, () => d.till.noSale(d.at('W1'), 'Change'), 'CONFLICT', 'no-shift', /No shift is open at this window/);
    d.till.open(d.at('W1'), { amountMinor: 1000 });
    refused(d, () => d.till.noSale(d.at('W1'), '  '), 'BAD_INPUT', 'reason-needed', /needs a reason/);
  });
});
