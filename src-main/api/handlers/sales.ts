import { asc, eq } from 'drizzle-orm';
import { PrintOutcomeSchema, type PrintOutcome, type salesProcedures } from '../../../src-shared/contract/sales.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { readSetting } from '../../core/settings.ts';
import { performances, priceBands, units } from '../../db/records/schema.ts';
import { printOrder, printReservationSlip } from '../../print/print-sale.ts';
import { salesFor } from '../../sales/engine.ts';
import type { Actor, Approval } from '../../staff/actor.ts';
import { verifyApproval } from '../../staff/auth.ts';
import type { SignInThrottle } from '../../staff/sign-in-throttle.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function salesHandlers(office: BoxOffice, throttle: SignInThrottle): Pick<Handlers, keyof typeof salesProcedures> {
  const engine = () => salesFor(office);
  const pinDeps = { records: office.records, clock: office.clock, throttle };
  /**
   * The manager's PIN of an approval, checked here, asynchronously and throttled like a sign-in
   * (by this window and its address), before the synchronous engine runs; the engine gets the
   * checked approver, never the PIN. The window's own input stays the request key's `asked`.
   */
  const approved = async <T extends { approval?: Approval | undefined }>(input: T, ctx: CallContext) => {
    const { approval, ...rest } = input;
    const approver = await verifyApproval(pinDeps, actorOf(ctx), approval, { stationId: ctx.stationId, peer: ctx.peer ?? ctx.stationId });
    return { ...rest, approver };
  };
  /**
   * Printing still under way for a recorded request, by window and key: a retry that overtakes the
   * first try (its answer lost, the printer slow) waits for that printing's outcome instead of guessing.
   */
  const printing = new Map<string, Promise<PrintOutcome>>();
  const printOnce = async (who: Actor, key: string | undefined, print: () => Promise<PrintOutcome>): Promise<PrintOutcome> => {
    if (key === undefined) return print();
    const id = `${who.stationId}\n${key}`;
    const job = print();
    printing.set(id, job);
    try {
      const outcome = await job;
      engine().notePrint(who, key, outcome);
      return outcome;
    } finally {
      printing.delete(id);
    }
  };
  /** What printing did for a replayed request: as noted, as it turns out if still printing, or the sentence for "not known". */
  const printedBefore = async (who: Actor, key: string | undefined, noted: unknown, unknownWords: string): Promise<PrintOutcome> => {
    const parsed = PrintOutcomeSchema.safeParse(noted);
    if (parsed.success) return parsed.data;
    const underWay = key === undefined ? undefined : printing.get(`${who.stationId}\n${key}`);
    return underWay ? await underWay : { printed: 'queued', jobSetId: null, problem: unknownWords };
  };
  return {
    listPriceBands: (input) => {
      const perf = office.records.select({ eventId: performances.eventId }).from(performances).where(eq(performances.id, input.performanceId)).get();
      if (!perf) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${input.performanceId}.`);
      return office.records
        .select({
          id: priceBands.id,
          name: priceBands.name,
          category: priceBands.category,
          priceMinor: priceBands.priceMinor,
          taxRateBp: priceBands.taxRateBp,
          taxIncluded: priceBands.taxIncluded,
        })
        .from(priceBands)
        .where(eq(priceBands.eventId, perf.eventId))
        .orderBy(asc(priceBands.sortOrder), asc(priceBands.name))
        .all();
    },
    holdSeats: (input, ctx) => engine().holdSeats(actorOf(ctx), input),
    holdBestAvailable: (input, ctx) => engine().holdBestAvailable(actorOf(ctx), input),
    suggestBestAvailable: (input) => engine().suggestBestAvailable(input),
    releaseHold: (input, ctx) => engine().releaseHold(actorOf(ctx), input),
    extendHold: (input, ctx) => engine().extendHold(actorOf(ctx), input),
    reserveSeats: async (input, ctx) => {
      const who = actorOf(ctx);
      const deadlineAt = input.deadlineAt ?? defaultReservationDeadline(office, input.holdId);
      // The request key covers what the window asked for, not the default deadline added here.
      const reservation = engine().reserveSeats(who, deadlineAt === undefined ? input : { ...input, deadlineAt }, input);
      const replay = engine().replayOf(reservation);
      if (replay) return { ...reservation, print: await printedBefore(who, input.idempotencyKey, replay.print, SLIP_PRINTED_BEFORE) };
      return { ...reservation, print: await printOnce(who, input.idempotencyKey, () => printReservationSlip(office, reservation.id)) };
    },
    cancelReservation: (input, ctx) => engine().cancelReservation(actorOf(ctx), input),
    findReservation: (input) => engine().findReservation(input),
    quoteSale: (input, ctx) => engine().quote(actorOf(ctx), input),
    // The sale is committed before anything prints: a print problem is reported, never undoes it.
    // A retry of a sale that already went through prints nothing and opens no drawer: it answers
    // the first sale, with what printing did then.
    bookSeats: async (input, ctx) => {
      const who = actorOf(ctx);
      const sale = engine().book(who, await approved(input, ctx), input);
      const replay = engine().replayOf(sale);
      if (replay) return { ...sale, print: await printedBefore(who, input.idempotencyKey, replay.print, TICKETS_PRINTED_BEFORE) };
      const openDrawer = input.payments.some((p) => p.method === 'cash');
      return { ...sale, print: await printOnce(who, input.idempotencyKey, () => printOrder(office, sale.order.id, { openDrawer })) };
    },
    printOrder: (input) => printOrder(office, input.orderId),
    refundTickets: async (input, ctx) => {
      const result = engine().refund(actorOf(ctx), await approved(input, ctx), input);
      return { order: result.order, refundedMinor: result.refundedMinor, unitIds: result.unitIds };
    },
    exchangeTickets: async (input, ctx) => {
      const r = engine().exchange(actorOf(ctx), await approved(input, ctx), input);
      return { oldOrder: r.oldOrder, newOrder: r.newOrder, tickets: r.tickets, differenceMinor: r.differenceMinor, changeMinor: r.changeMinor };
    },
    getOrder: (input) => engine().getOrder(input.orderId),
    blockSeats: async (input, ctx) => engine().createBlock(actorOf(ctx), await approved(input, ctx)),
    releaseBlock: async (input, ctx) => engine().releaseBlock(actorOf(ctx), await approved(input, ctx)),
    createDiscountCode: async (input, ctx) => engine().createDiscountCode(actorOf(ctx), await approved(input, ctx)),
  };
}

/**
 * What a replayed sale or reservation says about printing when the first try's outcome was never
 * noted (the host stopped between the commit and the printing): it was sent to print, check it.
 */
const TICKETS_PRINTED_BEFORE =
  'The tickets went to the printer when this sale first went through, so they are not printed again; if nothing came out, print them again from Orders.';
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
