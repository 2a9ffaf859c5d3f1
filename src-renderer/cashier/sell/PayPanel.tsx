import { useEffect, useLayoutEffect, useState } from 'react';
import { formatMoney } from '../../format.ts';
import { isPlainKey } from './keys.ts';
import { quickTenders } from './quick-tenders.ts';
import type { Tender } from './types.ts';

interface Props {
  dueMinor: number;
  currency: string;
  busy: boolean;
  onPay(tenders: Tender[]): void;
  onReserve(): void;
}

const toMinor = (text: string): number | null => {
  if (!text.trim()) return null;
  const n = Number(text.trim().replace(',', '.').replace(/^[^\d.]+/, ''));
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
};

/**
 * Cash with quick tendered amounts, card, voucher and complimentary; a part payment leaves the
 * rest due, so a split is just several of them. The sale goes through once nothing is left due.
 */
export function PayPanel({ dueMinor, currency, busy, onPay, onReserve }: Props) {
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [received, setReceived] = useState('');
  const paid = tenders.reduce((sum, t) => sum + t.amountMinor, 0);
  const left = Math.max(0, dueMinor - paid);
  const money = (m: number) => formatMoney(m, currency);

  useEffect(() => setTenders([]), [dueMinor]);

  /** The part to take now: what is typed in "Amount" (a split), else everything still due. */
  const part = () => Math.min(left, toMinor(amount) ?? left);

  function add(t: Tender) {
    if (busy) return;
    const next = [...tenders, t];
    setAmount('');
    setReference('');
    setReceived('');
    if (next.reduce((sum, x) => sum + x.amountMinor, 0) >= dueMinor) {
      setTenders([]);
      onPay(next);
    } else setTenders(next);
  }

  const cash = (tenderedMinor: number) => add({ method: 'cash', amountMinor: Math.min(left, tenderedMinor), tenderedMinor });
  const byRef = (method: 'card' | 'voucher') => add({ method, amountMinor: part(), ...(reference.trim() ? { reference: reference.trim() } : {}) });

  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!isPlainKey(e)) return;
      const key = e.key.toLowerCase();
      if (key === 'e') cash(part());
      else if (key === 'c') byRef('card');
      else if (key === 'v') byRef('voucher');
      else if (key === 'r') onReserve();
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="pay" aria-label="Payment" data-testid="pay-panel">
      <div className="due">
        {tenders.length > 0 ? 'Still due' : 'Due'} <strong data-testid="due">{money(left)}</strong>
      </div>
      {tenders.length > 0 && (
        <ul className="tenders" data-testid="tenders">
          {tenders.map((t, i) => (
            <li key={i}>
              {t.method} {money(t.amountMinor)}
              {t.reference ? ` · ${t.reference}` : ''}
            </li>
          ))}
          <li>
            <button type="button" onClick={() => setTenders([])}>
              Clear payments
            </button>
          </li>
        </ul>
      )}
      <div className="pay-row">
        <button type="button" className="primary big" disabled={busy} onClick={() => cash(part())} data-testid="pay-cash-exact">
          Exact cash {money(part())} <kbd>E</kbd>
        </button>
      </div>
      <div className="pay-row quick" aria-label="Cash handed over">
        {quickTenders(part()).map((v) => (
          <button type="button" key={v} disabled={busy} onClick={() => cash(v)} data-testid="pay-cash-quick">
            {money(v)}
          </button>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const v = toMinor(received);
            if (v !== null && v >= part()) cash(v);
          }}
        >
          <input aria-label="Cash received" placeholder="Cash received" inputMode="decimal" value={received} onChange={(e) => setReceived(e.target.value)} data-testid="cash-received" />
        </form>
      </div>
      <div className="pay-row">
        <input aria-label="Amount for a split payment" placeholder={`Amount (${money(left)})`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="split-amount" />
        <input aria-label="Card or voucher reference" placeholder="Reference" value={reference} onChange={(e) => setReference(e.target.value)} data-testid="pay-reference" />
      </div>
      <div className="pay-row">
        <button type="button" disabled={busy} onClick={() => byRef('card')} data-testid="pay-card">
          Card <kbd>C</kbd>
        </button>
        <button type="button" disabled={busy} onClick={() => byRef('voucher')} data-testid="pay-voucher">
          Voucher <kbd>V</kbd>
        </button>
        <button type="button" disabled={busy} onClick={() => add({ method: 'complimentary', amountMinor: part() })} data-testid="pay-comp">
          Complimentary
        </button>
        <button type="button" disabled={busy} onClick={onReserve} data-testid="reserve">
          Reserve <kbd>R</kbd>
        </button>
      </div>
    </section>
  );
}
