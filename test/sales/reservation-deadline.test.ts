import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { performances } from '../../src-main/db/records/schema.ts';
import type { InputOf, OutputOf, ProcedureName } from '../../src-shared/contract/index.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { eq } from 'drizzle-orm';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedAnotherPerformance, seedShow, seedStaff, type ShowFixture } from './fixtures.ts';

const HOUR = 3_600_000;
const temp = openTempBoxOffice();
afterAll(() => temp.dispose());
const api = createApi(temp.office, { checkOutput: true });
const ctx = { transport: 'test' as const, stationId: temp.office.identity.id, sessionSecret: null };

async function call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await api.call(name, input, ctx);
  if (!result.ok) throw new MarqueeError(result.error.code, result.error.message, result.error.details);
  return result.value as OutputOf<K>;
}

let show: ShowFixture;
let startsAt: number;
beforeAll(async () => {
  show = seedShow(temp.office);
  startsAt = temp.office.records.select().from(performances).where(eq(performances.id, show.performanceId)).get()!.startsAt;
  const people = seedStaff(temp.office);
  // A manager sets the default, then hands the window to a cashier, who reserves.
  await call('signIn', { staffId: people.manager.staffId, pin: people.pins.manager });
  await call('updateSettings', { changes: { reservationDeadlineHours: 24 } });
  await call('signIn', { staffId: people.cashier.staffId, pin: people.pins.cashier });
});

async function reserve(performanceId: string, unitIds: number[], deadlineAt?: number) {
  const hold = await call('holdSeats', { performanceId, unitIds });
  return call('reserveSeats', { holdId: hold.holdId, customer: { name: 'Ana Lind', phone: '0117 496 0000' }, ...(deadlineAt === undefined ? {} : { deadlineAt }) });
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
    const soon = seedAnotherPerformance(temp.office, show, temp.office.clock.now() + 3 * HOUR);
    const reservation = await reserve(soon, [unitOf(soon, 'C-3')]);
    expect(reservation.deadlineAt).toBeNull();
  });
});

/** A seat's unit at another performance of the same plan. */
function unitOf(performanceId: string, seat: string): number {
  const row = temp.office.records.$client
    .prepare(`select u.id as id from units u join plan_seats s on s.id = u.seat_id where u.performance_id = ? and s.row || '-' || s.number = ?`)
    .get(performanceId, seat) as { id: number };
  return row.id;
}
