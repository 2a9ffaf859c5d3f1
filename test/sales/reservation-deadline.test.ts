import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performances } from '../../src-main/db/records/schema.ts';
import { eq } from 'drizzle-orm';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { seedAnotherPerformance, type ShowFixture } from './fixtures.ts';

const HOUR = 3_600_000;
let counter: Counter;
afterAll(() => counter.dispose());

let show: ShowFixture;
let startsAt: number;
beforeAll(async () => {
  // A manager sets the default, then hands the window to a cashier, who reserves.
  counter = await openCounter({ show: true, signedIn: 'manager' });
  show = counter.show;
  startsAt = counter.office.records.select().from(performances).where(eq(performances.id, show.performanceId)).get()!.startsAt;
  await counter.till.call('updateSettings', { changes: { reservationDeadlineHours: 24 } });
  await counter.signInAs('cashier');
});

async function reserve(performanceId: string, unitIds: number[], deadlineAt?: number) {
  const hold = await counter.till.call('holdSeats', { performanceId, unitIds });
  return counter.till.call('reserveSeats', { holdId: hold.holdId, customer: { name: 'Ana Lind', phone: '0117 496 0000' }, ...(deadlineAt === undefined ? {} : { deadlineAt }) });
}

describe('the default reservation deadline', () => {
  it("gives a reservation made without a deadline the Settings' hours before curtain", async () => {
    const reservation = await reserve(show.performanceId, [show.unit('Stalls C-1')]);
    expect(reservation.deadlineAt).toBe(startsAt - 24 * HOUR);
  });

  it('keeps a deadline the cashier set', async () => {
    const own = startsAt - 2 * HOUR;
    const reservation = await reserve(show.performanceId, [show.unit('Stalls C-2')], own);
    expect(reservation.deadlineAt).toBe(own);
  });

  it('sets no deadline when the default moment has already passed', async () => {
    const soon = seedAnotherPerformance(counter.office, show, counter.office.clock.now() + 3 * HOUR);
    const reservation = await reserve(soon, [unitOf(soon, 'C-3')]);
    expect(reservation.deadlineAt).toBeNull();
  });
});

/** A seat's unit at another performance of the same plan. */
function unitOf(performanceId: string, seat: string): number {
  const row = counter.office.records.$client
    .prepare(`select u.id as id from units u join plan_seats s on s.id = u.seat_id where u.performance_id = ? and s.row || '-' || s.number = ?`)
    .get(performanceId, seat) as { id: number };
  return row.id;
}
