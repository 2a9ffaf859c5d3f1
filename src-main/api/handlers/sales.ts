import { asc, eq } from 'drizzle-orm';
import type { salesProcedures } from '../../../src-shared/contract/sales.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { readBoxOfficeSettings } from '../../admin/settings.ts';
import { performances, priceBands, units } from '../../db/records/schema.ts';
import { printOrder, printReservationSlip } from '../../print/print-sale.ts';
import { salesFor } from '../../sales/engine.ts';
import { requireActor } from '../../staff/auth.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

export function salesHandlers(office: BoxOffice): Pick<Handlers, keyof typeof salesProcedures> {
  const engine = () => salesFor(office);
  const actor = (ctx: CallContext) => requireActor(office.records, stationOf(office, ctx));
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
    holdSeats: (input, ctx) => engine().holdSeats(actor(ctx), input),
    holdBestAvailable: (input, ctx) => engine().holdBestAvailable(actor(ctx), input),
    suggestBestAvailable: (input, ctx) => {
      actor(ctx);
      return engine().suggestBestAvailable(input);
    },
    releaseHold: (input, ctx) => engine().releaseHold(actor(ctx), input),
    extendHold: (input, ctx) => engine().extendHold(actor(ctx), input),
    reserveSeats: async (input, ctx) => {
      const who = actor(ctx);
      const deadlineAt = input.deadlineAt ?? defaultReservationDeadline(office, input.holdId);
      const reservation = engine().reserveSeats(who, deadlineAt === undefined ? input : { ...input, deadlineAt });
      return { ...reservation, print: await printReservationSlip(office, reservation.id) };
    },
    cancelReservation: (input, ctx) => engine().cancelReservation(actor(ctx), input),
    findReservation: (input, ctx) => {
      actor(ctx);
      return engine().findReservation(input);
    },
    quoteSale: (input, ctx) => engine().quote(actor(ctx), input),
    // The sale is committed before anything prints: a print problem is reported, never undoes it.
    bookSeats: async (input, ctx) => {
      const sale = engine().book(actor(ctx), input);
      const openDrawer = input.payments.some((p) => p.method === 'cash');
      return { ...sale, print: await printOrder(office, sale.order.id, { openDrawer }) };
    },
    printOrder: (input, ctx) => {
      actor(ctx);
      return printOrder(office, input.orderId);
    },
    refundTickets: (input, ctx) => {
      const result = engine().refund(actor(ctx), input);
      return { order: result.order, refundedMinor: result.refundedMinor, unitIds: result.unitIds };
    },
    exchangeTickets: (input, ctx) => {
      const r = engine().exchange(actor(ctx), input);
      return { oldOrder: r.oldOrder, newOrder: r.newOrder, tickets: r.tickets, differenceMinor: r.differenceMinor, changeMinor: r.changeMinor };
    },
    reprintTicket: (input, ctx) => engine().reprint(actor(ctx), input),
    getOrder: (input, ctx) => {
      actor(ctx);
      return engine().getOrder(input.orderId);
    },
    blockSeats: (input, ctx) => engine().createBlock(actor(ctx), input),
    releaseBlock: (input, ctx) => engine().releaseBlock(actor(ctx), input),
    createDiscountCode: (input, ctx) => engine().createDiscountCode(actor(ctx), input),
  };
}

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
  const hours = readBoxOfficeSettings(office.records).reservationDeadlineHours;
  const deadlineAt = show.startsAt - hours * 3_600_000;
  return deadlineAt > office.clock.now() ? deadlineAt : undefined;
}
