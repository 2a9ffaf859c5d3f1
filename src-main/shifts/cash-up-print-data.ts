import type { CashUpFigures, ZReport } from '../../src-shared/contract/shifts.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { readSetting } from '../core/settings.ts';
import { commonData } from '../print/order-print-data.ts';
import type { CashUpPrintData } from '../print/render/index.ts';

const METHOD_WORDS: Record<string, string> = { cash: 'Cash', card: 'Card', voucher: 'Voucher', complimentary: 'Complimentary' };

export interface ReportHeading {
  /** Z number, or null for an X report. */
  number: number | null;
  /** Whose report: the shift's cashier (a window) or the manager closing the day. */
  staffId: string;
  stationId: string;
  /** The venue's day a day report closes; null for a window's report. */
  businessDate: string | null;
  /** Who approved a difference over the limit, and why; null when none was needed. */
  approval: { name: string; reason: string } | null;
  /** Corrections written since, on a kept Z's reprint (the Z itself is never changed). */
  corrections?: CashUpPrintData['corrections'];
}

/**
 * The `cash-up` layout's data for an X or Z report: the same figures the screen shows, worded for
 * paper. Takings are after refunds and exchanges (net per method); tickets after those returned.
 */
export function cashUpPrintData(office: BoxOffice, f: CashUpFigures, heading: ReportHeading): CashUpPrintData {
  const venueName = readSetting(office.records, 'venue.name');
  const common = commonData(office, { name: venueName, address: '' }, { staffId: heading.staffId, stationId: heading.stationId }, f.currency);
  const gross = f.byMethod.reduce((a, m) => a + m.salesMinor + Math.max(0, m.exchangesMinor), 0);
  const refunds = f.byMethod.reduce((a, m) => a + m.refundsMinor - Math.min(0, m.exchangesMinor), 0);
  const taxName = readSetting(office.records, 'tax.name');
  return {
    kind: 'cash-up',
    ...common,
    cashUp: {
      from: f.from,
      until: f.until,
      printedAt: office.clock.now(),
      ticketsSold: f.ticketsSold,
      ticketsRefunded: f.ticketsReturned,
      gross,
      refunds,
      net: gross - refunds,
      expectedCash: f.cash.expectedMinor,
      countedCash: f.cash.countedMinor ?? 0,
      difference: f.cash.varianceMinor ?? 0,
      title: heading.number === null ? 'X REPORT' : 'Z REPORT',
      number: heading.number === null ? '' : String(heading.number),
      scope: heading.businessDate ? `Whole venue, ${heading.businessDate}` : `Window ${common.station.name}`,
      float: f.cash.floatMinor,
      cashSales: f.cash.salesMinor,
      cashRefunds: f.cash.refundsMinor,
      cashExchanges: f.cash.exchangesMinor,
      cashIn: f.cash.inMinor,
      cashOut: f.cash.outMinor,
      card: f.cardMinor,
      voucher: f.voucherMinor,
      complimentary: f.complimentaryMinor,
      complimentaryTickets: f.complimentary.tickets,
      exchanges: f.exchanges.count,
      exchangeCredit: f.exchanges.creditMinor,
      voids: f.voids.count,
      voidsAmount: f.voids.minor,
      noSales: f.noSales,
    },
    takings: f.byMethod.map((m) => ({ method: METHOD_WORDS[m.method] ?? m.method, count: m.salesCount + m.refundsCount, amount: m.netMinor })),
    taxLines: f.taxByRate.map((r) => ({ name: taxName, rate: `${r.taxRateBp / 100}%`, net: r.netMinor, tax: r.taxMinor, gross: r.grossMinor })),
    performances: f.byPerformance.map((p) => ({ title: p.title, startsAt: p.startsAt, sold: p.sold - p.returned, amount: p.soldMinor - p.returnedMinor })),
    bands: f.byBand.map((b) => ({ name: b.bandName, sold: b.sold - b.returned, amount: b.soldMinor - b.returnedMinor })),
    cashiers: f.byCashier.map((c) => ({ name: c.name, amount: c.netMinor })),
    discounts: f.discounts.map((d) => ({ code: d.code, orders: d.orders, amount: d.minor })),
    approvals: heading.approval ? [heading.approval] : [],
    corrections: heading.corrections ?? [],
  };
}

/** A kept Z report's heading, for printing it again exactly as it was. */
export function headingOfZ(z: ZReport, approval: ReportHeading['approval']): ReportHeading {
  return { number: z.number, staffId: z.staffId, stationId: z.stationId ?? z.figures.stationId ?? '', businessDate: z.businessDate, approval };
}
