import ExcelJS from 'exceljs';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { unitLabel } from '../../src-shared/seat-label.ts';
import { ticketType } from './attendees-csv.ts';
import { eachRow, localTime, major, type ExportContext, type Span } from './export-context.ts';
import type { OrderRow, PaymentRow, TicketRow } from './export-rows.ts';
import { safeCell, type CellValue } from './safe-cell.ts';

type Sheet = ExcelJS.Worksheet;

interface SheetColumn<R> {
  header: string;
  width: number;
  value(row: R): CellValue;
  money?: boolean;
}

/**
 * The accountant's workbook: orders, tickets and payments on three sheets, written with exceljs's
 * streaming WorkbookWriter, which writes each committed row into the zip as it goes instead of
 * keeping the workbook in memory (docs/reports.md "Exports"). Money cells are numbers with two
 * decimals, so the sheets sum; text cells go through the same formula neutraliser as the CSVs.
 */
export async function writeWorkbook(ctx: ExportContext): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ctx.file, useStyles: true, useSharedStrings: false });
  const tz = ctx.timeZone;
  const spans = {
    orders: ctx.st.span.orders.get() as Span,
    tickets: ctx.st.span.tickets.get() as Span,
    payments: ctx.st.span.payments.get() as Span,
  };
  // Progress runs across the three sheets as one: orders the first fifth, tickets three fifths, payments the last.
  const part = (from: number, share: number): ExportContext => ({ ...ctx, checkpoint: (f) => ctx.checkpoint(Math.min(from + f * share, 0.99)) });

  const orders = await addSheet<OrderRow>(book.addWorksheet('Orders'), [
    { header: 'Order number', width: 14, value: (o) => orderReference(o.id) },
    { header: 'Order date', width: 18, value: (o) => localTime(o.createdAt, tz) },
    { header: 'Status', width: 14, value: (o) => o.state },
    { header: 'Performance', width: 30, value: (o) => o.eventTitle },
    { header: 'Starts', width: 18, value: (o) => localTime(o.startsAt, tz) },
    { header: 'Customer', width: 24, value: (o) => o.customerName },
    { header: 'E-mail', width: 24, value: (o) => o.customerEmail },
    { header: 'Payment type', width: 14, value: (o) => o.paymentType },
    { header: 'Quantity', width: 10, value: (o) => o.quantity },
    { header: 'Discount code', width: 14, value: (o) => o.discountCode },
    { header: 'Discount', width: 10, value: (o) => major(o.discountMinor), money: true },
    { header: 'Tax', width: 10, value: (o) => major(o.taxMinor), money: true },
    { header: 'Total', width: 10, value: (o) => major(o.totalMinor), money: true },
    { header: 'Refunded', width: 10, value: (o) => major(o.refundedMinor), money: true },
    { header: 'Window', width: 16, value: (o) => o.windowName },
    { header: 'Cashier', width: 16, value: (o) => o.cashier },
  ], ctx.st.orders.iterate(ctx.range) as IterableIterator<OrderRow>, spans.orders, part(0, 0.2));

  const tickets = await addSheet<TicketRow>(book.addWorksheet('Tickets'), [
    { header: 'Order number', width: 14, value: (t) => orderReference(t.orderId) },
    { header: 'Performance', width: 30, value: (t) => t.eventTitle },
    { header: 'Starts', width: 18, value: (t) => localTime(t.startsAt, tz) },
    { header: 'Status', width: 12, value: (t) => t.state },
    { header: 'Customer', width: 24, value: (t) => t.customerName },
    { header: 'Ticket', width: 16, value: (t) => t.bandName },
    { header: 'Type', width: 10, value: ticketType },
    { header: 'Seat', width: 26, value: (t) => unitLabel(t) },
    { header: 'List price', width: 10, value: (t) => major(t.listPriceMinor), money: true },
    { header: 'Discount', width: 10, value: (t) => major(t.discountMinor), money: true },
    { header: 'Price', width: 10, value: (t) => major(t.totalMinor), money: true },
    { header: 'Checked in at', width: 18, value: (t) => localTime(t.checkedInAt, tz) },
  ], ctx.st.tickets.iterate(ctx.range) as IterableIterator<TicketRow>, spans.tickets, part(0.2, 0.6));

  const payments = await addSheet<PaymentRow>(book.addWorksheet('Payments'), [
    { header: 'Order number', width: 14, value: (p) => orderReference(p.orderId) },
    { header: 'Paid at', width: 18, value: (p) => localTime(p.at, tz) },
    { header: 'Method', width: 14, value: (p) => p.method },
    { header: 'Amount', width: 10, value: (p) => major(p.amountMinor), money: true },
    { header: 'Reference', width: 16, value: (p) => p.reference },
    { header: 'Performance', width: 30, value: (p) => p.eventTitle },
    { header: 'Starts', width: 18, value: (p) => localTime(p.startsAt, tz) },
    { header: 'Window', width: 16, value: (p) => p.windowName },
    { header: 'Cashier', width: 16, value: (p) => p.cashier },
  ], ctx.st.payments.iterate(ctx.range) as IterableIterator<PaymentRow>, spans.payments, part(0.8, 0.2));

  await book.commit();
  return orders + tickets + payments;
}

async function addSheet<R extends { seq: number }>(sheet: Sheet, columns: SheetColumn<R>[], rows: Iterable<R>, span: Span, ctx: ExportContext): Promise<number> {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.money ? { style: { numFmt: '0.00' } } : {}) }));
  const n = await eachRow(rows, span, ctx, (row) => {
    sheet.addRow(columns.map((c) => safeCell(c.value(row)))).commit();
  });
  sheet.commit();
  return n;
}
