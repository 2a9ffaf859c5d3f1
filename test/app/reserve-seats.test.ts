import { afterEach, describe, expect, it } from 'vitest';
import { reserveSeats } from '../../src-main/app/reserve-seats.ts';
import { DRAWER_PULSE, openCounterRig, textOf, type CounterRig } from './counter-rig.ts';

let c: CounterRig | undefined;
afterEach(async () => {
  await c?.rig.dispose();
  c = undefined;
});

describe('reserveSeats', () => {
  it('reserves, then prints the slip with its reference, no drawer; a replay prints no second slip', async () => {
    c = await openCounterRig();
    const hold = c.hold(['Stalls D-1', 'Stalls D-2']);
    const input = { holdId: hold.holdId, customer: { name: 'Rosa Reserve', phone: '07700 900123' }, idempotencyKey: 'reserve-key-01' };
    const reservation = await reserveSeats(c.counter, c.people.cashier, input);
    expect(reservation.print).toEqual({ printed: 'queued', jobSetId: expect.any(String), problem: null });
    const again = await reserveSeats(c.counter, c.people.cashier, input);
    expect(again.id).toBe(reservation.id);
    expect(again.print).toEqual(reservation.print);
    const [slip] = await c.rig.fake.waitForJobs(1);
    expect(slip!.equals(DRAWER_PULSE)).toBe(false);
    expect(textOf(slip!)).toContain(reservation.reference);
    expect(c.queued()).toEqual([`Reservation ${reservation.reference}`]);
  });
});
