import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { orderReference } from '../../../src-shared/contract/orders.ts';
import { dayHeading, formatMoney, formatTime } from '../../format.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { errorText } from './after-sale-kit.ts';
import { describePrint } from './print-order.ts';
import { ApprovalFields, type ApprovalDraft } from './ApprovalFields.tsx';
import { sendSale } from '../send-sale.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { bandTotal, bandsForSeat, defaultBand, priceBands } from '../../../src-shared/pricing/index.ts';

type Order = OutputOf<'getOrder'>['order'];
type Ticket = OutputOf<'getOrder'>['tickets'][number];
type Hold = OutputOf<'holdBestAvailable'>;
type Band = OutputOf<'listPriceBands'>[number];

interface Props {
  order: Order;
  tickets: Ticket[];
  onDone(message: string, newOrderId?: string): void;
  onCancel(): void;
}

/**
 * Swap the picked tickets for the best free seats of the same or another performance: the new
 * seats are held first, so the customer can see them before anything changes hands.
 */
export function ExchangePanel({ order, tickets, onDone, onCancel }: Props) {
  const performances = useAsync(() => call('listPerformances', { days: 90 }), []);
  const [performanceId, setPerformanceId] = useState(order.performanceId);
  const [hold, setHold] = useState<Hold | null>(null);
  const [bands, setBands] = useState<Band[]>([]);
  const [bandIds, setBandIds] = useState<string[]>([]);
  // The plan category of each held seat, in the hold's order: it decides which bands apply.
  const [categories, setCategories] = useState<string[]>([]);
  const [method, setMethod] = useState<'cash' | 'card'>('card');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  // Asked for only when the core says the money handed back is over the cashier limit.
  const [approval, setApproval] = useState<ApprovalDraft | null>(null);
  const heldRef = useRef<string | null>(null);
  const money = (minor: number) => formatMoney(minor, order.currency);

  // Seats held for an exchange that never happened go straight back on sale.
  useEffect(
    () => () => {
      if (heldRef.current) void call('releaseHold', { holdId: heldRef.current }).catch(() => undefined);
    },
    [],
  );

  async function findSeats() {
    setBusy(true);
    setError(null);
    try {
      if (heldRef.current) {
        await call('releaseHold', { holdId: heldRef.current });
        heldRef.current = null;
        setHold(null);
      }
      const [held, list, map] = await Promise.all([
        call('holdBestAvailable', { performanceId, quantity: tickets.length }),
        call('listPriceBands', { performanceId }),
        call('getSeatMap', { performanceId }),
      ]);
      heldRef.current = held.holdId;
      const categoryOf = new Map(map.seats.map((seat) => [seat.unitId, seat.category]));
      const heldCategories = held.unitIds.map((unitId) => categoryOf.get(unitId) ?? '');
      setHold(held);
      setBands(list);
      setCategories(heldCategories);
      // Keep each ticket's band when the new seat can be sold at one of the same name.
      setBandIds(heldCategories.map((category, i) => defaultBand(list, category, tickets[i]?.bandName)?.id ?? ''));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const oldTotal = tickets.reduce((sum, t) => sum + t.totalMinor, 0);
  // The core's own rule (src-shared/pricing), to show the difference; the core settles its own figure.
  const newTotal = priceBands(bandIds.flatMap((id) => bands.filter((b) => b.id === id))).totalMinor;
  const difference = newTotal - oldTotal;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!hold) {
      void findSeats();
      return;
    }
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      // One request key for this exchange, retried by itself if the answer is lost.
      const result = await sendSale(
        'exchangeTickets',
        {
          orderId: order.id,
          ticketIds: tickets.map((t) => t.id),
          holdId: hold.holdId,
          lines: hold.unitIds.map((unitId, i) => ({ unitId, priceBandId: bandIds[i]! })),
          // No amount: the payment takes the difference as the core prices it.
          ...(difference > 0 ? { payments: [{ method }] } : {}),
          ...(difference < 0 ? { refundMethod: method } : {}),
          ...(approval?.staffId && approval.pin ? { approval } : {}),
        },
        setChecking,
      );
      heldRef.current = null;
      const settle =
        result.differenceMinor > 0 ? `; took ${money(result.differenceMinor)}` : result.differenceMinor < 0 ? `; gave back ${money(-result.differenceMinor)}` : '';
      onDone(
        `Exchanged for ${result.tickets.map((t) => t.label).join(', ')} on new order ${orderReference(result.newOrder.id)}${settle}. ${describePrint(result.print, 'The new tickets')}`,
        result.newOrder.id,
      );
    } catch (err) {
      setError(errorText(err));
      if (err instanceof MarqueeError && err.code === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
    } finally {
      setBusy(false);
    }
  }

  const now = Date.now();
  return (
    <form className="panel" onSubmit={submit} aria-label="Exchange" data-testid="exchange-panel">
      <h3>
        Exchange {tickets.length} ticket{tickets.length === 1 ? '' : 's'} ({tickets.map((t) => t.label).join(', ')})
      </h3>
      <label>
        Performance
        <select
          value={performanceId}
          onChange={(e) => {
            setPerformanceId(e.target.value);
            setHold(null);
          }}
          data-testid="exchange-performance"
        >
          {(performances.data ?? []).map((p) => (
            <option key={p.id} value={p.id} disabled={p.state !== 'on_sale'}>
              {p.eventTitle} · {dayHeading(p.startsAt, now)} {formatTime(p.startsAt)} · {p.counts.available} free
              {p.id === order.performanceId ? ' (this show)' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="button" onClick={() => void findSeats()} disabled={busy} data-testid="exchange-find-seats">
          {hold ? 'Other seats' : 'Find best seats'}
        </button>
      </div>
      {hold && (
        <>
          <ul className="new-seats" data-testid="exchange-seats">
            {hold.labels.map((label, i) => (
              <li key={label}>
                <span className="seat">{label}</span>
                <select
                  value={bandIds[i] ?? ''}
                  onChange={(e) => setBandIds((ids) => ids.map((id, j) => (j === i ? e.target.value : id)))}
                  aria-label={`Price band for ${label}`}
                >
                  {bandsForSeat(bands, categories[i] ?? '').map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name} {money(bandTotal(b))}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <p data-testid="exchange-difference">
            {difference === 0
              ? 'Same price: nothing to pay.'
              : difference > 0
                ? `Customer pays ${money(difference)} more.`
                : `Give back ${money(-difference)}.`}
          </p>
          {difference !== 0 && (
            <div className="choices" role="radiogroup" aria-label={difference > 0 ? 'Customer pays by' : 'Give the money back by'}>
              {(['card', 'cash'] as const).map((m) => (
                <label key={m} className={method === m ? 'choice chosen' : 'choice'}>
                  <input type="radio" name="exchange-method" checked={method === m} onChange={() => setMethod(m)} />
                  {m === 'cash' ? 'Cash' : 'Card'}
                </label>
              ))}
            </div>
          )}
        </>
      )}
      {approval && <ApprovalFields value={approval} onChange={setApproval} />}
      {checking && (
        <p className="checking" role="status" data-testid="exchange-checking">
          {checking}
        </p>
      )}
      {error && <p className="error" role="alert" data-testid="exchange-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !hold} data-testid="confirm-exchange">
          Exchange <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          Not now <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
