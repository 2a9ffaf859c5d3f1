import type { SalesEngine } from '../sales/engine.ts';
import type { Actor } from '../staff/actor.ts';
import { requireShiftForSale } from '../shifts/sell-rule.ts';
import { cashChangesHands, type Counter } from './counter.ts';
import { printOrderDocuments, type PrintOutcome } from './print-documents.ts';

type BookArgs = Parameters<SalesEngine['book']>[1];

/**
 * A sale at the counter (also collecting a reservation: the same booking, naming the reservation
 * instead of a hold): the engine books the seats and takes the payment (committed first: a
 * print problem is reported, never undoes it), then the tickets and the receipt print as one job
 * set, and a cash payment opens the drawer before the first ticket. A retry of a sale that already
 * went through prints nothing and opens no drawer: it answers the first sale, with what printing did then.
 */
export async function sellSeats(counter: Counter, who: Actor, input: BookArgs, asked: object): Promise<ReturnType<SalesEngine['book']> & { print: PrintOutcome }> {
  // No cash without an open shift of the seller's at this window (src-main/shifts/sell-rule.ts).
  requireShiftForSale(counter.office.records, who, input.payments.map((p) => p.method));
  const sale = counter.engine().book(who, input, asked);
  const openDrawer = cashChangesHands(input.payments.map((p) => p.method));
  const print = await counter.prints.after(who, input.idempotencyKey, sale, TICKETS_PRINTED_BEFORE, () =>
    printOrderDocuments(counter, sale.order.id, { openDrawer }),
  );
  return { ...sale, print };
}

/** The order's tickets and receipt again, after a print problem: no drawer, nothing booked. */
export function printOrderAgain(counter: Counter, orderId: string): Promise<PrintOutcome> {
  return printOrderDocuments(counter, orderId);
}

/**
 * What a replayed sale says about printing when the first try's outcome was never noted (the
 * host stopped between the commit and the printing): it was sent to print, check it.
 */
const TICKETS_PRINTED_BEFORE =
  'The tickets went to the printer when this sale first went through, so they are not printed again; if nothing came out, print them again from Orders.';
