import { MarqueeError } from '../../src-shared/errors.ts';
import type { TicketRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import type { Counter } from './counter.ts';
import { printOrderDocuments, type PrintOutcome } from './print-documents.ts';

/**
 * Reprints tickets of one order at the counter: every copy is counted and written to the ledger by
 * the booking engine first, then the one print path prints just those tickets (no receipt, no drawer). The tickets are all
 * checked before the first reprint is logged, so a bad pick logs nothing.
 */
export async function reprintTickets(counter: Counter, actor: Actor, orderId: string, ticketIds: string[]): Promise<{ tickets: TicketRow[]; print: PrintOutcome }> {
  const engine = counter.engine();
  const { tickets } = engine.getOrder(orderId);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const wanted = [...new Set(ticketIds)];
  for (const id of wanted) {
    const ticket = byId.get(id);
    if (!ticket) throw new MarqueeError('NOT_FOUND', `Ticket ${id} is not part of this order.`);
    if (ticket.state !== 'valid') throw new MarqueeError('CONFLICT', `The ticket for ${ticket.label} was ${ticket.state}; it cannot be reprinted.`);
  }
  const reprinted = wanted.map((ticketId) => engine.reprint(actor, { ticketId }));
  return { tickets: reprinted, print: await printOrderDocuments(counter, orderId, { reprintTicketIds: wanted }) };
}
