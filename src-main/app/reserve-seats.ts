import { eq } from 'drizzle-orm';
import { readSetting } from '../core/settings.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { performances, units } from '../db/records/schema.ts';
import type { SalesEngine } from '../sales/engine.ts';
import type { Actor } from '../staff/actor.ts';
import type { Counter } from './counter.ts';
import { printReservationSlipDocument, type PrintOutcome } from './print-documents.ts';

type ReserveArgs = Parameters<SalesEngine['reserveSeats']>[1];

/**
 * A reservation at the counter: the engine turns the hold into a reservation (with the Settings'
 * default deadline when the cashier set none), then the slip with its reference prints on the
 * receipt printer. No money moves, so no drawer. A replay prints no second slip.
 */
export async function reserveSeats(counter: Counter, who: Actor, input: ReserveArgs): Promise<ReturnType<SalesEngine['reserveSeats']> & { print: PrintOutcome }> {
  const deadlineAt = input.deadlineAt ?? defaultReservationDeadline(counter.office, input.holdId);
  // The request key covers what the window asked for, not the default deadline added here.
  const reservation = counter.engine().reserveSeats(who, deadlineAt === undefined ? input : { ...input, deadlineAt }, input);
  const print = await counter.prints.after(who, input.idempotencyKey, reservation, SLIP_PRINTED_BEFORE, () =>
    printReservationSlipDocument(counter, reservation.id),
  );
  return { ...reservation, print };
}

const SLIP_PRINTED_BEFORE = 'The reservation slip went to the printer when this reservation was first made, so it is not printed again.';

/**
 * The collection deadline a reservation gets when the cashier sets none: the Settings' hours
 * before curtain. None when that moment has already passed (a late reservation then lasts until
 * the performance) or the hold is unknown (the engine reports that).
 */
function defaultReservationDeadline(office: BoxOffice, holdId: string): number | undefined {
  const show = office.records
    .select({ startsAt: performances.startsAt })
    .from(units)
    .innerJoin(performances, eq(performances.id, units.performanceId))
    .where(eq(units.holdId, holdId))
    .limit(1)
    .get();
  if (!show) return undefined;
  const hours = readSetting(office.records, 'reservations.deadlineHours');
  const deadlineAt = show.startsAt - hours * 3_600_000;
  return deadlineAt > office.clock.now() ? deadlineAt : undefined;
}
