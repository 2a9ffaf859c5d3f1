import { newId } from './ids.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { PaymentRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';

export type TenderMethod = 'cash' | 'card' | 'voucher' | 'complimentary';

export interface TenderInput {
  method: TenderMethod;
  /** Left out: what the other payments leave due, as the core prices it. */
  amountMinor?: number | undefined;
  /** Cash handed over; change is what exceeds the amount. */
  tenderedMinor?: number | undefined;
  /** Card terminal reference or voucher number. */
  reference?: string | undefined;
}

export const money = (minor: number, currency: string) =>
  `${currency} ${(minor / 100).toFixed(2)}`;

/**
 * The payments with the one left without an amount given what the others leave due: the screen
 * sends how the customer pays (and the cash handed over), the core says how much.
 */
function withAmounts(tenders: TenderInput[], dueMinor: number): (TenderInput & { amountMinor: number })[] {
  let open = -1;
  let named = 0;
  for (let i = 0; i < tenders.length; i++) {
    const amount = tenders[i]!.amountMinor;
    if (amount !== undefined) named += amount;
    else if (open === -1) open = i;
    else throw new MarqueeError('BAD_INPUT', 'Only one payment can take what is left to pay; give the others an amount.');
  }
  if (open === -1) return tenders as (TenderInput & { amountMinor: number })[];
  const rest = Math.max(0, dueMinor - named);
  return tenders.map((t, i) => ({ ...t, amountMinor: i === open ? rest : t.amountMinor! }));
}

/**
 * Payments must add up to exactly what is due: short is PAYMENT_SHORT, more is refused (change is
 * given from cash tendered, never by over-charging a card). Returns the rows to insert.
 */
export function settle(
  tenders: TenderInput[],
  dueMinor: number,
  ctx: { orderId: string; actor: Pick<Actor, 'stationId' | 'staffId'>; now: number; currency: string },
): { rows: PaymentRow[]; changeMinor: number } {
  let paid = 0;
  let changeMinor = 0;
  const rows: PaymentRow[] = [];
  for (const t of withAmounts(tenders, dueMinor)) {
    if (!Number.isInteger(t.amountMinor) || t.amountMinor < 0) throw new MarqueeError('BAD_INPUT', 'Payment amounts must be whole, non-negative minor units.');
    let change: number | null = null;
    if (t.method === 'cash') {
      const tendered = t.tenderedMinor ?? t.amountMinor;
      if (tendered < t.amountMinor) {
        throw new MarqueeError('PAYMENT_SHORT', `Cash tendered (${money(tendered, ctx.currency)}) is less than the cash amount (${money(t.amountMinor, ctx.currency)}).`);
      }
      change = tendered - t.amountMinor;
      changeMinor += change;
    }
    if (t.method === 'voucher' && !t.reference?.trim()) throw new MarqueeError('BAD_INPUT', 'A voucher payment needs the voucher number.');
    paid += t.amountMinor;
    rows.push({
      id: newId(ctx.now),
      orderId: ctx.orderId,
      method: t.method,
      amountMinor: t.amountMinor,
      tenderedMinor: t.method === 'cash' ? (t.tenderedMinor ?? t.amountMinor) : null,
      changeMinor: change,
      reference: t.reference?.trim() || null,
      stationId: ctx.actor.stationId,
      staffId: ctx.actor.staffId,
      at: ctx.now,
    });
  }
  if (paid < dueMinor) {
    throw new MarqueeError('PAYMENT_SHORT', `Payment is short by ${money(dueMinor - paid, ctx.currency)}: ${money(dueMinor, ctx.currency)} is due.`, {
      dueMinor,
      paidMinor: paid,
    });
  }
  if (paid > dueMinor) {
    throw new MarqueeError('BAD_INPUT', `Payments come to ${money(paid - dueMinor, ctx.currency)} more than the ${money(dueMinor, ctx.currency)} due; give change from the cash tendered instead.`);
  }
  return { rows, changeMinor };
}

export function refundRow(
  amountMinor: number,
  method: PaymentRow['method'],
  ctx: { orderId: string; actor: Pick<Actor, 'stationId' | 'staffId'>; now: number; reference?: string | null },
): PaymentRow {
  return {
    id: newId(ctx.now),
    orderId: ctx.orderId,
    method,
    amountMinor: -amountMinor,
    tenderedMinor: null,
    changeMinor: null,
    reference: ctx.reference ?? null,
    stationId: ctx.actor.stationId,
    staffId: ctx.actor.staffId,
    at: ctx.now,
  };
}
