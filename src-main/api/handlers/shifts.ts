import type { shiftsProcedures } from '../../../src-shared/contract/shifts.ts';
import type { Counter } from '../../app/counter.ts';
import { closeDay, closeShift, printXReport, reprintZReport } from '../../app/close-shift.ts';
import { openDrawerNoSale } from '../../app/no-sale.ts';
import { readSetting } from '../../core/settings.ts';
import { denominationsOf, DENOMINATIONS } from '../../shifts/denominations.ts';
import { ShiftCorrections } from '../../shifts/corrections.ts';
import { Till } from '../../shifts/till.ts';
import { receiptNumberOf } from '../../sales/receipt-numbers.ts';
import { verifyApproval } from '../../staff/auth.ts';
import type { SignInThrottle } from '../../staff/sign-in-throttle.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

/** Shifts, cash-up and Z reports: thin adapters over the till (src-main/shifts) and its use cases (src-main/app). */
export function shiftHandlers(counter: Pick<Counter, 'office' | 'printing'>, throttle: SignInThrottle): Pick<Handlers, keyof typeof shiftsProcedures> {
  const { office } = counter;
  const till = new Till({ records: office.records, clock: office.clock });
  const corrections = new ShiftCorrections({ records: office.records, clock: office.clock });
  const pinDeps = { records: office.records, clock: office.clock, throttle };
  return {
    currentShift: (_input, ctx) => {
      const currency = till.currency();
      const required = readSetting(office.records, 'shifts.required');
      return { shift: till.openShiftAt(actorOf(ctx).stationId), currency, denominations: DENOMINATIONS[currency] ? [...denominationsOf(currency)] : [], required };
    },
    openShift: (input, ctx) => till.open(actorOf(ctx), input),
    moveCash: (input, ctx) => till.moveCash(actorOf(ctx), input),
    openDrawerNoSale: (input, ctx) => openDrawerNoSale(counter, till, actorOf(ctx), input.reason),
    xReport: async (input, ctx) => {
      const who = actorOf(ctx);
      return { figures: till.xReport(who.stationId), print: input.print ? await printXReport(counter, till, who) : null };
    },
    closeShift: async (input, ctx) => {
      const who = actorOf(ctx);
      const { approval, ...rest } = input;
      const approver = await verifyApproval(pinDeps, who, approval, { stationId: ctx.stationId, peer: ctx.peer ?? ctx.stationId });
      return closeShift(counter, till, who, { ...rest, approver });
    },
    closeDay: (input, ctx) => closeDay(counter, till, actorOf(ctx), input.businessDate),
    dayReport: () => till.dayReport(),
    listZReports: (input) => till.listZ(input.limit),
    reprintZReport: (input) => reprintZReport(counter, till, corrections, input.number),
    correctShift: (input, ctx) => corrections.correct(actorOf(ctx), input),
    listCorrections: (input) => corrections.ofShift(input.shiftId),
    getReceiptNumber: (input) => ({ receiptNumber: receiptNumberOf(office.records.$client, input.orderId) }),
  };
}
