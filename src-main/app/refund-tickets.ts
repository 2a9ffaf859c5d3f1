import type { SalesEngine } from '../sales/engine.ts';
import type { Actor } from '../staff/actor.ts';
import { cashChangesHands, requireShiftForRefund, type Counter } from './counter.ts';
import type { PrintOutcome } from './print-documents.ts';
import { printRefundSlip } from './refund-slip.ts';

type RefundArgs = Parameters<SalesEngine['refund']>[1];

/**
 * A refund at the counter, in one call: the engine cancels the tickets, returns the seats to sale
 * and records the money handed back (committed first: a print problem never undoes it), then the
 * refund slip prints on the receipt printer, with the drawer pulse ahead of it when cash goes
 * back. Through `counter.prints`, so a replayed request prints no second slip and opens no drawer.
 */
export async function refundTickets(counter: Counter, who: Actor, input: RefundArgs, asked: object) {
  requireShiftForRefund(counter, who, input);
  const result = counter.engine().refund(who, input, asked);
  const openDrawer = result.refundedMinor > 0 && cashChangesHands([input.method]);
  const print: PrintOutcome = await counter.prints.after(who, input.idempotencyKey, result, SLIP_PRINTED_BEFORE, () =>
    printRefundSlip(counter, 'order.refunded', result.order.id, { openDrawer }),
  );
  return { order: result.order, refundedMinor: result.refundedMinor, unitIds: result.unitIds, print };
}

const SLIP_PRINTED_BEFORE =
  'The refund slip went to the printer when this refund first went through, so it is not printed again (nor the drawer opened).';
