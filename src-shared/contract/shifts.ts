import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema, InstantSchema, MoneySchema, CalendarDateSchema } from './common.ts';
import { ApprovalSchema } from './staff.ts';
import { PrintOutcomeSchema } from './sales.ts';

/** Notes and coins counted: value in minor units (as text) → how many. Negative counts are refused with a sentence by the core. */
export const DenominationCountSchema = z.record(z.string().regex(/^\d{1,7}$/, 'must be a note or coin value in minor units'), z.number().int());

/** A drawer figure: typed as a total, or counted by notes and coins (the count wins when both come). */
const DrawerFigure = {
  amountMinor: MoneySchema.optional(),
  count: DenominationCountSchema.optional(),
};

const Reason = z.string().trim().min(1, 'needs a reason').max(200);

export const ShiftSchema = z.object({
  id: IdSchema,
  stationId: z.string(),
  staffId: z.string(),
  state: z.enum(['open', 'closed']),
  openedAt: InstantSchema,
  openSeq: z.number().int(),
  floatMinor: MoneySchema,
  floatCount: DenominationCountSchema.nullable(),
  closedAt: InstantSchema.nullable(),
  closeSeq: z.number().int().nullable(),
  closedBy: z.string().nullable(),
  expectedMinor: MoneySchema.nullable(),
  countedMinor: MoneySchema.nullable(),
  count: DenominationCountSchema.nullable(),
  varianceMinor: MoneySchema.nullable(),
  varianceReason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  zNumber: z.number().int().nullable(),
});
export type Shift = z.infer<typeof ShiftSchema>;

const MethodLine = z.object({ method: z.string(), salesCount: z.number().int(), salesMinor: MoneySchema, refundsCount: z.number().int(), refundsMinor: MoneySchema, exchangesMinor: MoneySchema, netMinor: MoneySchema });
const TicketLine = z.object({ sold: z.number().int(), soldMinor: MoneySchema, returned: z.number().int(), returnedMinor: MoneySchema });

/** Every figure of an X or Z report; each is a sum over the ledger rows of its range (docs/cash-up.md). */
export const CashUpFiguresSchema = z.object({
  currency: z.string(),
  fromSeq: z.number().int(),
  toSeq: z.number().int(),
  from: InstantSchema,
  until: InstantSchema,
  stationId: z.string().nullable(),
  shiftIds: z.array(z.string()),
  ticketsSold: z.number().int(),
  ticketsReturned: z.number().int(),
  byMethod: z.array(MethodLine),
  byPerformance: z.array(TicketLine.extend({ performanceId: z.string(), title: z.string(), startsAt: InstantSchema })),
  byBand: z.array(TicketLine.extend({ bandName: z.string() })),
  byCashier: z.array(z.object({ staffId: z.string(), name: z.string(), salesMinor: MoneySchema, refundsMinor: MoneySchema, netMinor: MoneySchema })),
  refunds: z.object({ count: z.number().int(), minor: MoneySchema }),
  exchanges: z.object({ count: z.number().int(), creditMinor: MoneySchema, differenceMinor: MoneySchema }),
  discounts: z.array(z.object({ code: z.string(), orders: z.number().int(), minor: MoneySchema })),
  taxByRate: z.array(z.object({ taxRateBp: z.number().int(), netMinor: MoneySchema, taxMinor: MoneySchema, grossMinor: MoneySchema })),
  complimentary: z.object({ tickets: z.number().int(), valueMinor: MoneySchema }),
  voids: z.object({ count: z.number().int(), minor: MoneySchema }),
  noSales: z.number().int(),
  cash: z.object({
    floatMinor: MoneySchema,
    salesMinor: MoneySchema,
    refundsMinor: MoneySchema,
    exchangesMinor: MoneySchema,
    inMinor: MoneySchema,
    outMinor: MoneySchema,
    expectedMinor: MoneySchema,
    countedMinor: MoneySchema.nullable(),
    varianceMinor: MoneySchema.nullable(),
  }),
  cardMinor: MoneySchema,
  voucherMinor: MoneySchema,
  complimentaryMinor: MoneySchema,
});
export type CashUpFigures = z.infer<typeof CashUpFiguresSchema>;

export const ZReportSchema = z.object({
  number: z.number().int(),
  id: z.string(),
  scope: z.enum(['shift', 'day']),
  shiftId: z.string().nullable(),
  stationId: z.string().nullable(),
  businessDate: z.string().nullable(),
  at: InstantSchema,
  staffId: z.string(),
  figures: CashUpFiguresSchema,
});
export type ZReport = z.infer<typeof ZReportSchema>;

const Printed = z.object({ print: PrintOutcomeSchema });

/** A correction written against a closed shift: + cash found, − cash missing, by a manager with a reason. */
export const ShiftCorrectionSchema = z.object({
  id: z.string(),
  shiftId: z.string(),
  at: InstantSchema,
  amountMinor: MoneySchema,
  reason: z.string(),
  staffId: z.string(),
  name: z.string(),
});
export type ShiftCorrection = z.infer<typeof ShiftCorrectionSchema>;

