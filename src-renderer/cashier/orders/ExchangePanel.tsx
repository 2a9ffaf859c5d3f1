import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { labelList } from '../../../src-shared/seat-label.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { orderReference } from '../../../src-shared/contract/orders.ts';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';
import { dayHeading, formatMoney, formatTime } from '../../format.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { errorText } from './after-sale-kit.ts';
import { describePrint } from './print-order.ts';
import { ApprovalFields, type ApprovalDraft } from './ApprovalFields.tsx';
import { sendSale } from '../send-sale.ts';
import { SeatMapCanvas } from '../sell/SeatMapCanvas.tsx';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { defaultBand, priceBands } from '../../../src-shared/pricing/index.ts';
import { BandPicker } from './BandPicker.tsx';
import { categoryOfUnit, exchangeLook, mapSells, refusal, seatChoice, usualCategory, type Choice, type SeatMap } from './exchange-seats.ts';

type Order = OutputOf<'getOrder'>['order'];
type Ticket = OutputOf<'getOrder'>['tickets'][number];
type Band = OutputOf<'listPriceBands'>[number];

interface Props {
  order: Order;
  tickets: Ticket[];
  onDone(message: string, newOrderId?: string): void;
  onCancel(): void;
}

/**
 * Swap the picked tickets for seats the cashier chooses on the map of the same or another
 * performance, offered in the tickets' own price category first. The difference shows as the
 * seats are chosen; nothing is held until the cashier confirms, and then the hold and the
 * exchange follow each other at once. Performances that have started are never offered.
 */
