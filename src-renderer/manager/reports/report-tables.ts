import type { Report } from '../../../src-shared/contract/reports.ts';
import type { VenueFormat } from '../../format.ts';

/*
 * The report's figures as the tables the screen shows, in the venue's notation. One definition
 * serves the screen, the print and "Download CSV", so the file holds exactly what the manager saw.
 * Every figure comes from the core (getReport); this only writes it down.
 */

export interface ReportColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface ReportTable {
  id: TableId;
  title: string;
  columns: ReportColumn[];
  rows: string[][];
  /** A totals row under the table, when the figures add up to one. */
  totals?: string[];
  /** What the table says when it has no rows. */
  empty: string;
}

export type TableId = 'sales' | 'performances' | 'events' | 'bands' | 'methods' | 'cashiers' | 'windows' | 'discounts' | 'refunds';

const text = (label: string): ReportColumn => ({ label });
const num = (label: string): ReportColumn => ({ label, numeric: true });

const METHOD_WORDS: Record<string, string> = { cash: 'Cash', card: 'Card', voucher: 'Voucher', complimentary: 'Complimentary' };

/** A payment method as a manager says it ("card" → "Card"); one the screen does not know stays as the core names it. */
export function methodWords(method: string): string {
  return METHOD_WORDS[method] ?? method;
}

/** A period of the sales table: the day, or the Monday a week starts on. */
export function periodLabel(report: Pick<Report, 'granularity'>, period: string, f: VenueFormat): string {
  return report.granularity === 'week' ? `Week of ${f.dateText(period)}` : f.dateText(period);
}

/** "62.5 %" in the venue's locale. */
export function percent(value: number, f: VenueFormat): string {
  return `${f.number(value)} %`;
}

/** A performance as its row names it: the event and when it starts. */
export function performanceLabel(p: Report['performances'][number], f: VenueFormat): string {
  return `${p.eventName}, ${f.dateTime(p.startsAt)}`;
}

export function reportTables(report: Report, f: VenueFormat): ReportTable[] {
  const money = (minor: number) => f.money(minor, report.currency);
  const count = (n: number) => f.number(n);
  const ticketsAndGross = (name: string, rows: { name: string; tickets: number; gross: number }[]) => ({
    columns: [text(name), num('Tickets'), num('Gross')],
    rows: rows.map((r) => [r.name, count(r.tickets), money(r.gross)]),
  });
  return [
    {
      id: 'sales',
      title: 'Sales over time',
      columns: [text(report.granularity === 'week' ? 'Week' : 'Day'), num('Tickets'), num('Gross'), num('Net'), num('Tax')],
      rows: report.salesOverTime.map((p) => [periodLabel(report, p.period, f), count(p.tickets), money(p.gross), money(p.net), money(p.tax)]),
      totals: ['Total', count(report.totals.tickets), money(report.totals.gross), money(report.totals.net), money(report.totals.tax)],
      empty: 'No days in this range.',
    },
    {
      id: 'performances',
      title: 'Per performance',
      columns: [text('Performance'), text('Venue'), num('Capacity'), num('Sold'), num('Held'), num('Reserved'), num('Blocked'), num('Checked in'), num('Occupancy'), num('Revenue')],
      rows: report.performances.map((p) => [
        performanceLabel(p, f),
        p.venueName,
        count(p.capacity),
        count(p.sold),
        count(p.held),
        count(p.reserved),
        count(p.blocked),
        count(p.checkedIn),
        percent(p.occupancyPct, f),
        money(p.revenue),
      ]),
      empty: 'No performances in this range.',
    },
    { id: 'events', title: 'Per event', ...ticketsAndGross('Event', report.events), empty: 'No event sold in this range.' },
    { id: 'bands', title: 'Per price band', ...ticketsAndGross('Price band', report.priceBands.map((b) => ({ ...b, name: b.band }))), empty: 'No tickets in this range.' },
    {
      id: 'methods',
      title: 'Per payment method',
      columns: [text('Method'), num('Payments'), num('Amount')],
      rows: report.paymentMethods.map((m) => [methodWords(m.method), count(m.payments), money(m.amount)]),
      empty: 'No payments in this range.',
    },
    { id: 'cashiers', title: 'Per cashier', ...ticketsAndGross('Cashier', report.cashiers), empty: 'Nobody sold in this range.' },
    { id: 'windows', title: 'Per window', ...ticketsAndGross('Window', report.windows), empty: 'No window sold in this range.' },
    {
      id: 'discounts',
      title: 'Discount codes',
      columns: [text('Code'), num('Uses'), num('Discount given')],
      rows: report.discountCodes.map((d) => [d.code, count(d.uses), money(d.discount)]),
      empty: 'No discount code was used in this range.',
    },
    {
      id: 'refunds',
      title: 'Refunds and exchanges',
      columns: [text('Kind'), num('Count'), num('Amount')],
      rows: report.refundsExchanges.map((r) => [r.kind === 'refund' ? 'Refunds (paid back)' : 'Exchanges (difference taken)', count(r.count), money(r.amount)]),
      empty: 'No refunds or exchanges in this range.',
    },
  ];
}
