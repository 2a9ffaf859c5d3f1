import type { orderProcedures } from '../../../src-shared/contract/orders.ts';
import type { Counter } from '../../app/counter.ts';
import { findOrders, findReservations } from '../../orders/find-orders.ts';
import { orderHistory } from '../../orders/order-history.ts';
import { waitingReservations } from '../../orders/waiting-reservations.ts';
import { reprintTickets } from '../../app/reprint-tickets.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

/** Customers' names and phones are personal data: only a signed-in member of staff may search them. */
export function orderHandlers(counter: Counter): Pick<Handlers, keyof typeof orderProcedures> {
  const { office } = counter;
  return {
    findOrders: (input) => {
      return findOrders(office.records, input.query);
    },
    findReservations: (input) => {
      return findReservations(office.records, input.query, input.includeEnded);
    },
    waitingReservations: () => waitingReservations(office.records, office.clock.now()),
    reprintTickets: (input, ctx) => reprintTickets(counter, actorOf(ctx), input.orderId, input.ticketIds),
    getOrderHistory: (input) => {
      return orderHistory(office.records, input.orderId);
    },
  };
}