export function ExchangePanel({ order, tickets, onDone, onCancel }: Props) {
  const now = Date.now();
  const performances = useAsync(() => call('listPerformances', { days: 90 }), []);
  const oldMap = useAsync(() => call('getSeatMap', { performanceId: order.performanceId }), [order.performanceId]);
  const offered = (performances.data ?? []).filter((p) => p.state === 'on_sale' && p.startsAt > now);
  const [performanceId, setPerformanceId] = useState(order.performanceId);
  const [map, setMap] = useState<SeatMap | null>(null);
  const [bands, setBands] = useState<Band[]>([]);
  const [chosen, setChosen] = useState<Choice[]>([]);
  const [bandIds, setBandIds] = useState<string[]>([]);
  const [anyCategory, setAnyCategory] = useState(false);
  const [method, setMethod] = useState<'cash' | 'card'>('card');
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  // Asked for only when the core says the money handed back is over the cashier limit.
  const [approval, setApproval] = useState<ApprovalDraft | null>(null);
  const heldRef = useRef<string | null>(null);
  const money = (minor: number) => formatMoney(minor, order.currency);
  const usual = useMemo(() => (oldMap.data ? usualCategory(tickets.map((t) => categoryOfUnit(oldMap.data!, t.unitId))) : null), [oldMap.data, tickets]);
  // Offered in the tickets' own category where this performance sells it; elsewhere (a standing
  // venue, another plan) any category.
  const wanted = usual && map && mapSells(map, usual) ? usual : null;

  // A started (or the original, now started) performance is not offered: move to the first one that is.
  useEffect(() => {
    if (performances.data && offered.length > 0 && !offered.some((p) => p.id === performanceId)) setPerformanceId(offered[0]!.id);
    // Only when the list arrives: a later choice of the cashier is left alone.
  }, [performances.data]);

  useEffect(() => {
    let live = true;
    setMap(null);
    setChosen([]);
    setBandIds([]);
    Promise.all([call('getSeatMap', { performanceId }), call('listPriceBands', { performanceId })])
      .then(([m, b]) => {
        if (!live) return;
        setMap(m);
        setBands(b);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [performanceId]);

  // Seats held for an exchange that never happened go straight back on sale.
  useEffect(
    () => () => {
      if (heldRef.current) void call('releaseHold', { holdId: heldRef.current }).catch(() => undefined);
    },
    [],
  );

  /** The new places, each at the band of its old ticket's name when that band applies. */
  function choose(next: Choice[]) {
    setChosen(next);
    setBandIds(next.map((c, i) => defaultBand(bands, c.category, tickets[i]?.bandName)?.id ?? ''));
  }

  const chosenIds = useMemo(() => new Set(chosen.map((c) => c.unitId)), [chosen]);
  const lookOf = (seat: SeatOnMap) => exchangeLook(seat, chosenIds);

  function onSeat(seat: SeatOnMap) {
    if (chosenIds.has(seat.unitId)) {
      choose(chosen.filter((c) => c.unitId !== seat.unitId));
      setHint(null);
      return;
    }
    const why = refusal(seat, lookOf(seat), wanted, anyCategory, chosen.length >= tickets.length);
    setHint(why);
    if (!why) choose([...chosen, seatChoice(seat)]);
  }

  function onSeats(seats: SeatOnMap[]) {
    const room = tickets.length - chosen.length;
    const fits = seats.filter((s) => !chosenIds.has(s.unitId) && !refusal(s, lookOf(s), wanted, anyCategory, false)).slice(0, room);
    if (fits.length > 0) choose([...chosen, ...fits.map(seatChoice)]);
  }

  /** The best free places of the category (or any): a suggestion, nothing held. */
  async function suggest() {
    if (!map) return;
    setError(null);
    try {
      const category = anyCategory ? undefined : (wanted ?? undefined);
      const s = await call('suggestBestAvailable', { performanceId, quantity: tickets.length, ...(category ? { category } : {}) });
      const seats = new Map(map.seats.map((seat) => [seat.unitId, seat]));
      const areas = new Map(map.areas.map((a) => [a.id, a]));
      choose(
        s.unitIds.map((unitId, i) => {
          const seat = seats.get(unitId);
          if (seat) return seatChoice(seat);
          const area = areas.get(s.areaIds?.[i] ?? '');
          return { unitId, label: s.labels[i] ?? area?.name ?? `Place ${unitId}`, category: area ? (area.category ?? area.name) : '', areaId: area?.id ?? null };
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
  }

  const oldTotal = tickets.reduce((sum, t) => sum + t.totalMinor, 0);
  // The core's own rule (src-shared/pricing), to show the difference; the core settles its own figure.
  const newTotal = priceBands(bandIds.flatMap((id) => bands.filter((b) => b.id === id))).totalMinor;
  const difference = newTotal - oldTotal;
  const complete = chosen.length === tickets.length && bandIds.every(Boolean);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!complete) {
      setHint(`Choose ${tickets.length - chosen.length} more seat${tickets.length - chosen.length === 1 ? '' : 's'} on the map.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Held only now, after the cashier saw the seats and the difference.
      const hold = await call('holdSeats', { performanceId, unitIds: chosen.map((c) => c.unitId) });
      heldRef.current = hold.holdId;
      // One request key for this exchange, retried by itself if the answer is lost.
      const result = await sendSale(
        'exchangeTickets',
        {
          orderId: order.id,
          ticketIds: tickets.map((t) => t.id),
          holdId: hold.holdId,
          lines: chosen.map((c, i) => ({ unitId: c.unitId, priceBandId: bandIds[i]! })),
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
        `Exchanged for ${labelList(result.tickets.map((t) => t.label))} on new order ${orderReference(result.newOrder.id)}${settle}. ${describePrint(result.print, 'The new tickets')}`,
        result.newOrder.id,
      );
    } catch (err) {
      setError(errorText(err));
      // Nothing stays held after a refusal: the seats go back on sale until the cashier tries again.
      const held = heldRef.current;
      heldRef.current = null;
      if (held) void call('releaseHold', { holdId: held }).catch(() => undefined);
      if (err instanceof MarqueeError && err.code === 'SEATS_UNAVAILABLE') {
        choose([]);
        setMap(await call('getSeatMap', { performanceId }).catch(() => map));
      }
      if (err instanceof MarqueeError && err.code === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel exchange" onSubmit={submit} aria-label="Exchange" data-testid="exchange-panel">
      <h3>
        Exchange {tickets.length} ticket{tickets.length === 1 ? '' : 's'} ({labelList(tickets.map((t) => t.label))})
      </h3>
      <label>
        Performance
        <select value={performanceId} onChange={(e) => setPerformanceId(e.target.value)} data-testid="exchange-performance">
          {offered.map((p) => (
            <option key={p.id} value={p.id}>
              {p.eventTitle} · {dayHeading(p.startsAt, now)} {formatTime(p.startsAt)} · {p.counts.available} free
              {p.id === order.performanceId ? ' (this show)' : ''}
            </option>
          ))}
        </select>
      </label>
      {performances.data && offered.length === 0 && <p className="error">No performance that has not started is on sale: nothing to exchange into.</p>}
      <div className="actions">
        <span data-testid="exchange-category">
          {wanted ? (
            <>
              Offering <strong>{wanted}</strong>, the tickets’ category
            </>
          ) : usual && map ? (
            `No ${usual} at this performance: any category`
          ) : (
            'Any category'
          )}
        </span>
        <label className="check">
          <input type="checkbox" checked={anyCategory} onChange={(e) => setAnyCategory(e.target.checked)} data-testid="exchange-any-category" /> Any category
        </label>
        <button type="button" onClick={() => void suggest()} disabled={!map || busy} data-testid="exchange-find-seats">
          Suggest best seats
        </button>
      </div>
      {map && (
        <div className="exchange-map" data-testid="exchange-map">
          <SeatMapCanvas map={map} lookOf={lookOf} onSeat={onSeat} onSeats={onSeats} active={!busy} />
        </div>
      )}
      {hint && (
        <p className="muted" role="status" data-testid="exchange-hint">
          {hint}
        </p>
      )}
      <ul className="new-seats" data-testid="exchange-seats">
        {chosen.map((c, i) => (
          <li key={c.unitId} data-testid="exchange-seat" data-unit={c.unitId}>
            <span className="old">{tickets[i]?.label} →</span>
            <span className="seat">{c.label}</span>
            <BandPicker
              label={c.label}
              category={c.category}
              bands={bands}
              value={bandIds[i] ?? ''}
              onChange={(value) => setBandIds((ids) => ids.map((id, j) => (j === i ? value : id)))}
              money={money}
            />
          </li>
        ))}
      </ul>
      <p data-testid="exchange-difference" data-difference={complete ? difference : undefined}>
        {!complete
          ? `Choose ${tickets.length - chosen.length} seat${tickets.length - chosen.length === 1 ? '' : 's'} on the map (was ${money(oldTotal)}).`
          : difference === 0
            ? `Same price (${money(newTotal)}): nothing to pay.`
            : difference > 0
              ? `New seats ${money(newTotal)}, was ${money(oldTotal)}: customer pays ${money(difference)} more.`
              : `New seats ${money(newTotal)}, was ${money(oldTotal)}: give back ${money(-difference)}.`}
      </p>
      {complete && difference !== 0 && (
        <div className="choices" role="radiogroup" aria-label={difference > 0 ? 'Customer pays by' : 'Give the money back by'}>
          {(['card', 'cash'] as const).map((m) => (
            <label key={m} className={method === m ? 'choice chosen' : 'choice'}>
              <input type="radio" name="exchange-method" checked={method === m} onChange={() => setMethod(m)} />
              {m === 'cash' ? 'Cash' : 'Card'}
            </label>
          ))}
        </div>
      )}
      {approval && <ApprovalFields value={approval} onChange={setApproval} />}
      {checking && (
        <p className="checking" role="status" data-testid="exchange-checking">
          {checking}
        </p>
      )}
      {error && <p className="error" role="alert" data-testid="exchange-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !complete} data-testid="confirm-exchange">
          Exchange <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          Not now <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
