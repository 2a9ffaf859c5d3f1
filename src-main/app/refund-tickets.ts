import type { SalesEngine } from '../sales/engine.ts';
import type { Actor } from '../staff/actor.ts';
import type { Counter } from './counter.ts';

type RefundArgs = Parameters<SalesEngine['refund']>[1];

/**
 * A refund at the counter: the engine cancels the tickets, returns the seats to sale and records
 * the money handed back. Nothing prints yet.
 *
 * Still to come here, in this one function (not in the handler or the screen):
 * - the refund slip (its own issue): build it with printOrderDocuments' document set and submit
 *   it through `counter.prints.after`, so a replay prints no second slip;
 * - the drawer for a cash refund: the print queue pulses the drawer only ahead of a job set with
 *   paper in it, so the pulse goes out with the refund slip (`openDrawer: input.method === 'cash'`).
 */
export function refundTickets(counter: Counter, who: Actor, input: RefundArgs, asked: object) {
  const result = counter.engine().refund(who, input, asked);
  return { order: result.order, refundedMinor: result.refundedMinor, unitIds: result.unitIds };
}
