import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema, InstantSchema } from './common.ts';
import { TicketSchema } from './sales.ts';

export const CheckInStatusSchema = z.enum(['admitted', 'unknown', 'already_used', 'wrong_performance', 'refunded']);

/** Admitted against sold (valid tickets) for the performance the door is admitting. */
export const DoorCountSchema = z.object({ admitted: z.number().int(), sold: z.number().int() });

export const checkinProcedures = {
  checkInTicket: defineProcedure({
    channel: 'bo:checkin:scan',
    access: 'cashier',
    summary: 'Check a scanned ticket code in at the door: admitted, or why not (unknown, used when and where, other show, refunded).',
    input: z.object({ code: z.string().trim().min(1).max(200), performanceId: IdSchema }).strict(),
    output: z.object({
      status: CheckInStatusSchema,
      message: z.string(),
      ticket: TicketSchema.nullable(),
      /** The ticket's seat in words ("Stalls, row C, seat 12"), for the admit screen. */
      seat: z.string().nullable(),
      /** The window that checked it in, when it was already used. */
      checkedInStation: z.string().nullable(),
      /** When the ticket's own performance starts, when it is for another one; the screen shows it in the venue's zone. */
      ticketStartsAt: InstantSchema.nullable(),
      count: DoorCountSchema,
    }),
  }),
  doorCount: defineProcedure({
    channel: 'bo:checkin:count',
    access: 'cashier',
    summary: 'How many have been admitted, against tickets sold, for a performance.',
    input: z.object({ performanceId: IdSchema }).strict(),
    output: DoorCountSchema,
  }),
  undoCheckIn: defineProcedure({
    channel: 'bo:checkin:undo',
    access: 'cashier',
    summary: 'Undo a check-in made by mistake.',
    input: z.object({ ticketId: IdSchema }).strict(),
    output: TicketSchema,
  }),
};
