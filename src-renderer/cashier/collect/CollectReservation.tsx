import { useState, type FormEvent } from 'react';
import { labelList } from '../../../src-shared/seat-label.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { orderReference, type ReservationFound } from '../../../src-shared/contract/orders.ts';
import { dayHeading, formatMoney, formatTime, venue } from '../../format.ts';
import { readMoney } from '../../kit/money.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { errorText, useKeys, useSalesChanged } from '../orders/after-sale-kit.ts';
import { describePrint } from '../orders/print-order.ts';
import { sendSale } from '../send-sale.ts';
import { BandPicker } from '../orders/BandPicker.tsx';
import { defaultBand, priceBands } from '../../../src-shared/pricing/index.ts';

type Booked = OutputOf<'bookSeats'>;

interface Props {
  found: ReservationFound;
  currency: string;
  onBack(message?: string): void;
}

/** One reservation at the counter: choose a price per seat, take payment (the core prints), or cancel it. */
export function CollectReservation({ found, currency, onBack }: Props) {
  const detail = useAsync(
    () => Promise.all([call('findReservation', { reference: found.reference }), call('listPriceBands', { performanceId: found.performanceId })]),
    [found.reservationId],
  );
  const [chosenBands, setChosenBands] = useState<Record<number, string>>({});
  const [method, setMethod] = useState<'card' | 'cash'>('card');
  const [tendered, setTendered] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<Booked | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const money = (minor: number) => formatMoney(minor, currency);

  // Another window may collect or cancel this reservation while it is open here.
  useSalesChanged((p) => {
    if (!booked && p.performanceId === found.performanceId && (p.kind.startsWith('reservation.') || p.kind === 'order.booked')) detail.reload();
  });
  const endedElsewhere = !booked && detail.data && detail.data[0].reservation.state !== 'active' ? detail.data[0].reservation.state : null;
  const units = endedElsewhere ? [] : (detail.data?.[0].units ?? []);
  const bands = detail.data?.[1] ?? [];
  const bandOf = (unitId: number, category: string) => chosenBands[unitId] ?? defaultBand(bands, category)?.id ?? '';
  // The core's own rule (src-shared/pricing), to show what to ask for; the core charges its quote.
  const total = priceBands(units.flatMap((u) => bands.filter((b) => b.id === bandOf(u.unitId, u.category)))).totalMinor;
  // The one money reader (kit/money.ts): the venue's notation only, at most 100× the amount due.
  const reading = readMoney(tendered, { locale: venue().clock.locale, currency }, { maxMinor: total * 100, maxReason: `100 times the ${money(total)} due` });
  const tenderedMinor = reading.ok ? reading.minor : 0;

  async function pay(e?: FormEvent) {
    e?.preventDefault();
    if (busy || booked || !units.length) return;
    if (method === 'cash' && tendered.trim() && !reading.ok) {
      setError(reading.problem);
      return;
    }
    if (method === 'cash' && tendered.trim() && tenderedMinor < total) {
      setError(`The cash handed over must be at least ${money(total)}: ${money(total - tenderedMinor)} still due.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // One request key for this payment, retried by itself if the answer is lost.
      const result = await sendSale(
        'bookSeats',
        {
          reservationId: found.reservationId,
          lines: units.map((u) => ({ unitId: u.unitId, priceBandId: bandOf(u.unitId, u.category) })),
          // No amount: the one payment takes what the core prices the reservation at.
          payments: [method === 'cash' && tendered.trim() ? { method: 'cash', tenderedMinor } : { method }],
        },
        setChecking,
      );
      setBooked(result);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    if (busy) return;
    if (!confirmCancel) {
      setConfirmCancel(true);
      return;
    }
    setBusy(true);
    try {
      const r = await call('cancelReservation', { reservationId: found.reservationId });
      onBack(`Reservation ${r.reference} for ${r.customerName} is cancelled; its seats are back on sale.`);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  useKeys({
    Escape: () => (confirmCancel ? setConfirmCancel(false) : onBack()),
    F8: booked || confirmCancel ? null : () => void pay(),
    F4: booked || endedElsewhere ? null : () => void cancel(),
    Enter: booked ? () => onBack() : null,
  });

  if (booked) {
    return (
      <section className="after-sale collect-done" aria-label="Collected" data-testid="collect-done">
        <h1>
          Paid {money(booked.order.totalMinor)} by {method}
        </h1>
        {booked.changeMinor > 0 && (
          <p className="change" data-testid="collect-change">
            Change: {money(booked.changeMinor)}
          </p>
        )}
        <p>
          Order <strong data-testid="collect-order-reference">{orderReference(booked.order.id)}</strong>: {booked.tickets.length} ticket
          {booked.tickets.length === 1 ? '' : 's'} ({labelList(booked.tickets.map((t) => t.label))}).
        </p>
        <p className={booked.print.printed === 'queued' ? 'notice' : 'error'} role="status" data-testid="collect-print">
          {describePrint(booked.print)}
        </p>
        <button type="button" className="primary" autoFocus onClick={() => onBack()} data-testid="collect-next">
          Next customer <kbd>Enter</kbd>
        </button>
      </section>
    );
  }

  return (
    <section className="after-sale" aria-label={`Reservation ${found.reference}`} data-testid="collect-detail">
      <div className="toolbar">
        <button type="button" onClick={() => onBack()} data-testid="collect-back">
          ← Reservations <kbd>Esc</kbd>
        </button>
        <h1>
          {found.reference} <small>{found.customerName}{found.customerPhone ? ` · ${found.customerPhone}` : ''}</small>
        </h1>
      </div>
      <p className="muted">
        {found.eventTitle} · {dayHeading(found.startsAt, Date.now())} {formatTime(found.startsAt)}
        {found.deadlineAt ? ` · held until ${formatTime(found.deadlineAt)}` : ''}
      </p>
      {detail.error && <p className="error" role="alert">{detail.error}</p>}
      {endedElsewhere && (
        <p className="error" role="alert" data-testid="collect-ended">
          This reservation was {endedElsewhere} at another window while it was open here.
        </p>
      )}
      <form className="panel" onSubmit={pay} aria-label="Pay for the reservation">
        <ul className="new-seats" data-testid="collect-seats">
          {units.map((u) => (
            <li key={u.unitId} data-testid="collect-seat">
              <span className="seat">{u.label}</span>
              <BandPicker
                label={u.label}
                category={u.category}
                bands={bands}
                value={bandOf(u.unitId, u.category)}
                onChange={(value) => setChosenBands((c) => ({ ...c, [u.unitId]: value }))}
                money={money}
              />
            </li>
          ))}
        </ul>
        <p className="total-line">
          Total <strong data-testid="collect-total">{money(total)}</strong>
        </p>
        <div className="choices" role="radiogroup" aria-label="Customer pays by">
          {(['card', 'cash'] as const).map((m) => (
            <label key={m} className={method === m ? 'choice chosen' : 'choice'}>
              <input type="radio" name="collect-method" checked={method === m} onChange={() => setMethod(m)} data-testid={`collect-method-${m}`} />
              {m === 'cash' ? 'Cash' : 'Card'}
            </label>
          ))}
        </div>
        {method === 'cash' && (
          <label>
            Cash handed over (optional)
            <input inputMode="decimal" value={tendered} onChange={(e) => setTendered(e.target.value)} data-testid="collect-tendered" />
          </label>
        )}
        {checking && (
          <p className="checking" role="status" data-testid="collect-checking">
            {checking}
          </p>
        )}
        {error && <p className="error" role="alert" data-testid="collect-error">{error}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !units.length} data-testid="collect-pay">
            Pay {money(total)} and print <kbd>F8</kbd>
          </button>
          <button type="button" className={confirmCancel ? 'danger' : ''} onClick={() => void cancel()} disabled={busy || !!endedElsewhere} data-testid="collect-cancel">
            {confirmCancel ? 'Yes, cancel the reservation' : 'Cancel reservation'} <kbd>F4</kbd>
          </button>
          {confirmCancel && (
            <span className="muted" role="status">
              Press again to cancel {found.reference}; <kbd>Esc</kbd> keeps it.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
