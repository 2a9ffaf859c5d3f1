import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';
import { digitKeys, useShortcuts } from '../../kit/shortcuts.ts';
import { dayHeading, formatMoney, formatTime } from '../../format.ts';
import { bridge, call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { ApprovalFields } from '../orders/ApprovalFields.tsx';
import { Basket } from './Basket.tsx';
import { DonePanel } from './DonePanel.tsx';
import { GaSteppers } from './GaSteppers.tsx';
import { LateSaleConfirm } from './LateSaleConfirm.tsx';
import { MapLegend } from './MapLegend.tsx';
import { PayPanel } from './PayPanel.tsx';
import { ReservePanel } from './ReservePanel.tsx';
import type { SeatLook } from './SeatGlyph.tsx';
import { SeatMapCanvas } from './SeatMapCanvas.tsx';
import { StatusStrip } from './StatusStrip.tsx';
import { KEYS } from './types.ts';
import { useBasket } from './use-basket.ts';
import { useCheckout } from './use-checkout.ts';
import { useHold } from './use-hold.ts';

interface Props {
  performanceId: string;
  currency: string;
  onBack(): void;
}

/** One performance at the counter: the map, the basket, payment or reservation, and the result. */
export function SellPerformance({ performanceId, currency, onBack }: Props) {
  const map = useAsync(() => call('getSeatMap', { performanceId }), [performanceId]);
  const bands = useAsync(() => call('listPriceBands', { performanceId }), [performanceId]);
  const hold = useHold(performanceId, map.data, map.reload);
  const { state } = hold;
  const basket = useBasket(state.items, bands.data);
  const [mode, setMode] = useState<'basket' | 'reserve'>('basket');
  // True once the cashier has started paying (a field of the pay panel has the focus or text, or a
  // part is paid): the digits then belong to the amount, never to best-available.
  const [paying, setPaying] = useState(false);
  const checkout = useCheckout(
    basket,
    { holdId: state.holdId, setError: hold.setError, reset: hold.reset },
    () => {
      setMode('basket');
      map.reload();
    },
    map.reload,
  );
  const { done, print } = checkout;

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

  const onSeat = useCallback(
    (seat: SeatOnMap) => {
      const look = lookOf(seat);
      if (look === 'available') void hold.take([seat]);
      else if (look === 'mine') void hold.give([seat.unitId]);
    },
    [lookOf, hold.take, hold.give],
  );

  const ready = !!map.data && !!bands.data;
  const payShown = basket.lines.length > 0 && mode === 'basket';
  useShortcuts(
    // While the panel asks about a late sale, its own Esc and Enter answer it.
    done || checkout.late !== null
      ? {}
      : {
          Escape: () => (mode === 'reserve' ? setMode('basket') : onBack()),
          // Digits hold the best N seats, but never while the cashier is paying: "50" typed for the
          // cash handed over must not turn a basket of 2 into 7 (T puts the focus on Cash received).
          ...digitKeys(mode === 'basket' && ready && !(payShown && paying) && ((n) => void hold.best(n))),
          x: () => void hold.extend(),
          Delete: () => void hold.clear(),
        },
  );

  const loadProblem = map.error ?? bands.error;
  if (loadProblem) return <p className="error" role="alert">{loadProblem}</p>;
  // The map waits for the price bands too: a seat taken before they came could not be paid for yet.
  if (!map.data || !bands.data) return <p className="muted">Loading seat map…</p>;
  const p = map.data.performance;
  const gaAreas = map.data.areas.filter((a) => a.capacity > 0);
  const busy = state.busy || checkout.working;

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
      {checkout.checking && (
        <p className="checking" role="status" data-testid="sale-checking">
          {checkout.checking}
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
          <MapLegend categories={map.data.categories} bands={bands.data ?? []} currency={currency} />
        </div>
        <aside className="sell-side">
          {done && print ? (
            <DonePanel currency={currency} done={done} print={print} retrying={checkout.retrying} onRetry={() => void checkout.retryPrint()} onNext={checkout.next} />
          ) : (
            <>
              {gaAreas.length > 0 && (
                <GaSteppers areas={gaAreas} items={state.items} busy={busy} onAdd={(a) => void hold.addPlace(a)} onGiveBack={(id) => void hold.give([id])} />
              )}
              <Basket
                lines={basket.lines}
                currency={currency}
                taxMinor={basket.taxMinor}
                totalMinor={basket.totalMinor}
                discountedTotal={basket.discountedTotal}
                discountCode={basket.discountCode}
                onDiscountCode={basket.setDiscountCode}
                onApplyDiscount={checkout.applyDiscount}
                onBand={basket.chooseBand}
                onRemove={(unitId) => void hold.give([unitId])}
                onClear={() => void hold.clear()}
                busy={busy}
              />
              {checkout.late !== null && <LateSaleConfirm sentence={checkout.late} onAnswer={checkout.answerLate} />}
              {basket.lines.length > 0 &&
                checkout.late === null &&
                (mode === 'reserve' ? (
                  <ReservePanel busy={busy} onReserve={checkout.reserve} onCancel={() => setMode('basket')} />
                ) : (
                  <PayPanel dueMinor={basket.dueMinor} currency={currency} busy={busy} onPay={checkout.pay} onReserve={() => setMode('reserve')} onPaying={setPaying} />
                ))}
              {checkout.approval && mode === 'basket' && <ApprovalFields value={checkout.approval} onChange={checkout.setApproval} />}
              {basket.lines.length > 0 && basket.discountedTotal !== null && (
                <p className="muted">
                  Code {basket.discountCode} applied: {formatMoney(basket.discountedTotal, currency)} to pay.
                </p>
              )}
            </>
          )}
        </aside>
      </div>
      <StatusStrip expiresAt={state.expiresAt} onExtend={() => void hold.extend()} onExpired={hold.expired} />
    </section>
  );
}
