import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';
import { SeatGlyph, lookWords, type SeatLook } from './SeatGlyph.tsx';
import { isTyping } from './keys.ts';
import { firstSeat, isArrow, seatToward } from './seat-cursor.ts';
import type { SeatMap } from './types.ts';
import './seat-map.css';

interface Props {
  map: SeatMap;
  lookOf(seat: SeatOnMap): SeatLook;
  /** A click on one seat. */
  onSeat(seat: SeatOnMap): void;
  /** A rectangle dragged over several seats: the free ones among them. */
  onSeats(seats: SeatOnMap[]): void;
  /** False while the sale's result is shown: Enter then belongs to "next customer". */
  active: boolean;
}

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Drag = { kind: 'select' | 'pan'; startX: number; startY: number; sx: number; sy: number; view: View; moved: boolean };

/** Room round the plan's content for row labels and seat edges, in plan units. */
const MARGIN = 44;
/** Seat numbers show once the view is this much narrower than the whole plan. */
const NUMBERS_FROM_ZOOM = 2.2;

/**
 * The plan drawn in SVG at its own coordinates. Wheel or +/− zooms, Shift+drag (or the middle
 * button) pans, a click takes or gives back one seat, a drag draws a rectangle round several.
 * From the keyboard, S (or Tab) focuses the map, the arrows move a seat cursor and Space or Enter
 * takes or gives back the seat under it, the same path as a click.
 */
