import type { orderProcedures } from '../../../src-shared/contract/orders.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { findOrders, findReservations } from '../../orders/find-orders.ts';
import { orderHistory } from '../../orders/order-history.ts';
import { reprintTickets } from '../../orders/reprint-tickets.ts';
import { requireActor } from '../../staff/auth.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

/** Customers' names and phones are personal data: only a signed-in member of staff may search them. */
export function orderHandlers(office: BoxOffice): Pick<Handlers, keyof typeof orderProcedures> {
  const signedIn = (ctx: CallContext) => requireActor(office.records, stationOf(office, ctx));
  return {
    findOrders: (input, ctx) => {
      signedIn(ctx);
      return findOrders(office.records, input.query);
    },
    findReservations: (input, ctx) => {
      signedIn(ctx);
      return findReservations(office.records, input.query, input.includeEnded);
    },
    reprintTickets: (input, ctx) => reprintTickets(office, signedIn(ctx), input.orderId, input.ticketIds),
    getOrderHistory: (input, ctx) => {
      signedIn(ctx);
      return orderHistory(office.records, input.orderId);
    },
  };
}
