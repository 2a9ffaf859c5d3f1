import { asc, eq } from 'drizzle-orm';
import type { salesProcedures } from '../../../src-shared/contract/sales.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { Counter } from '../../app/counter.ts';
import { exchangeTickets } from '../../app/exchange-tickets.ts';
import { refundTickets } from '../../app/refund-tickets.ts';
import { reserveSeats } from '../../app/reserve-seats.ts';
import { printOrderAgain, sellSeats } from '../../app/sell-seats.ts';
import { performances, priceBands } from '../../db/records/schema.ts';
import type { Approval } from '../../staff/actor.ts';
import { verifyApproval } from '../../staff/auth.ts';
import type { SignInThrottle } from '../../staff/sign-in-throttle.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function salesHandlers(counter: Counter, throttle: SignInThrottle): Pick<Handlers, keyof typeof salesProcedures> {
  const { office, engine } = counter;
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
    reserveSeats: (input, ctx) => reserveSeats(counter, actorOf(ctx), input),
    cancelReservation: (input, ctx) => engine().cancelReservation(actorOf(ctx), input),
    findReservation: (input) => engine().findReservation(input),
    quoteSale: (input, ctx) => engine().quote(actorOf(ctx), input),
    // Each counter action is one use case in src-main/app/: the engine's change, then its printing and drawer.
    bookSeats: async (input, ctx) => sellSeats(counter, actorOf(ctx), await approved(input, ctx), input),
    printOrder: (input) => printOrderAgain(counter, input.orderId),
    refundTickets: async (input, ctx) => refundTickets(counter, actorOf(ctx), await approved(input, ctx), input),
    exchangeTickets: async (input, ctx) => exchangeTickets(counter, actorOf(ctx), await approved(input, ctx), input),
    getOrder: (input) => engine().getOrder(input.orderId),
    blockSeats: async (input, ctx) => engine().createBlock(actorOf(ctx), await approved(input, ctx)),
    releaseBlock: async (input, ctx) => engine().releaseBlock(actorOf(ctx), await approved(input, ctx)),
    createDiscountCode: async (input, ctx) => engine().createDiscountCode(actorOf(ctx), await approved(input, ctx)),
  };
}
