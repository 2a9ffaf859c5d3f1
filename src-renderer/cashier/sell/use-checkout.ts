import { useRef, useState } from 'react';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { errorText } from '../../kit/error-text.ts';
import { call } from '../../transport/api.ts';
import type { ApprovalDraft } from '../orders/ApprovalFields.tsx';
import { sendSale } from '../send-sale.ts';
import type { BasketState } from './use-basket.ts';
import type { PrintOutcome, Reservation, Sale, Tender } from './types.ts';

export type Done = { kind: 'sale'; sale: Sale } | { kind: 'reservation'; reservation: Reservation };

interface Hold {
  holdId: string | null;
  setError(error: string | null): void;
  reset(): void;
}

/**
 * The tender that settles the sale pays "what is left" as the core prices it: the screen's figure
 * is an estimate and never the amount charged. Split parts the cashier typed keep their amounts,
 * and so does a complimentary one: what is given away is what a manager approves.
 */
function restToCore(tenders: Tender[]) {
  return tenders.map((t, i) => {
    if (i < tenders.length - 1 || t.method === 'complimentary') return t;
    const { amountMinor: _estimate, ...rest } = t;
    return rest;
  });
}

/**
 * Paying, reserving, pricing a discount code and retrying the print: one call each, with the result
 * (change or reservation reference, and what printing said) kept for the Done panel.
 */
export function useCheckout(basket: BasketState, hold: Hold, onFinished: () => void, onSeatsGone: () => void) {
  const [approval, setApproval] = useState<ApprovalDraft | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [print, setPrint] = useState<PrintOutcome | null>(null);
  const [working, setWorking] = useState(false);
  const [retrying, setRetrying] = useState(false);
  // While a lost answer is being asked for again: the sentence the cashier reads meanwhile.
  const [checking, setChecking] = useState<string | null>(null);
  // A sale after curtain-up waits here for the cashier's answer in the panel (LateSaleConfirm).
  const [late, setLate] = useState<string | null>(null);
  const answerLate = useRef<((sell: boolean) => void) | null>(null);
  const confirmLate = (sentence: string) =>
    new Promise<boolean>((resolve) => {
      answerLate.current = resolve;
      setLate(sentence);
    });
  function answer(sell: boolean) {
    setLate(null);
    answerLate.current?.(sell);
    answerLate.current = null;
  }

  function finish(result: Done, outcome: PrintOutcome) {
    setDone(result);
    setPrint(outcome);
    setApproval(null);
    basket.reset();
    hold.reset();
    onFinished();
  }

  /** Runs one action with the basket checked first; a refusal becomes the sentence on screen. */
  function attempt(work: (holdId: string) => Promise<void>): void {
    const problem = basket.problem(hold.holdId);
    if (problem) return hold.setError(problem);
    const holdId = hold.holdId!;
    setWorking(true);
    hold.setError(null);
    void work(holdId)
      .catch((e: unknown) => {
        hold.setError(errorText(e));
        if (e instanceof MarqueeError && e.code === 'SEATS_UNAVAILABLE') onSeatsGone();
      })
      .finally(() => setWorking(false));
  }

  const pay = (tenders: Tender[]) =>
    attempt(async (holdId) => {
      try {
        // One request key for this press of Pay: retried by itself with the same key if the answer is lost.
        const sale = await sendSale(
          'bookSeats',
          {
            holdId,
            lines: basket.saleLines,
            payments: restToCore(tenders),
            ...(basket.code ? { discountCode: basket.code } : {}),
            ...(approval?.staffId && approval.pin ? { approval } : {}),
          },
          setChecking,
          confirmLate,
        );
        finish({ kind: 'sale', sale }, sale.print);
      } catch (e) {
        // Giving priced seats away needs a manager: ask for their PIN here, at this window.
        if (e instanceof MarqueeError && e.code === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
        throw e;
      }
    });

  // The core prices the code (validity, use limits, tax on the discounted price) and writes nothing.
  const applyDiscount = () =>
    attempt(async (holdId) => {
      const quote = await call('quoteSale', { holdId, lines: basket.saleLines, discountCode: basket.code });
      basket.quoted(quote.totalMinor, quote.taxMinor);
    });

  const reserve = (customer: { name: string; phone?: string; email?: string }) =>
    attempt(async (holdId) => {
      const reservation = await sendSale('reserveSeats', { holdId, customer }, setChecking);
      finish({ kind: 'reservation', reservation }, reservation.print);
    });

  async function retryPrint() {
    if (done?.kind !== 'sale') return;
    setRetrying(true);
    try {
      setPrint(await call('printOrder', { orderId: done.sale.order.id }));
    } catch (e) {
      setPrint({ printed: 'failed', jobSetId: null, problem: errorText(e) });
    } finally {
      setRetrying(false);
    }
  }

  function next() {
    setDone(null);
    setPrint(null);
  }

  return { approval, setApproval, done, print, working, retrying, checking, late, answerLate: answer, pay, applyDiscount, reserve, retryPrint, next };
}
