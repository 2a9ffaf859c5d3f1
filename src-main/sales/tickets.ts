import { timingSafeEqual } from 'node:crypto';
import { MarqueeError } from '../../src-shared/errors.ts';
import { tickets as ticketsTable, type TicketRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import type { SalesContext } from './context.ts';
import { fromDriver } from './rows.ts';
import { isIssuedCode, ticketCode, ticketIdOfCode } from './ticket-code.ts';

const ticketRow = (raw: unknown) => fromDriver<TicketRow>(ticketsTable, raw as Record<string, unknown>);

export function requireTicket(ctx: SalesContext, ticketId: string): TicketRow {
  const raw = ctx.st.ticket.get(ticketId);
  if (!raw) throw new MarqueeError('NOT_FOUND', `There is no ticket with id ${ticketId}.`);
  return ticketRow(raw);
}

/**
 * Every reprint is counted on the ticket and written to the ledger, so duplicates can be traced.
 * When the venue has reprints issue a new code (Settings), the ticket gets the next issue's code in
 * the same change, and check-in refuses every earlier copy.
 */
export function reprintTicket(ctx: SalesContext, actor: Actor, input: { ticketId: string }): TicketRow {
  const now = ctx.clock.now();
  const ticket = requireTicket(ctx, input.ticketId);
  if (ticket.state !== 'valid') throw new MarqueeError('CONFLICT', `This ticket was ${ticket.state}; it cannot be reprinted.`);
  let updated = ticketRow(ctx.st.bumpPrintCount.get(now, ticket.id));
  if (ctx.setting('tickets.reprintCode') === 'replace') {
    // Copy n carries issue n − 1: the sale's copy is issue 0.
    const code = ticketCode(ctx.ticketSecret(), ticket.id, updated.printCount - 1);
    updated = ticketRow(ctx.sqlite.prepare('UPDATE tickets SET code = ? WHERE id = ? RETURNING *').get(code, ticket.id));
  }
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
  const ticketId = ticketIdOfCode(input.code);
  const raw = ticketId ? ctx.st.ticket.get(ticketId) : undefined;
  const ticket = raw ? ticketRow(raw) : null;
  // Only the code the ticket holds now admits (it is genuine: the box office made it). An earlier
  // genuine issue was voided by a reprint that issued a new code; anything else is not ours.
  if (!ticket || !sameCode(input.code, ticket.code)) {
    const replaced = ticket !== null && isIssuedCode(ctx.ticketSecret(), input.code, ticket.id, ticket.printCount);
    return replaced
      ? { status: 'unknown', message: 'This copy was replaced by a reprint with a new code; only the newest copy admits.', ticket: null }
      : { status: 'unknown', message: 'Unknown code: this is not a ticket sold here.', ticket: null };
  }
  if (ticket.state !== 'valid') {
    return { status: 'refunded', message: `This ticket was ${ticket.state} and is no longer valid.`, ticket };
  }
  if (ticket.performanceId !== input.performanceId) {
    // No time in the sentence: the door screen shows the other performance's start in the venue's zone.
    return { status: 'wrong_performance', message: 'This ticket is for another performance.', ticket };
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

function sameCode(scanned: string, stored: string): boolean {
  const a = Buffer.from(scanned.trim().toUpperCase());
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Where, not when: the door screen shows `checkedInAt` in the venue's zone beside it. */
function alreadyUsed(ctx: SalesContext, ticket: TicketRow): string {
  const station = ctx.sqlite.prepare('SELECT name FROM stations WHERE id = ?').pluck().get(ticket.checkedInStationId) as string | undefined;
  return `Already checked in at ${station ?? 'another window'}.`;
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
