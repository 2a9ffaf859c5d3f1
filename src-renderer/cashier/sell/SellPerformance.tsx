import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { dayHeading, formatMoney, formatTime } from '../../format.ts';
import { bridge, call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Basket, basketLines, basketTotals } from './Basket.tsx';
import { DonePanel } from './DonePanel.tsx';
import { isPlainKey } from './keys.ts';
import { PayPanel } from './PayPanel.tsx';
import { ReservePanel } from './ReservePanel.tsx';
import { LookSample, lookWords, type SeatLook } from './SeatGlyph.tsx';
import { SeatMapCanvas } from './SeatMapCanvas.tsx';
import { StatusStrip } from './StatusStrip.tsx';
import { KEYS, type PrintOutcome, type Reservation, type Sale, type Tender } from './types.ts';
import { errorWords, useHold } from './use-hold.ts';
import { ApprovalFields, type ApprovalDraft } from '../orders/ApprovalFields.tsx';
import { sendSale } from '../send-sale.ts';

interface Props {
  performanceId: string;
  currency: string;
  onBack(): void;
}

type Done = { kind: 'sale'; sale: Sale } | { kind: 'reservation'; reservation: Reservation };

/** One performance at the counter: the map, the basket, payment or reservation, and the result. */
export function SellPerformance({ performanceId, currency, onBack }: Props) {
  const map = useAsync(() => call('getSeatMap', { performanceId }), [performanceId]);
  const bands = useAsync(() => call('listPriceBands', { performanceId }), [performanceId]);
  const hold = useHold(performanceId, map.data, map.reload);
  const { state } = hold;
  const [chosenBands, setChosenBands] = useState<Map<number, string>>(new Map());
  const [discountCode, setDiscountCode] = useState('');
  const [approval, setApproval] = useState<ApprovalDraft | null>(null);
  // The core's quote for the basket with the applied code: the total and tax to charge.
  const [discount, setDiscount] = useState<{ key: string; dueMinor: number; taxMinor: number } | null>(null);
  const [mode, setMode] = useState<'basket' | 'reserve'>('basket');
  const [done, setDone] = useState<Done | null>(null);
  const [print, setPrint] = useState<PrintOutcome | null>(null);
  const [working, setWorking] = useState(false);
  const [retrying, setRetrying] = useState(false);
  // While a lost answer is being asked for again: the sentence the cashier reads meanwhile.
  const [checking, setChecking] = useState<string | null>(null);

  // Another station's hold, sale or release: redraw within the event's round trip.
  useEffect(
    () =>
      bridge.on('unitsChanged', (payload) => {
        if (payload.performanceId === performanceId) map.reload();
      }),
    [performanceId, map.reload],
  );

  const { mapCaughtUp } = hold;
  useEffect(() => {
    if (map.data) mapCaughtUp(map.data);
  }, [map.data, mapCaughtUp]);

  const mine = useMemo(() => new Set(state.items.map((i) => i.unitId)), [state.items]);
  const lookOf = useCallback(
    (s: SeatOnMap): SeatLook => {
      if (state.pendingGive.has(s.unitId)) return 'available';
      if (state.released.has(s.unitId) && s.state === 'held' && s.heldByMe) return 'available';
      if (state.pendingTake.has(s.unitId)) return 'mine';
      // In the basket already, even before the map has caught up with the hold.
      if (mine.has(s.unitId) && (s.state === 'held' || s.state === 'available')) return 'mine';
      if (s.state === 'held') return s.heldByMe ? 'mine' : 'held';
      return s.state;
    },
    [state.pendingGive, state.pendingTake, state.released, mine],
  );

  const lines = useMemo(() => basketLines(state.items, bands.data ?? [], chosenBands), [state.items, bands.data, chosenBands]);
  const totals = basketTotals(lines);
  const saleLines = lines.filter((l) => l.band).map((l) => ({ unitId: l.item.unitId, priceBandId: l.band!.id }));
  const basketKey = JSON.stringify([saleLines, discountCode.trim()]);
  const applied = discount && discount.key === basketKey ? discount : null;
  const discountedTotal = applied ? applied.dueMinor : null;
  const dueMinor = discountedTotal ?? totals.totalMinor;
  const busy = state.busy || working;

  const onSeat = useCallback(
    (seat: SeatOnMap) => {
      const look = lookOf(seat);
      if (look === 'available') void hold.take([seat]);
      else if (look === 'mine') void hold.give([seat.unitId]);
    },
    [lookOf, hold.take, hold.give],
  );

  function finish(result: Done, outcome: PrintOutcome) {
    setDone(result);
    setPrint(outcome);
    setMode('basket');
    setDiscount(null);
    setDiscountCode('');
    setApproval(null);
    setChosenBands(new Map());
    hold.reset();
    map.reload();
  }

  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    setWorking(true);
    hold.setError(null);
    try {
      return await work();
    } catch (e) {
      hold.setError(errorWords(e));
      if (e instanceof MarqueeError && e.code === 'SEATS_UNAVAILABLE') map.reload();
      return undefined;
    } finally {
      setWorking(false);
    }
  }

  function check(): string | null {
    if (!state.holdId || lines.length === 0) return 'The basket is empty: choose seats first.';
    const unpriced = lines.find((l) => !l.band);
    if (unpriced) return `There is no price band for ${unpriced.item.label}.`;
    return null;
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

  function pay(tenders: Tender[]) {
    const problem = check();
    if (problem) return hold.setError(problem);
    void attempt(async () => {
      try {
        // One request key for this press of Pay: retried by itself with the same key if the answer is lost.
        const sale = await sendSale(
          'bookSeats',
          {
            holdId: state.holdId!,
            lines: saleLines,
            payments: restToCore(tenders),
            ...(discountCode.trim() ? { discountCode: discountCode.trim() } : {}),
            ...(approval?.staffId && approval.pin ? { approval } : {}),
          },
          setChecking,
        );
        setApproval(null);
        finish({ kind: 'sale', sale }, sale.print);
      } catch (e) {
        // Giving priced seats away needs a manager: ask for their PIN here, at this window.
        if (e instanceof MarqueeError && e.code === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
        throw e;
      }
    });
  }

  // The core prices the code (validity, use limits, tax on the discounted price) and writes nothing.
  function applyDiscount() {
    const problem = check();
    if (problem) return hold.setError(problem);
    void attempt(async () => {
      const quote = await call('quoteSale', { holdId: state.holdId!, lines: saleLines, discountCode: discountCode.trim() });
      setDiscount({ key: basketKey, dueMinor: quote.totalMinor, taxMinor: quote.taxMinor });
    });
  }

  function reserve(customer: { name: string; phone?: string; email?: string }) {
    const problem = check();
    if (problem) return hold.setError(problem);
    void attempt(async () => {
      const reservation = await sendSale('reserveSeats', { holdId: state.holdId!, customer }, setChecking);
      finish({ kind: 'reservation', reservation }, reservation.print);
    });
  }

  async function retryPrint() {
    if (!done) return;
    setRetrying(true);
    try {
      if (done.kind === 'sale') setPrint(await call('printOrder', { orderId: done.sale.order.id }));
    } catch (e) {
      setPrint({ printed: 'failed', jobSetId: null, problem: errorWords(e) });
    } finally {
      setRetrying(false);
    }
  }

  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!isPlainKey(e) || done) return;
      if (e.key === 'Escape') {
        if (mode === 'reserve') setMode('basket');
        else onBack();
      } else if (/^[1-9]$/.test(e.key) && mode === 'basket' && map.data && bands.data) void hold.best(Number(e.key));
      else if (e.key.toLowerCase() === 'x') void hold.extend();
      else if (e.key === 'Delete') void hold.clear();
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const loadProblem = map.error ?? bands.error;
  if (loadProblem) return <p className="error" role="alert">{loadProblem}</p>;
  // The map waits for the price bands too: a seat taken before they came could not be paid for yet.
  if (!map.data || !bands.data) return <p className="muted">Loading seat map…</p>;
  const p = map.data.performance;
  const gaAreas = map.data.areas.filter((a) => a.capacity > 0);
  const money = (m: number) => formatMoney(m, currency);

  return (
    <section className="sell" aria-label="Sell">
      <div className="toolbar">
        <button type="button" onClick={onBack} data-testid="back">
          ← Performances <kbd>Esc</kbd>
        </button>
        <h1 data-testid="performance-heading">
          {p.eventTitle}{' '}
          <small>
            {dayHeading(p.startsAt, Date.now())} {formatTime(p.startsAt)} · {p.venueName}
          </small>
        </h1>
        <span className="counts" data-testid="map-counts">
          {p.counts.available} of {p.counts.capacity} available
        </span>
      </div>
      {checking && (
        <p className="checking" role="status" data-testid="sale-checking">
          {checking}
        </p>
      )}
      {state.error && (
        <p className="error" role="alert" data-testid="sell-error">
          {state.error}
        </p>
      )}
      <div className="sell-layout">
        <div className="sell-map-column">
          <div className="best" role="group" aria-label="Best available">
            <span>Best available</span>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <button type="button" key={n} disabled={busy || !!done} onClick={() => void hold.best(n)} data-testid={`best-${n}`}>
                {n} <kbd>{n}</kbd>
              </button>
            ))}
          </div>
          <SeatMapCanvas map={map.data} lookOf={lookOf} onSeat={onSeat} onSeats={(seats) => void hold.take(seats)} active={!done} />
          <p className="map-keys" data-testid="map-keys">
            Keyboard: <kbd>{KEYS.focusMap}</kbd> seat map · <kbd>{KEYS.moveSeat}</kbd> move between seats · <kbd>Space</kbd> or <kbd>Enter</kbd> take
            or give back the seat
          </p>
          <ul className="legend" aria-label="Legend">
            {map.data.categories.map((c) => (
              <li key={c.name}>
                <svg width="18" height="18" aria-hidden="true">
                  <circle cx="9" cy="9" r="7" fill={c.color} />
                </svg>
                {c.name}
              </li>
            ))}
            {(['mine', 'held', 'reserved', 'booked', 'blocked'] as const).map((look) => (
              <li key={look}>
                <LookSample look={look} />
                {lookWords[look]}
              </li>
            ))}
            <li>♿ wheelchair</li>
            <li>! restricted view</li>
          </ul>
        </div>
        <aside className="sell-side">
          {done && print ? (
            <DonePanel
              currency={currency}
              done={done}
              print={print}
              retrying={retrying}
              onRetry={() => void retryPrint()}
              onNext={() => {
                setDone(null);
                setPrint(null);
              }}
            />
          ) : (
            <>
              {gaAreas.length > 0 && (
                <section className="ga" aria-label="General admission">
                  {gaAreas.map((a) => {
                    const count = state.items.filter((i) => i.areaId === a.id).length;
                    return (
                      <div key={a.id} className="stepper" data-testid="ga-stepper" data-area={a.name}>
                        <span>
                          {a.name} <small>{a.available} free</small>
                        </span>
                        <button
                          type="button"
                          aria-label={`One fewer in ${a.name}`}
                          disabled={busy || count === 0}
                          onClick={() => {
                            const last = [...state.items].reverse().find((i) => i.areaId === a.id);
                            if (last) void hold.give([last.unitId]);
                          }}
                        >
                          −
                        </button>
                        <strong data-testid="ga-count">{count}</strong>
                        <button type="button" aria-label={`One more in ${a.name}`} disabled={busy || a.available === 0} onClick={() => void hold.addPlace(a)}>
                          +
                        </button>
                      </div>
                    );
                  })}
                </section>
              )}
              <Basket
                lines={lines}
                currency={currency}
                taxMinor={applied ? applied.taxMinor : totals.taxMinor}
                totalMinor={totals.totalMinor}
                discountedTotal={discountedTotal}
                discountCode={discountCode}
                onDiscountCode={setDiscountCode}
                onApplyDiscount={applyDiscount}
                onBand={(unitId, bandId) => setChosenBands((m) => new Map(m).set(unitId, bandId))}
                onRemove={(unitId) => void hold.give([unitId])}
              />
              {lines.length > 0 && (
                <div className="basket-actions">
                  <button type="button" onClick={() => void hold.clear()} disabled={busy} data-testid="clear-basket">
                    Give all back <kbd>Del</kbd>
                  </button>
                </div>
              )}
              {lines.length > 0 &&
                (mode === 'reserve' ? (
                  <ReservePanel busy={busy} onReserve={reserve} onCancel={() => setMode('basket')} />
                ) : (
                  <PayPanel dueMinor={dueMinor} currency={currency} busy={busy} onPay={pay} onReserve={() => setMode('reserve')} />
                ))}
              {approval && mode === 'basket' && <ApprovalFields value={approval} onChange={setApproval} />}
              {lines.length > 0 && discountedTotal !== null && <p className="muted">Code {discountCode} applied: {money(discountedTotal)} to pay.</p>}
            </>
          )}
        </aside>
      </div>
      <StatusStrip expiresAt={state.expiresAt} onExtend={() => void hold.extend()} onExpired={hold.expired} />
    </section>
  );
}
