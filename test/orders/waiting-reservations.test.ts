import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER, openDemoWorld, type AdminWorld, type Window } from '../admin/helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

const HOUR = 3_600_000;

async function reserveOne(cashier: Window, performanceId: string, name: string) {
  const hold = await cashier.call('holdBestAvailable', { performanceId, quantity: 1 });
  return cashier.call('reserveSeats', { holdId: hold.holdId, customer: { name, phone: '07700 900123' } });
}

describe('what is waiting at Collect', () => {
  it("lists today's and upcoming unpaid reservations, soonest first, with the deadline the setting gives", async () => {
    world = openDemoWorld();
    const cashier = await world.window(...CASHIER);
    const now = world.clock.now();
    const list = (await cashier.call('listPerformances', { days: 7 })).filter((p) => p.startsAt > now && p.venueName === 'The Lyric Theatre');
    const tonight = list[0]!;
    const later = list.find((p) => p.startsAt > now + 72 * HOUR)!;
    const farOff = await reserveOne(cashier, later.id, 'Ada Later');
    const soon = await reserveOne(cashier, tonight.id, 'Bo Tonight');
    const cancelled = await reserveOne(cashier, later.id, 'Cy Cancelled');
    await cashier.call('cancelReservation', { reservationId: cancelled.id });

    // The Settings' 48 hours before curtain; a show sooner than that keeps its seats until curtain-up.
    expect(farOff.deadlineAt).toBe(later.startsAt - 48 * HOUR);
    expect(soon.deadlineAt).toBeNull();

    const waiting = await cashier.call('waitingReservations', {});
    expect(waiting.map((r) => r.customerName)).toEqual(['Bo Tonight', 'Ada Later']);
    expect(waiting[1]).toMatchObject({ reference: farOff.reference, deadlineAt: later.startsAt - 48 * HOUR, seatCount: 1, state: 'active' });

    // Past its deadline it is no longer waiting (the sweeper releases it).
    world.clock.set(later.startsAt - 47 * HOUR);
    const next = await world.window(...CASHIER);
    expect((await next.call('waitingReservations', {})).map((r) => r.customerName)).toEqual([]);
  });
});
