import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, type Counter } from '../helpers/counter.ts';

let counter: Counter | null = null;
afterEach(() => {
  counter?.dispose();
  counter = null;
});

describe('the door: the seat, where it was used, and admitted against sold', () => {
  it('answers each scan with the seat in words and the performance’s count', async () => {
    counter = await openCounter({ show: { rows: 2, seatsPerRow: 4, standing: 5 } });
    const { till, show } = counter;
    const performanceId = show.performanceId;
    expect(await till.call('doorCount', { performanceId })).toEqual({ admitted: 0, sold: 0 });

    const hold = await till.call('holdSeats', { performanceId, unitIds: [show.unit('Stalls A-1'), show.unit('Stalls A-2')], places: [{ areaId: show.areaId!, quantity: 1 }] });
    const sale = await till.call('bookSeats', {
      holdId: hold.holdId,
      lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
      payments: [{ method: 'card' }],
    });
    const [seat, other, place] = sale.tickets;
    await till.call('refundTickets', { orderId: sale.order.id, ticketIds: [other!.ticketId], method: 'card' });

    const admitted = await till.call('checkInTicket', { code: seat!.code, performanceId });
    expect(admitted).toMatchObject({ status: 'admitted', seat: 'Stalls, row A, seat 1', count: { admitted: 1, sold: 2 } });
    const standing = await till.call('checkInTicket', { code: place!.code, performanceId });
    expect(standing).toMatchObject({ status: 'admitted', seat: 'Standing, place 1', count: { admitted: 2, sold: 2 } });

    const again = await till.call('checkInTicket', { code: seat!.code, performanceId });
    expect(again).toMatchObject({ status: 'already_used', seat: 'Stalls, row A, seat 1', checkedInStation: expect.any(String) });
    // The sentence names the window; the time comes as an instant for the screen to show in the venue's zone.
    expect(again.message).toMatch(/^Already checked in at .+\.$/);
    expect(again.message).not.toMatch(/UTC|\d\d:\d\d/);
    expect(again.ticket?.checkedInAt).toEqual(expect.any(Number));

    await till.call('undoCheckIn', { ticketId: seat!.ticketId });
    expect(await till.call('doorCount', { performanceId })).toEqual({ admitted: 1, sold: 2 });
  });
});
