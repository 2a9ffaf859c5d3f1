import type { BoxOffice } from '../core/box-office.ts';
import type { PrintAssets } from '../print/print-assets.ts';
import type { PrintService } from '../print/print-service.ts';
import type { PrintWarnings } from '../print/print-warnings.ts';
import { priceExchange, refundTotal, type ExchangeInput, type RefundMethod } from '../sales/after-sale.ts';
import type { SalesEngine } from '../sales/engine.ts';
import { requireShiftFor } from '../shifts/sell-rule.ts';
import type { Actor } from '../staff/actor.ts';
import type { PrintOnce } from './print-once.ts';

/**
 * What every counter use case needs: the box office, its one sales engine, its one print service
 * and print assets, and the print-once rule. The running box office (compose.ts) is a Counter:
 * nothing here is looked up by office, so every window and transport shares these very objects.
 */
export interface Counter {
  readonly office: BoxOffice;
  engine(): SalesEngine;
  readonly printing: PrintService;
  readonly assets: PrintAssets;
  /** Layout problems printing works around, for managers (a fallback to the built-in, a file broken by hand). */
  readonly printWarnings: PrintWarnings;
  readonly prints: PrintOnce;
}

/** Cash moves across the counter: the drawer opens. Card, voucher and credit never open it. */
export function cashChangesHands(methods: readonly (string | undefined)[]): boolean {
  return methods.some((m) => m === 'cash');
}

/**
 * A refund that hands cash back needs the window's shift open, like a cash sale (the setting
 * `shifts.required`, src-main/shifts/sell-rule.ts). Asked before the engine writes anything; a
 * replayed refund has nothing left to give back, so it is not refused here (the engine answers it).
 */
export function requireShiftForRefund(counter: Pick<Counter, 'office' | 'engine'>, who: Actor, input: { orderId: string; ticketIds?: string[] | undefined; method: RefundMethod }): void {
  requireShiftFor(counter.office.records, who, 'refund', input.method === 'cash' && answerOrNought(() => refundTotal(counter.engine().ctx, input.orderId, input.ticketIds)) !== 0);
}

/** What `work` works out, or 0 when it cannot: a replay with nothing left, or a request the engine refuses with its own sentence. */
function answerOrNought(work: () => number): number {
  try {
    return work();
  } catch {
    return 0;
  }
}

/**
 * An exchange moves cash when a dearer seat is paid in cash or a cheaper one's difference goes back
 * in cash (the engine's default). Its price is worked out here only to know which; when it cannot be
 * (a replay whose hold is spent, a mistake in the request) the engine answers instead.
 */
export function requireShiftForExchange(counter: Pick<Counter, 'office' | 'engine'>, who: Actor, input: ExchangeInput): void {
  const difference = answerOrNought(() => priceExchange(counter.engine().ctx, who, input, counter.office.clock.now()).difference);
  const cash = difference > 0 ? cashChangesHands(input.payments?.map((p) => p.method) ?? []) : difference < 0 && (input.refundMethod ?? 'cash') === 'cash';
  requireShiftFor(counter.office.records, who, 'exchange', cash);
}