export function SeatMapCanvas({ map, lookOf, onSeat, onSeats, active }: Props) {
  // The whole plan and everything drawn on it (a seat or label past the plan's size is not cut off).
  // Kept while the box is the same: a reloaded map (every sale announces one) must not undo a zoom.
  const box = fitView(map);
  const fit = useMemo<View>(() => box, [box.x, box.y, box.w, box.h]);
  const rows = useMemo(() => rowEnds(map.seats, map.rowLabels ?? []), [map.seats, map.rowLabels]);
  const [view, setView] = useState<View>(fit);
  const [band, setBand] = useState<View | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  const colors = useMemo(() => new Map(map.categories.map((c) => [c.name, c.color])), [map.categories]);
  const byUnit = useMemo(() => new Map(map.seats.map((s) => [s.unitId, s])), [map.seats]);

  const [cursor, setCursor] = useState<number | null>(null);
  // The ring shows for keyboard use only; a pointer user sees the seat they clicked change instead.
  const [ring, setRing] = useState(false);
  const cursorSeat = cursor === null ? undefined : byUnit.get(cursor);

  useEffect(() => setView(fit), [fit]);

  function moveCursorTo(seat: SeatOnMap) {
    setCursor(seat.unitId);
    // Keep the cursor on screen when zoomed in: centre the view on a seat that left it.
    setView((v) =>
      seat.x < v.x || seat.x > v.x + v.w || seat.y < v.y || seat.y > v.y + v.h ? { ...v, x: seat.x - v.w / 2, y: seat.y - v.h / 2 } : v,
    );
  }

  function onFocus() {
    setRing(svgRef.current?.matches(':focus-visible') ?? false);
    if (!cursorSeat) {
      const start = firstSeat(map.seats, (s) => lookOf(s) === 'available');
      if (start) setCursor(start.unitId);
    }
  }

  function onKeyDown(e: ReactKeyboardEvent<SVGSVGElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (isArrow(e.key)) {
      e.preventDefault();
      setRing(true);
      const from = cursorSeat ?? firstSeat(map.seats, (s) => lookOf(s) === 'available');
      if (!from) return;
      const next = cursorSeat ? seatToward(map.seats, from, e.key) : from;
      if (next) moveCursorTo(next);
    } else if ((e.key === ' ' || e.key === 'Enter') && active) {
      e.preventDefault();
      // Enter must not also reach the window's listeners (they would act on it a second time).
      e.nativeEvent.stopImmediatePropagation();
      setRing(true);
      if (cursorSeat) onSeat(cursorSeat);
    }
  }

  function zoom(factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) {
    setView((v) => {
      const w = Math.min(fit.w * 2, Math.max(fit.w / 12, v.w * factor));
      const k = w / v.w;
      return { x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k, w, h: v.h * k };
    });
  }

  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e)) return;
      if (e.key === '+' || e.key === '=') zoom(0.8);
      else if (e.key === '-' || e.key === '_') zoom(1.25);
      else if (e.key === '0') setView(fit);
      else if (e.key.toLowerCase() === 's') svgRef.current?.focus();
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // Registered by hand: React's onWheel is passive, so it could not stop the page scrolling.
    function onWheel(e: WheelEvent) {
      e.preventDefault();
      const p = toPlan(e.clientX, e.clientY);
      zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    }
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  });

  function toPlan(clientX: number, clientY: number): { x: number; y: number } {
    const svg = svgRef.current!;
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  function onPointerDown(e: ReactPointerEvent<SVGSVGElement>) {
    setRing(false);
    if (e.button !== 0 && e.button !== 1) return;
    const p = toPlan(e.clientX, e.clientY);
    drag.current = { kind: e.shiftKey || e.button === 1 ? 'pan' : 'select', startX: e.clientX, startY: e.clientY, sx: p.x, sy: p.y, view, moved: false };
  }

  function onPointerMove(e: ReactPointerEvent<SVGSVGElement>) {
    const d = drag.current;
    if (!d) return;
    if (!d.moved && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < 6) return;
    if (!d.moved) {
      d.moved = true;
      svgRef.current?.setPointerCapture(e.pointerId);
    }
    if (d.kind === 'pan') {
      const scale = d.view.w / (svgRef.current?.clientWidth || 1);
      setView({ ...d.view, x: d.view.x - (e.clientX - d.startX) * scale, y: d.view.y - (e.clientY - d.startY) * scale });
    } else {
      const p = toPlan(e.clientX, e.clientY);
      setBand({ x: Math.min(d.sx, p.x), y: Math.min(d.sy, p.y), w: Math.abs(p.x - d.sx), h: Math.abs(p.y - d.sy) });
    }
  }

  function onPointerUp(e: ReactPointerEvent<SVGSVGElement>) {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (!d.moved) {
      const unit = (e.target as Element).closest('[data-unit]')?.getAttribute('data-unit');
      const seat = unit ? byUnit.get(Number(unit)) : undefined;
      if (seat) {
        setCursor(seat.unitId);
        onSeat(seat);
      }
      return;
    }
    if (d.kind === 'select' && band) {
      const inside = map.seats.filter(
        (s) => s.x >= band.x && s.x <= band.x + band.w && s.y >= band.y && s.y <= band.y + band.h && lookOf(s) === 'available',
      );
      setBand(null);
      if (inside.length > 0) onSeats(inside);
    }
  }

  return (
    <div className="sell-map-frame">
      <div className="map-zoom-bar" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoom(0.8)} aria-label="Zoom in" data-testid="zoom-in">
          + <kbd>+</kbd>
        </button>
        <button type="button" onClick={() => zoom(1.25)} aria-label="Zoom out" data-testid="zoom-out">
          − <kbd>−</kbd>
        </button>
        <button type="button" onClick={() => setView(fit)} aria-label="Whole plan" data-testid="zoom-fit">
          Fit <kbd>0</kbd>
        </button>
      </div>
      <svg
        ref={svgRef}
        className="sell-map"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="application"
        tabIndex={0}
        aria-label={`Seat map of ${map.performance.venueName}. Arrow keys move between seats, Space or Enter takes or gives back a seat.`}
        aria-describedby="seat-cursor-words"
        data-testid="seat-map"
        data-cursor={cursorSeat?.label}
        onFocus={onFocus}
        onBlur={() => setRing(false)}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
          setBand(null);
        }}
      >
        {map.areas.map((a) => {
          const transform = a.rotation ? `rotate(${a.rotation} ${a.x + a.width / 2} ${a.y + a.height / 2})` : undefined;
          return (
            <g key={a.id} data-testid={a.capacity > 0 ? 'ga-area' : 'area'}>
              {a.shape === 'ellipse' ? (
                <ellipse cx={a.x + a.width / 2} cy={a.y + a.height / 2} rx={a.width / 2} ry={a.height / 2} fill={a.color} transform={transform} />
              ) : (
                <rect x={a.x} y={a.y} width={a.width} height={a.height} fill={a.color} transform={transform} rx={6} />
              )}
              <text
                x={a.x + a.width / 2}
                y={a.y + a.height / 2}
                textAnchor="middle"
                dominantBaseline="middle"
                className="area-label"
                fontSize={Math.max(12, Math.min(28, a.height / 4, a.width / 10))}
                pointerEvents="none"
                data-testid="area-label"
              >
                {a.name}
                {a.capacity > 0 ? ` · ${a.available} of ${a.capacity} free` : ''}
              </text>
            </g>
          );
        })}
        {map.seats.map((s) => (
          <SeatGlyph key={s.unitId} seat={s} look={lookOf(s)} color={colors.get(s.category) ?? '#5b7bd5'} number={view.w < fit.w / NUMBERS_FROM_ZOOM} />
        ))}
        {rows.map((r) => (
          <g key={r.key} className="row-label" data-testid="row-label" data-row={r.row} data-position={r.position} pointerEvents="none">
            {r.position !== 'end' && (
              <text x={r.start.x} y={r.start.y} textAnchor="end" dominantBaseline="middle" fontSize={r.size} data-end="start">
                {r.row}
              </text>
            )}
            {r.position !== 'start' && (
              <text x={r.end.x} y={r.end.y} textAnchor="start" dominantBaseline="middle" fontSize={r.size} data-end="end">
                {r.row}
              </text>
            )}
          </g>
        ))}
        {ring && cursorSeat && (
          <circle
            className="seat-cursor"
            data-testid="seat-cursor"
            cx={cursorSeat.x}
            cy={cursorSeat.y}
            r={cursorSeat.radius * 1.6}
            pointerEvents="none"
          />
        )}
        {band && <rect className="select-band" x={band.x} y={band.y} width={band.w} height={band.h} />}
      </svg>
      <p className="seat-cursor-words" id="seat-cursor-words" aria-live="polite" data-testid="seat-cursor-words">
        {ring && cursorSeat ? seatWords(cursorSeat, lookOf(cursorSeat)) : ''}
      </p>

    </div>
  );
}

