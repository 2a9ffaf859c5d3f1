import { orderReference } from '../../src-shared/contract/orders.ts';
import type { OrderColumn } from '../../src-shared/contract/exports.ts';
import { CsvTable, pickColumns, type CsvColumn } from './csv-table.ts';
import { eachRow, localTime, major, splitName, type ExportContext, type Span } from './export-context.ts';
import type { OrderRow } from './export-rows.ts';
import { writeTextFile } from './text-sink.ts';

const STATUS: Record<string, string> = { paid: 'paid', part_refunded: 'partly refunded', refunded: 'refunded' };

/** The seed's columns first (order number … e-mail), then where and by whom it was sold. */
export function orderColumns(timeZone: string): CsvColumn<OrderRow>[] {
  const columns: Record<OrderColumn, Omit<CsvColumn<OrderRow>, 'key'>> = {
    orderNumber: { heading: 'Order number', value: (o) => orderReference(o.id) },
    orderDate: { heading: 'Order date', value: (o) => localTime(o.createdAt, timeZone) },
    status: { heading: 'Status', value: (o) => STATUS[o.state] ?? o.state },
    paymentType: { heading: 'Payment type', value: (o) => o.paymentType },
    total: { heading: 'Total', value: (o) => major(o.totalMinor), money: true },
    quantity: { heading: 'Quantity', value: (o) => o.quantity },
    discountCode: { heading: 'Discount code', value: (o) => o.discountCode },
    firstName: { heading: 'First name', value: (o) => splitName(o.customerName).first },
    lastName: { heading: 'Last name', value: (o) => splitName(o.customerName).last },
    email: { heading: 'E-mail', value: (o) => o.customerEmail },
    performance: { heading: 'Performance', value: (o) => `${o.eventTitle} ${localTime(o.startsAt, timeZone) ?? ''}` },
    window: { heading: 'Window', value: (o) => o.windowName },
    cashier: { heading: 'Cashier', value: (o) => o.cashier },
  };
  return Object.entries(columns).map(([key, c]) => ({ key, ...c }));
}

/** One row per order in the range. */
export async function writeOrdersCsv(ctx: ExportContext): Promise<number> {
  return writeTextFile(ctx.file, async (sink) => {
    const table = new CsvTable(sink, pickColumns(orderColumns(ctx.timeZone), ctx.request.columns));
    await table.start();
    const n = await eachRow(ctx.st.orders.iterate(ctx.range) as IterableIterator<OrderRow>, ctx.st.span.orders.get() as Span, ctx, (row) => table.add(row));
    await table.flush();
    return n;
  });
}
