import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { minorPerUnit, readMoney, type MoneyReading } from '../../kit/money.ts';
import { useShortcuts } from '../../kit/shortcuts.ts';
import { formatMoney, venue } from '../../format.ts';
import { quickTenders } from './quick-tenders.ts';
import { KEYS, type Tender } from './types.ts';

interface Props {
  dueMinor: number;
  currency: string;
  busy: boolean;
  onPay(tenders: Tender[]): void;
  onReserve(): void;
  /** True while the cashier is paying (a field here has the focus or text, or a part is paid). */
  onPaying(paying: boolean): void;
}

/**
 * Cash with quick tendered amounts, card, voucher and complimentary; a part payment leaves the
 * rest due, so a split is just several of them. The sale goes through once nothing is left due.
 * Amounts are read by the one money parser (kit/money.ts): anything that is not an amount in the
 * venue currency's notation is refused with a sentence, never guessed at.
 */
export function PayPanel({ dueMinor, currency, busy, onPay, onReserve, onPaying }: Props) {
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [received, setReceived] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const receivedField = useRef<HTMLInputElement>(null);
  const notation = { locale: venue().clock.locale, currency };
  const paid = tenders.reduce((sum, t) => sum + t.amountMinor, 0);
  const left = Math.max(0, dueMinor - paid);
  const money = (m: number) => formatMoney(m, currency);

  const paying = focused || tenders.length > 0 || received !== '' || amount !== '';
  useLayoutEffect(() => onPaying(paying), [paying, onPaying]);
  useEffect(() => () => onPaying(false), [onPaying]);
  useEffect(() => {
    setTenders([]);
    setProblem(null);
  }, [dueMinor]);

  /** The part to take now: what is typed in "Amount" (a split), else everything still due. */
  function readPart(): MoneyReading {
    if (!amount.trim()) return { ok: true, minor: left };
    const r = readMoney(amount, notation, { maxMinor: left, maxReason: `the ${money(left)} still due` });
    if (r.ok && r.minor === 0) return { ok: false, problem: 'Type more than nothing, or leave it empty to take all that is due.' };
    return r;
  }
  const shownPart = (() => {
    const r = readPart();
    return r.ok ? r.minor : left;
  })();

  /** The part, or null after saying why the typed split amount cannot be taken. */
  function takePart(): number | null {
    const r = readPart();
    if (r.ok) return r.minor;
    setProblem(`Amount for a split payment: ${r.problem}`);
    return null;
  }

  function add(t: Tender) {
    if (busy) return;
    const next = [...tenders, t];
    setAmount('');
    setReference('');
    setReceived('');
    setProblem(null);
    if (next.reduce((sum, x) => sum + x.amountMinor, 0) >= dueMinor) {
      setTenders([]);
      onPay(next);
    } else setTenders(next);
  }

  /** Cash handed over for the part: all of it is taken when it is short (the rest stays due). */
  function cash(tenderedMinor: number, part: number | null = takePart()) {
    if (part === null) return;
    add({ method: 'cash', amountMinor: Math.min(part, tenderedMinor), tenderedMinor });
  }
  function byRef(method: 'card' | 'voucher' | 'complimentary') {
    const part = takePart();
    if (part === null) return;
    add({ method, amountMinor: part, ...(method !== 'complimentary' && reference.trim() ? { reference: reference.trim() } : {}) });
  }

  function cashReceived() {
    const part = takePart();
    if (part === null) return;
    const most = Math.max(part, 1) * 100;
    const r = readMoney(received, notation, { maxMinor: most, maxReason: `100 times the ${money(part)} due` });
    if (!r.ok) return setProblem(`Cash received: ${r.problem}`);
    if (r.minor === 0) return setProblem('Cash received: type the amount the customer handed over.');
    cash(r.minor, part);
  }

  useShortcuts({
    e: () => cash(shownPart),
    c: () => byRef('card'),
    v: () => byRef('voucher'),
    r: onReserve,
    // The tendered amount: the cashier types it into Cash received, where digits are digits.
    t: () => receivedField.current?.focus(),
  });

  return (
    <section
      className="pay"
      aria-label="Payment"
      data-testid="pay-panel"
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
      onKeyDown={(e) => {
        // Esc leaves a field of the panel, so the screen's keys work again.
        if (e.key === 'Escape' && e.target instanceof HTMLInputElement) {
          e.stopPropagation();
          e.target.blur();
        }
      }}
    >
      <div className="due">
        {tenders.length > 0 ? 'Still due' : 'Due'} <strong data-testid="due">{money(left)}</strong>
        <button type="button" className="reserve-button" disabled={busy} onClick={onReserve} data-testid="reserve">
          Reserve <kbd>R</kbd>
        </button>
      </div>
      {tenders.length > 0 && (
        <>
          <p className="still-due" role="status" data-testid="still-due">
            {money(left)} still due: take the rest by card <kbd>C</kbd>, voucher <kbd>V</kbd> or more cash.
          </p>
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
        </>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="pay-problem">
          {problem}
        </p>
      )}
      <div className="pay-row">
        <button type="button" className="primary big" disabled={busy} onClick={() => cash(shownPart)} data-testid="pay-cash-exact">
          Exact cash {money(shownPart)} <kbd>E</kbd>
        </button>
      </div>
      <div className="pay-row quick" aria-label="Cash handed over">
        {quickTenders(shownPart, minorPerUnit(currency)).map((v) => (
          <button type="button" key={v} disabled={busy} onClick={() => cash(v)} data-testid="pay-cash-quick">
            {money(v)}
          </button>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            cashReceived();
          }}
        >
          <input
            ref={receivedField}
            aria-label={`Cash received (${KEYS.tendered})`}
            placeholder={`Cash in (${KEYS.tendered})`}
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={problem?.startsWith('Cash received') ? true : undefined}
            value={received}
            onChange={(e) => setReceived(e.target.value)}
            data-testid="cash-received"
          />
        </form>
      </div>
      <div className="pay-row">
        <input
          aria-label="Amount for a split payment"
          placeholder={`Amount (${money(left)})`}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="split-amount"
        />
        <input aria-label="Card or voucher reference" placeholder="Reference" value={reference} onChange={(e) => setReference(e.target.value)} data-testid="pay-reference" />
      </div>
      <div className="pay-row">
        <button type="button" disabled={busy} onClick={() => byRef('card')} data-testid="pay-card">
          Card <kbd>C</kbd>
        </button>
        <button type="button" disabled={busy} onClick={() => byRef('voucher')} data-testid="pay-voucher">
          Voucher <kbd>V</kbd>
        </button>
        <button type="button" disabled={busy} onClick={() => byRef('complimentary')} data-testid="pay-comp">
          Complimentary
        </button>
      </div>
    </section>
  );
}
