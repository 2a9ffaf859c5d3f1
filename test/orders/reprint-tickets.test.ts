import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock.ts';
import { orderHistory } from '../../src-main/orders/order-history.ts';
import { reprintTickets } from '../../src-main/app/reprint-tickets.ts';
import type { RunningBoxOffice } from '../../src-main/app/compose.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedShow, seedStaff, type ShowFixture, type StaffFixture } from '../sales/fixtures.ts';

let temp: TempBoxOffice;
let boxOffice: RunningBoxOffice;
let show: ShowFixture;
let people: StaffFixture;

beforeEach(() => {
  temp = openTempBoxOffice({ clock: new ManualClock(Date.UTC(2026, 10, 22, 12)) });
  show = seedShow(temp.office);
  people = seedStaff(temp.office);
  boxOffice = composeForTest(temp.office);
});
afterEach(() => temp.dispose());

function sellThree() {
  const engine = boxOffice.engine();
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ['Stalls C-1', 'Stalls C-2', 'Stalls C-3'].map(show.unit) });
  return engine.book(people.cashier, {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
    payments: [{ method: 'card', amountMinor: 7500 }],
  });
}

describe('reprintTickets', () => {
  it('logs a reprint per ticket, then answers what the print path said', async () => {
    const sale = sellThree();
    const picked = [sale.tickets[0]!.ticketId, sale.tickets[2]!.ticketId];
    const result = await reprintTickets(boxOffice, people.cashier, sale.order.id, picked);
    expect(result.tickets.map((t) => [t.id, t.printCount])).toEqual(picked.map((id) => [id, 2]));
    // No printer is set up in this box office: the reprints still stand, and the screen is told why nothing printed.
    expect(result.print.printed).toBe('no-printer');
    expect(result.print.problem).toBeTruthy();
    expect(orderHistory(temp.office.records, sale.order.id).filter((h) => h.kind === 'reprinted').map((h) => h.summary)).toEqual([
      'Reprinted ticket Stalls, row C, seat 1 (print 2)',
      'Reprinted ticket Stalls, row C, seat 3 (print 2)',
    ]);
  });

  it('logs nothing when one picked ticket cannot be reprinted', async () => {
    const sale = sellThree();
    boxOffice.engine().refund(people.cashier, { orderId: sale.order.id, ticketIds: [sale.tickets[1]!.ticketId], method: 'card' });
    await expect(reprintTickets(boxOffice, people.cashier, sale.order.id, [sale.tickets[0]!.ticketId, sale.tickets[1]!.ticketId])).rejects.toThrow(
      'The ticket for Stalls, row C, seat 2 was refunded; it cannot be reprinted.',
    );
    expect(orderHistory(temp.office.records, sale.order.id).some((h) => h.kind === 'reprinted')).toBe(false);
  });
});
