import type { SalesEngine } from '../sales/engine.ts';
import type { Actor } from '../staff/actor.ts';
import { cashChangesHands, requireShiftForExchange, type Counter } from './counter.ts';
import { printOrderDocuments, type PrintOutcome } from './print-documents.ts';
import { printRefundSlip } from './refund-slip.ts';

type ExchangeArgs = Parameters<SalesEngine['exchange']>[1];

/**
 * An exchange at the counter: the engine cancels the old tickets and issues new ones on a new
 * order, settling the difference; the new tickets and the new order's receipt print like a sale,
 * in the same call (the screen makes one request). The drawer opens when cash changes hands:
 * with the new tickets when cash is taken for a dearer seat; with the refund slip when money goes
 * back for a cheaper one (the slip says what was handed back, how, and who approved it). A replay
 * prints nothing and opens no drawer.
 */
export async function exchangeTickets(counter: Counter, who: Actor, input: ExchangeArgs, asked: object) {
  requireShiftForExchange(counter, who, input);
  const r = counter.engine().exchange(who, input, asked);
  const moneyBack = r.differenceMinor < 0;
  // The engine hands a difference back in cash unless told otherwise.
  const cashTaken = r.differenceMinor > 0 && cashChangesHands(input.payments?.map((p) => p.method) ?? []);
  const cashBack = moneyBack && cashChangesHands([input.refundMethod ?? 'cash']);
  const print: PrintOutcome = await counter.prints.after(who, input.idempotencyKey, r, NEW_TICKETS_PRINTED_BEFORE, async () => {
    const tickets = await printOrderDocuments(counter, r.newOrder.id, { openDrawer: cashTaken });
    if (!moneyBack) return tickets;
    const slip = await printRefundSlip(counter, 'order.exchanged', r.newOrder.id, { openDrawer: cashBack });
    // One outcome for the screen: the tickets', unless they went fine and the slip did not.
    return tickets.problem === null && slip.problem !== null ? slip : tickets;
  });
  return { oldOrder: r.oldOrder, newOrder: r.newOrder, tickets: r.tickets, differenceMinor: r.differenceMinor, changeMinor: r.changeMinor, print };
}

const NEW_TICKETS_PRINTED_BEFORE =
  'The new tickets went to the printer when this exchange first went through, so they are not printed again; if nothing came out, print them again from Orders.';
