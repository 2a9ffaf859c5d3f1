import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';
import { SeatGlyph, type SeatLook } from './SeatGlyph.tsx';
import { isTyping } from './keys.ts';
import type { SeatMap } from './types.ts';

interface Props {
  map: SeatMap;
  lookOf(seat: SeatOnMap): SeatLook;
  /** A click on one seat. */
  onSeat(seat: SeatOnMap): void;
  /** A rectangle dragged over several seats: the free ones among them. */
  onSeats(seats: SeatOnMap[]): void;
}

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Drag = { kind: 'select' | 'pan'; startX: number; startY: number; sx: number; sy: number; view: View; moved: boolean };

const MARGIN = 20;

/**
 * The plan drawn in SVG at its own coordinates. Wheel or +/− zooms, Shift+drag (or the middle
 * button) pans, a click takes or gives back one seat, a drag draws a rectangle round several.
 */
export function SeatMapCanvas({ map, lookOf, onSeat, onSeats }: Props) {
  const fit = useMemo<View>(() => ({ x: -MARGIN, y: -MARGIN, w: map.width + 2 * MARGIN, h: map.height + 2 * MARGIN }), [map.width, map.height]);
  const [view, setView] = useState<View>(fit);
  const [band, setBand] = useState<View | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  const colors = useMemo(() => new Map(map.categories.map((c) => [c.name, c.color])), [map.categories]);
  const byUnit = useMemo(() => new Map(map.seats.map((s) => [s.unitId, s])), [map.seats]);

  useEffect(() => setView(fit), [fit]);

  function zoom(factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) {
    setView((v) => {
      const w = Math.min(fit.w * 2, Math.max(fit.w / 12, v.w * factor));
      const k = w / v.w;
      return { x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k, w, h: v.h * k };
    });
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e)) return;
      if (e.key === '+' || e.key === '=') zoom(0.8);
      else if (e.key === '-' || e.key === '_') zoom(1.25);
      else if (e.key === '0') setView(fit);
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
      if (seat) onSeat(seat);
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
      <svg
        ref={svgRef}
        className="sell-map"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="img"
        aria-label={`Seat map of ${map.performance.venueName}`}
        data-testid="seat-map"
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
              <text x={a.x + a.width / 2} y={a.y + a.height / 2} textAnchor="middle" dominantBaseline="middle" className="area-label">
                {a.name}
                {a.capacity > 0 ? ` · ${a.available} of ${a.capacity} free` : ''}
              </text>
            </g>
          );
        })}
        {map.seats.map((s) => (
          <SeatGlyph key={s.unitId} seat={s} look={lookOf(s)} color={colors.get(s.category) ?? '#5b7bd5'} />
        ))}
        {band && <rect className="select-band" x={band.x} y={band.y} width={band.w} height={band.h} />}
      </svg>
      <div className="map-zoom" role="group" aria-label="Zoom">
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
    </div>
  );
}