export const shiftsProcedures = {
  currentShift: defineProcedure({
    channel: 'bo:shifts:current',
    access: 'cashier',
    summary: "This window's open shift (whoever's it is), or null; with the currency's notes and coins for the count.",
    input: z.object({}).strict(),
    output: z.object({
      shift: ShiftSchema.nullable(),
      currency: z.string(),
      denominations: z.array(z.number().int()),
      /** The setting `shifts.required`: what needs an open shift at a window ('cash' sales, refunds and exchanges; 'always'; 'never'). */
      required: z.enum(['cash', 'always', 'never']),
    }),
  }),
  openShift: defineProcedure({
    channel: 'bo:shifts:open',
    access: 'cashier',
    summary: 'Open a shift at this window for the signed-in cashier with a float (a total, or counted by notes and coins). Refused while the window has a shift open.',
    input: z.object(DrawerFigure).strict(),
    output: ShiftSchema,
  }),
  moveCash: defineProcedure({
    channel: 'bo:shifts:move-cash',
    access: 'cashier',
    summary: "Cash into the drawer (a float top-up) or out of it (a paid-out), with a reason; refused when more is taken out than the drawer holds.",
    input: z.object({ direction: z.enum(['in', 'out']), amountMinor: MoneySchema.positive('must be more than nought'), reason: Reason }).strict(),
    output: z.object({ id: z.string(), amountMinor: MoneySchema, drawerMinor: MoneySchema }),
  }),
  openDrawerNoSale: defineProcedure({
    channel: 'bo:shifts:no-sale',
    access: 'cashier',
    summary: 'Open the cash drawer without a sale, with a reason; written to the ledger and counted on the X and Z reports, then the drawer pulses.',
    input: z.object({ reason: Reason }).strict(),
    output: z.object({ noSales: z.number().int() }).merge(Printed),
  }),
  xReport: defineProcedure({
    channel: 'bo:shifts:x-report',
    access: 'cashier',
    summary: "The window's open shift so far (an X report): nothing is closed or numbered. `print` sends it to the report printer.",
    input: z.object({ print: z.boolean().optional() }).strict(),
    output: z.object({ figures: CashUpFiguresSchema, print: PrintOutcomeSchema.nullable() }),
  }),
  closeShift: defineProcedure({
    channel: 'bo:shifts:close',
    access: 'cashier',
    summary:
      "Close this window's shift: the drawer counted (total or notes and coins), the variance against expected cash; over the variance limit a manager's PIN and a reason. Writes and prints the shift's Z report. `handOver` opens the next cashier's shift (the one signed in) with the counted drawer as float.",
    input: z
      .object({
        ...DrawerFigure,
        reason: z.string().trim().max(200).optional(),
        approval: ApprovalSchema.optional(),
        handOver: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ shift: ShiftSchema, report: ZReportSchema, next: ShiftSchema.nullable() }).merge(Printed),
  }),
  closeDay: defineProcedure({
    channel: 'bo:shifts:close-day',
    access: 'manager',
    summary: "Close the venue's day: the Z report over every window since the last day closed. Refused while a shift is open, or when that day is already closed. Manager only.",
    input: z.object({ businessDate: CalendarDateSchema.optional() }).strict(),
    output: z.object({ report: ZReportSchema }).merge(Printed),
  }),
  dayReport: defineProcedure({
    channel: 'bo:shifts:day-report',
    access: 'manager',
    summary: "The venue's figures since the last day closed, every window together (an X report for the venue). Manager only.",
    input: z.object({}).strict(),
    output: z.object({ figures: CashUpFiguresSchema, openShifts: z.array(ShiftSchema) }),
  }),
  listZReports: defineProcedure({
    channel: 'bo:shifts:z-list',
    access: 'manager',
    summary: 'Z reports kept, newest first. Manager only.',
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(ZReportSchema),
  }),
  getReceiptNumber: defineProcedure({
    channel: 'bo:shifts:receipt-number',
    access: 'cashier',
    summary: "An order's receipt number (consecutive per installation); null for an order sold before receipts were numbered.",
    input: z.object({ orderId: IdSchema }).strict(),
    output: z.object({ receiptNumber: z.number().int().nullable() }),
  }),
  correctShift: defineProcedure({
    channel: 'bo:shifts:correct',
    access: 'manager',
    summary:
      'Correct a closed shift (its count turned out wrong): a new ledger row of + cash found or − cash missing, with a reason; the shift and its Z report stay as they were, and the Z reprints with the correction. Manager only.',
    input: z.object({ shiftId: IdSchema, amountMinor: MoneySchema.refine((v) => v !== 0, 'must not be nought'), reason: Reason }).strict(),
    output: ShiftCorrectionSchema,
  }),
  listCorrections: defineProcedure({
    channel: 'bo:shifts:corrections',
    access: 'manager',
    summary: "A closed shift's corrections, oldest first. Manager only.",
    input: z.object({ shiftId: IdSchema }).strict(),
    output: z.array(ShiftCorrectionSchema),
  }),
  reprintZReport: defineProcedure({
    channel: 'bo:shifts:z-reprint',
    access: 'cashier',
    summary: 'Print a kept Z report again, exactly as it was, on the report printer.',
    input: z.object({ number: z.number().int().positive() }).strict(),
    output: Printed,
  }),
};