/** What the live region says about the seat under the cursor. */
function seatWords(seat: SeatOnMap, look: SeatLook): string {
  const extras = [seat.wheelchair ? 'wheelchair place' : '', seat.restrictedView ? 'restricted view' : ''].filter(Boolean);
  return [seat.label, seat.category, lookWords[look], ...extras].join(' · ');
}

/** The plan's box grown to hold everything drawn on it, plus room for row labels. */
function fitView(map: SeatMap): View {
  let minX = 0;
  let minY = 0;
  let maxX = map.width;
  let maxY = map.height;
  for (const s of map.seats) {
    minX = Math.min(minX, s.x - s.radius);
    minY = Math.min(minY, s.y - s.radius);
    maxX = Math.max(maxX, s.x + s.radius);
    maxY = Math.max(maxY, s.y + s.radius);
  }
  for (const a of map.areas) {
    minX = Math.min(minX, a.x);
    minY = Math.min(minY, a.y);
    maxX = Math.max(maxX, a.x + a.width);
    maxY = Math.max(maxY, a.y + a.height);
  }
  return { x: minX - MARGIN, y: minY - MARGIN, w: maxX - minX + 2 * MARGIN, h: maxY - minY + 2 * MARGIN };
}

interface RowEnds {
  key: string;
  row: string;
  /** Which ends carry the name, as the plan says (both when it says nothing). */
  position: 'start' | 'end' | 'both';
  start: { x: number; y: number };
  end: { x: number; y: number };
  size: number;
}

/**
 * Where each row's name goes: just beyond its first and/or last seat as the plan's
 * `row_number_position` says (both ends when it says nothing), along the row's own line (rows may
 * be curved or turned), so a cashier reads "row 14" where the venue's signs put it.
 */
function rowEnds(seats: readonly SeatOnMap[], labels: SeatMap['rowLabels']): RowEnds[] {
  const positions = new Map(labels.map((l) => [`${l.zone}\u0000${l.row}`, l.position]));
  const rows = new Map<string, SeatOnMap[]>();
  for (const s of seats) {
    if (!s.row) continue;
    const key = `${s.zone}\u0000${s.row}`;
    const list = rows.get(key);
    if (list) list.push(s);
    else rows.set(key, [s]);
  }
  const out: RowEnds[] = [];
  for (const [key, list] of rows) {
    const position = positions.get(key) ?? 'both';
    if (position === 'none') continue;
    const sorted = [...list].sort((a, b) => a.x - b.x || a.y - b.y);
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    const dx = last.x - first.x;
    const dy = last.y - first.y;
    const length = Math.hypot(dx, dy) || 1;
    const ux = sorted.length > 1 ? dx / length : 1;
    const uy = sorted.length > 1 ? dy / length : 0;
    const gap = first.radius * 1.4;
    out.push({
      key,
      row: first.row,
      position,
      start: { x: first.x - ux * gap, y: first.y - uy * gap },
      end: { x: last.x + ux * gap, y: last.y + uy * gap },
      size: first.radius * 1.2,
    });
  }
  return out;
}
