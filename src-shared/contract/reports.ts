/**
 * Reports: what sold, where the money is (issue 15, docs/reports.md "Figures").
 *
 * Input (`getReport`)
 * - from, to: venue-local calendar dates 'YYYY-MM-DD', both included. `to` before `from` is refused
 *   with "The range ends before it starts." (code 'BAD_INPUT', details.field 'to'); ranges longer than
 *   366 days are refused likewise.
 * - basis: 'payment' counts each sale, refund or exchange on the venue-local day the money moved;
 *   'performance' counts it on the venue-local day of the performance it was for (accounting by show).
 * - granularity: 'day' or 'week' (weeks start on Monday; `period` names the Monday).
 * - eventId, performanceId, venueId, stationId (window), cashierId (staff): optional filters, combined with AND.
 *
 * Output: every money figure is integer minor units of `currency`; counts are whole numbers.
 * - salesOverTime: one row per day/week in the range, empty periods included with zeros.
 *     tickets = tickets sold minus tickets returned; gross = money taken incl. tax net of refunds;
 *     net = gross without tax; tax = gross - net.
 * - performances: one row per performance that starts in the range (basis 'performance') or that had
 *   sales in the range (basis 'payment'). capacity = seats on its plan; sold/held/reserved/blocked =
 *   seats in that state NOW (a snapshot, not limited by the range); checkedIn = tickets scanned in;
 *   occupancyPct = sold / capacity × 100 rounded to one decimal (0 when capacity is 0);
 *   revenue = gross of the performance within the range and filters.
 * - events: per event, tickets and gross within the range. priceBands: per band name likewise.
 * - paymentMethods: per method ('cash', 'card', 'voucher', 'complimentary', ...): payments = number of
 *   payments taken (refunds count negative), amount = money net of refunds.
 * - cashiers: per staff member who sold; windows: per station (window). tickets and gross as above.
 * - discountCodes: code, uses = orders that used it (net of refunded orders), discount = money given away.
 * - refundsExchanges: kind 'refund' | 'exchange'; count of operations; amount = money paid back (refund)
 *   or price difference taken (exchange, negative when money went back).
 * - totals: the sums of salesOverTime.
 * - currency (ISO 4217), locale (BCP 47), timeZone (IANA): how the screen writes the figures.
 * - basis, granularity, from, to: echoed as understood.
 *
 * `getReportOptions` fills the filters: events, performances (newest first), venues, windows, cashiers.
 * Later changes to this file are additive only: the Reports screen codes against it.
 */
import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { CalendarDateSchema, EmptyInput, IdSchema, InstantSchema, MoneySchema } from './common.ts';

const Count = z.number().int();

export const ReportBasisSchema = z.enum(['payment', 'performance']);
export type ReportBasis = z.infer<typeof ReportBasisSchema>;
export const ReportGranularitySchema = z.enum(['day', 'week']);
export type ReportGranularity = z.infer<typeof ReportGranularitySchema>;

export const ReportQuerySchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    basis: ReportBasisSchema,
    granularity: ReportGranularitySchema,
    eventId: IdSchema.optional(),
    performanceId: IdSchema.optional(),
    venueId: IdSchema.optional(),
    stationId: z.string().min(1).max(100).optional(),
    cashierId: IdSchema.optional(),
  })
  .strict();
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const Money = { tickets: Count, gross: MoneySchema };

export const SalesPeriodSchema = z.object({ period: CalendarDateSchema, tickets: Count, gross: MoneySchema, net: MoneySchema, tax: MoneySchema });
export const PerformanceFiguresSchema = z.object({
  performanceId: z.string(),
  eventName: z.string(),
  startsAt: InstantSchema,
  venueName: z.string(),
  capacity: Count,
  sold: Count,
  held: Count,
  reserved: Count,
  blocked: Count,
  checkedIn: Count,
  occupancyPct: z.number(),
  revenue: MoneySchema,
});
export const EventFiguresSchema = z.object({ eventId: z.string(), name: z.string(), ...Money });
export const BandFiguresSchema = z.object({ band: z.string(), ...Money });
export const MethodFiguresSchema = z.object({ method: z.string(), payments: Count, amount: MoneySchema });
export const CashierFiguresSchema = z.object({ cashierId: z.string(), name: z.string(), ...Money });
export const WindowFiguresSchema = z.object({ stationId: z.string(), name: z.string(), ...Money });
export const DiscountFiguresSchema = z.object({ code: z.string(), uses: Count, discount: MoneySchema });
export const RefundExchangeFiguresSchema = z.object({ kind: z.enum(['refund', 'exchange']), count: Count, amount: MoneySchema });
export const ReportTotalsSchema = z.object({ tickets: Count, gross: MoneySchema, net: MoneySchema, tax: MoneySchema });

export const ReportSchema = z.object({
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  basis: ReportBasisSchema,
  granularity: ReportGranularitySchema,
  currency: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  salesOverTime: z.array(SalesPeriodSchema),
  performances: z.array(PerformanceFiguresSchema),
  events: z.array(EventFiguresSchema),
  priceBands: z.array(BandFiguresSchema),
  paymentMethods: z.array(MethodFiguresSchema),
  cashiers: z.array(CashierFiguresSchema),
  windows: z.array(WindowFiguresSchema),
  discountCodes: z.array(DiscountFiguresSchema),
  refundsExchanges: z.array(RefundExchangeFiguresSchema),
  totals: ReportTotalsSchema,
});
export type Report = z.infer<typeof ReportSchema>;

const Named = z.object({ id: z.string(), name: z.string() });
export const ReportOptionsSchema = z.object({
  events: z.array(Named),
  performances: z.array(z.object({ id: z.string(), eventId: z.string(), eventName: z.string(), venueId: z.string(), startsAt: InstantSchema })),
  venues: z.array(Named),
  windows: z.array(Named),
  cashiers: z.array(Named),
});
export type ReportOptions = z.infer<typeof ReportOptionsSchema>;

export const reportProcedures = {
  getReport: defineProcedure({
    channel: 'bo:reports:get',
    access: 'manager',
    summary: 'Sales, occupancy and money for a range of venue-local dates, by payment or performance date, filtered. Manager only.',
    input: ReportQuerySchema,
    output: ReportSchema,
  }),
  getReportOptions: defineProcedure({
    channel: 'bo:reports:options',
    access: 'manager',
    summary: 'What the report filters offer: events, performances, venues, windows and cashiers. Manager only.',
    input: EmptyInput,
    output: ReportOptionsSchema,
  }),
};
