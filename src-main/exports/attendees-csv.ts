import { orderReference } from '../../src-shared/contract/orders.ts';
import type { AttendeeColumn } from '../../src-shared/contract/exports.ts';
import { unitLabel } from '../../src-shared/seat-label.ts';
import { CsvTable, pickColumns, type CsvColumn } from './csv-table.ts';
import { eachRow, localTime, major, splitName, type ExportContext, type Span } from './export-context.ts';
import type { TicketRow } from './export-rows.ts';
import { writeTextFile } from './text-sink.ts';

const STATUS: Record<string, string> = { valid: 'valid', refunded: 'refunded', exchanged: 'exchanged' };

/** A seat or a standing place: what "type" tells the door staff. */
export function ticketType(t: Pick<TicketRow, 'zone' | 'number'>): string {
  return t.zone !== null && t.number !== null ? 'seat' : 'standing';
}

export function attendeeColumns(timeZone: string): CsvColumn<TicketRow>[] {
  const columns: Record<AttendeeColumn, Omit<CsvColumn<TicketRow>, 'key'>> = {
    orderNumber: { heading: 'Order number', value: (t) => orderReference(t.orderId) },
    orderDate: { heading: 'Order date', value: (t) => localTime(t.orderAt, timeZone) },
    status: { heading: 'Status', value: (t) => STATUS[t.state] ?? t.state },
    firstName: { heading: 'First name', value: (t) => splitName(t.customerName).first },
    lastName: { heading: 'Last name', value: (t) => splitName(t.customerName).last },
    email: { heading: 'E-mail', value: (t) => t.customerEmail },
    paymentType: { heading: 'Payment type', value: (t) => t.paymentType },
    ticket: { heading: 'Ticket', value: (t) => t.bandName },
    price: { heading: 'Price', value: (t) => major(t.totalMinor), money: true },
    type: { heading: 'Type', value: ticketType },
    seat: { heading: 'Seat', value: (t) => unitLabel(t) },
    checkedIn: { heading: 'Checked in', value: (t) => (t.checkedInAt === null ? 'no' : 'yes') },
    checkedInAt: { heading: 'Checked in at', value: (t) => localTime(t.checkedInAt, timeZone) },
  };
  return Object.entries(columns).map(([key, c]) => ({ key, ...c }));
}

/** One row per ticket in the range. */
export async function writeAttendeesCsv(ctx: ExportContext): Promise<number> {
  return writeTextFile(ctx.file, async (sink) => {
    const table = new CsvTable(sink, pickColumns(attendeeColumns(ctx.timeZone), ctx.request.columns));
    await table.start();
    const n = await eachRow(ctx.st.tickets.iterate(ctx.range) as IterableIterator<TicketRow>, ctx.st.span.tickets.get() as Span, ctx, (row) => table.add(row));
    await table.flush();
    return n;
  });
}
