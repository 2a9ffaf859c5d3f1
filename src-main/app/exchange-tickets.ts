import type { SalesEngine } from '../sales/engine.ts';
import type { Actor } from '../staff/actor.ts';
import { cashChangesHands, type Counter } from './counter.ts';
import { printOrderDocuments, type PrintOutcome } from './print-documents.ts';

type ExchangeArgs = Parameters<SalesEngine['exchange']>[1];

/**
 * An exchange at the counter: the engine cancels the old tickets and issues new ones on a new
 * order, settling the difference; the new tickets and the new order's receipt print like a sale,
 * in the same call (the screen makes one request). The drawer opens when cash changes hands:
 * cash taken for a dearer seat, or cash given back for a cheaper one. A replay prints nothing.
 */
export async function exchangeTickets(counter: Counter, who: Actor, input: ExchangeArgs, asked: object) {
  const r = counter.engine().exchange(who, input, asked);
  const method = r.differenceMinor > 0 ? input.payments?.map((p) => p.method) : r.differenceMinor < 0 ? [input.refundMethod] : [];
  const openDrawer = cashChangesHands(method ?? []);
  const print: PrintOutcome = await counter.prints.after(who, input.idempotencyKey, r, NEW_TICKETS_PRINTED_BEFORE, () =>
    printOrderDocuments(counter.office, r.newOrder.id, { openDrawer }),
  );
  return { oldOrder: r.oldOrder, newOrder: r.newOrder, tickets: r.tickets, differenceMinor: r.differenceMinor, changeMinor: r.changeMinor, print };
}

const NEW_TICKETS_PRINTED_BEFORE =
  'The new tickets went to the printer when this exchange first went through, so they are not printed again; if nothing came out, print them again from Orders.';
