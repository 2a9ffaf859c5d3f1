import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema } from './common.ts';
import { TicketSchema } from './sales.ts';

export const CheckInStatusSchema = z.enum(['admitted', 'unknown', 'already_used', 'wrong_performance', 'refunded']);

export const checkinProcedures = {
  checkInTicket: defineProcedure({
    channel: 'bo:checkin:scan',
    access: 'cashier',
    summary: 'Check a scanned ticket code in at the door: admitted, or why not (unknown, used when and where, other show, refunded).',
    input: z.object({ code: z.string().trim().min(1).max(200), performanceId: IdSchema }).strict(),
    output: z.object({ status: CheckInStatusSchema, message: z.string(), ticket: TicketSchema.nullable() }),
  }),
  undoCheckIn: defineProcedure({
    channel: 'bo:checkin:undo',
    access: 'cashier',
    summary: 'Undo a check-in made by mistake.',
    input: z.object({ ticketId: IdSchema }).strict(),
    output: TicketSchema,
  }),
};
