import { MarqueeError } from '../../src-shared/errors.ts';
import { tickets as ticketsTable, type TicketRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import type { SalesContext } from './context.ts';
import { fromDriver } from './rows.ts';
import { findPerformanceOrNull } from './gate.ts';
import { verifyTicketCode } from './ticket-code.ts';

const ticketRow = (raw: unknown) => fromDriver<TicketRow>(ticketsTable, raw as Record<string, unknown>);

export function requireTicket(ctx: SalesContext, ticketId: string): TicketRow {
  const raw = ctx.st.ticket.get(ticketId);
  if (!raw) throw new MarqueeError('NOT_FOUND', `There is no ticket with id ${ticketId}.`);
  return ticketRow(raw);
}

/** Every reprint is counted on the ticket and written to the ledger, so duplicates can be traced. */
export function reprintTicket(ctx: SalesContext, actor: Actor, input: { ticketId: string }): TicketRow {
  const now = ctx.clock.now();
  const ticket = requireTicket(ctx, input.ticketId);
  if (ticket.state !== 'valid') throw new MarqueeError('CONFLICT', `This ticket was ${ticket.state}; it cannot be reprinted.`);
  const updated = ticketRow(ctx.st.bumpPrintCount.get(now, ticket.id));
  ctx.ledger.append({
    kind: 'ticket.reprinted',
    at: now,
    actor,
    performanceId: ticket.performanceId,
    orderId: ticket.orderId,
    rows: { tickets: [updated] },
    extra: { printCount: updated.printCount },
  });
  return updated;
}

export type CheckInStatus = 'admitted' | 'unknown' | 'already_used' | 'wrong_performance' | 'refunded';

export interface CheckInAnswer {
  status: CheckInStatus;
  message: string;
  ticket: TicketRow | null;
}

/**
 * The door's answer to a scanned code. Every outcome is an answer, not an error: the steward needs
 * to know why someone may not enter (forged, used when and where, other show, refunded).
 */
export function checkIn(ctx: SalesContext, actor: Actor, input: { code: string; performanceId: string }): CheckInAnswer {
  const now = ctx.clock.now();
  const ticketId = verifyTicketCode(ctx.ticketSecret(), input.code);
  const raw = ticketId ? ctx.st.ticket.get(ticketId) : undefined;
  if (!raw) return { status: 'unknown', message: 'Unknown code: this is not a ticket sold here.', ticket: null };
  const ticket = ticketRow(raw);
  if (ticket.state !== 'valid') {
    return { status: 'refunded', message: `This ticket was ${ticket.state} and is no longer valid.`, ticket };
  }
  if (ticket.performanceId !== input.performanceId) {
    const perf = findPerformanceOrNull(ctx, ticket.performanceId);
    const when = perf ? new Date(perf.startsAt).toISOString().slice(0, 16).replace('T', ' ') : 'another date';
    return { status: 'wrong_performance', message: `This ticket is for another performance (${when}).`, ticket };
  }
  if (ticket.checkedInAt !== null) {
    return { status: 'already_used', message: alreadyUsed(ctx, ticket), ticket };
  }
  const updated = ctx.st.checkIn.get({ id: ticket.id, now, stationId: actor.stationId, staffId: actor.staffId });
  if (!updated) return { status: 'already_used', message: 'This ticket was used a moment ago.', ticket };
  const admitted = ticketRow(updated);
  ctx.ledger.append({ kind: 'ticket.checked-in', at: now, actor, performanceId: ticket.performanceId, orderId: ticket.orderId, rows: { tickets: [admitted] } });
  return { status: 'admitted', message: `Admit one: ${ticket.bandName}.`, ticket: admitted };
}

function alreadyUsed(ctx: SalesContext, ticket: TicketRow): string {
  const station = ctx.sqlite.prepare('SELECT name FROM stations WHERE id = ?').pluck().get(ticket.checkedInStationId) as string | undefined;
  const at = new Date(ticket.checkedInAt!).toISOString().slice(11, 16);
  return `Already used at ${at} UTC at ${station ?? 'another station'}.`;
}

export function undoCheckIn(ctx: SalesContext, actor: Actor, input: { ticketId: string }): TicketRow {
  const now = ctx.clock.now();
  const ticket = requireTicket(ctx, input.ticketId);
  const raw = ctx.st.undoCheckIn.get(now, ticket.id);
  if (!raw) throw new MarqueeError('CONFLICT', 'This ticket has not been checked in.');
  const updated = ticketRow(raw);
  ctx.ledger.append({ kind: 'ticket.check-in-undone', at: now, actor, performanceId: ticket.performanceId, orderId: ticket.orderId, rows: { tickets: [updated] } });
  return updated;
}
