import { useCallback, useRef, useState } from 'react';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { errorText } from '../../kit/error-text.ts';
import { call } from '../../transport/api.ts';
import type { BasketItem, SeatMap } from './types.ts';

export interface HoldState {
  holdId: string | null;
  expiresAt: number | null;
  items: BasketItem[];
  /** Seats shown as taken or given back before the core has answered. */
  pendingTake: ReadonlySet<number>;
  pendingGive: ReadonlySet<number>;
  /** Given back since the map was last loaded: the map may still say this window holds them. */
  released: ReadonlySet<number>;
  error: string | null;
  busy: boolean;
}

const empty: HoldState = { holdId: null, expiresAt: null, items: [], pendingTake: new Set(), pendingGive: new Set(), released: new Set(), error: null, busy: false };

/**
 * This window's hold on one performance: the basket. Operations run one after another so each
 * one knows the hold id the previous one got; a seat shows as taken the moment it is clicked and
 * goes back if the core refuses it (SEATS_UNAVAILABLE names the seats and the map refreshes).
 */
export function useHold(performanceId: string, map: SeatMap | null, reloadMap: () => void) {
  const [state, setState] = useState<HoldState>(empty);
  const current = useRef(state);
  current.current = state;
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const run = useCallback(
    (work: () => Promise<void>) => {
      setState((s) => ({ ...s, busy: true, error: null }));
      const next = chain.current.then(work).catch((e: unknown) => {
        setState((s) => ({ ...s, pendingTake: new Set(), pendingGive: new Set(), error: errorText(e) }));
        if (e instanceof MarqueeError && (e.code === 'SEATS_UNAVAILABLE' || e.code === 'CONFLICT')) reloadMap();
      });
      chain.current = next.finally(() => setState((s) => ({ ...s, busy: false })));
      return chain.current;
    },
    [reloadMap],
  );

  const seatItem = (seat: SeatOnMap): BasketItem => ({ unitId: seat.unitId, label: seat.label, category: seat.category, areaId: null });

  const addItems = (holdId: string, expiresAt: number, added: BasketItem[]) =>
    setState((s) => {
      const known = new Set(s.items.map((i) => i.unitId));
      const pendingTake = new Set(s.pendingTake);
      const released = new Set(s.released);
      for (const item of added) {
        pendingTake.delete(item.unitId);
        released.delete(item.unitId);
      }
      return { ...s, holdId, expiresAt, items: [...s.items, ...added.filter((i) => !known.has(i.unitId))], pendingTake, released };
    });

  const take = useCallback(
    (seats: SeatOnMap[]) => {
      const ids = seats.map((s) => s.unitId);
      setState((s) => ({ ...s, pendingTake: new Set([...s.pendingTake, ...ids]) }));
      return run(async () => {
        const r = await call('holdSeats', { performanceId, unitIds: ids, holdId: current.current.holdId ?? undefined });
        addItems(r.holdId, r.expiresAt, seats.map(seatItem));
      });
    },
    [performanceId, run],
  );

  const give = useCallback(
    (unitIds: number[]) => {
      setState((s) => ({ ...s, pendingGive: new Set([...s.pendingGive, ...unitIds]) }));
      return run(async () => {
        const holdId = current.current.holdId;
        if (holdId) await call('releaseHold', { holdId, unitIds });
        setState((s) => {
          const gone = new Set(unitIds);
          const items = s.items.filter((i) => !gone.has(i.unitId));
          const pendingGive = new Set([...s.pendingGive].filter((id) => !gone.has(id)));
          return { ...s, items, pendingGive, released: new Set([...s.released, ...unitIds]), ...(items.length === 0 ? { holdId: null, expiresAt: null } : {}) };
        });
      });
    },
    [run],
  );

  const best = useCallback(
    (quantity: number) =>
      run(async () => {
        const r = await call('holdBestAvailable', { performanceId, quantity, holdId: current.current.holdId ?? undefined });
        const seats = new Map((map?.seats ?? []).map((s) => [s.unitId, s]));
        const areas = new Map((map?.areas ?? []).map((a) => [a.id, a]));
        addItems(
          r.holdId,
          r.expiresAt,
          r.unitIds.map((id, i) => {
            const seat = seats.get(id);
            if (seat) return seatItem(seat);
            // A standing place best-available took: priced as its area, named as the core names it ("Standing, place 3").
            const area = areas.get(r.areaIds?.[i] ?? '');
            return area ? { unitId: id, label: r.labels[i] ?? area.name, category: area.category ?? area.name, areaId: area.id } : { unitId: id, label: r.labels[i] ?? `Place ${id}`, category: '', areaId: null };
          }),
        );
      }),
    [performanceId, run, map],
  );

  const addPlace = useCallback(
    (area: SeatMap['areas'][number]) =>
      run(async () => {
        const r = await call('holdSeats', { performanceId, places: [{ areaId: area.id, quantity: 1 }], holdId: current.current.holdId ?? undefined });
        addItems(r.holdId, r.expiresAt, r.unitIds.map((id, i) => ({ unitId: id, label: r.labels[i] ?? area.name, category: area.category ?? '', areaId: area.id })));
      }),
    [performanceId, run],
  );

  const extend = useCallback(
    () =>
      run(async () => {
        const holdId = current.current.holdId;
        if (!holdId) return;
        const r = await call('extendHold', { holdId });
        setState((s) => ({ ...s, expiresAt: r.expiresAt }));
      }),
    [run],
  );

  const clear = useCallback(
    () =>
      run(async () => {
        const holdId = current.current.holdId;
        if (holdId) await call('releaseHold', { holdId });
        setState((s) => ({ ...empty, released: new Set([...s.released, ...s.items.map((i) => i.unitId)]) }));
      }),
    [run],
  );

  /** After a sale or reservation the hold is gone: start an empty basket. */
  const reset = useCallback(() => setState(empty), []);
  /** The hold ran out while the customer was deciding. */
  const expired = useCallback(() => {
    setState({ ...empty, error: 'The hold ran out and its seats went back on sale; choose them again.' });
    reloadMap();
  }, [reloadMap]);
  /**
   * A freshly loaded map that no longer shows a given-back seat as ours has caught up with it. A
   * load that started before the release still shows it held by us: that one is not believed.
   */
  const mapCaughtUp = useCallback(
    (loaded: SeatMap) =>
      setState((s) => {
        if (s.released.size === 0) return s;
        const stillOurs = new Set(loaded.seats.filter((seat) => seat.state === 'held' && seat.heldByMe).map((seat) => seat.unitId));
        const released = new Set([...s.released].filter((id) => stillOurs.has(id)));
        return released.size === s.released.size ? s : { ...s, released };
      }),
    [],
  );
  const setError = useCallback((error: string | null) => setState((s) => ({ ...s, error })), []);

  return { state, take, give, best, addPlace, extend, clear, reset, expired, setError, mapCaughtUp };
}
