import { memo } from 'react';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';

/** How a seat looks: its state on the map, with "mine" for this window's basket. */
export type SeatLook = 'available' | 'mine' | 'held' | 'reserved' | 'booked' | 'blocked';

export const lookWords: Record<SeatLook, string> = {
  available: 'available',
  mine: 'in this basket',
  held: 'held by another station',
  reserved: 'reserved',
  booked: 'sold',
  blocked: 'blocked',
};

interface Props {
  seat: SeatOnMap;
  look: SeatLook;
  color: string;
  /** Legend samples are not seats of the map. */
  sample?: boolean;
  /** Zoomed in far enough to read: the seat's number is drawn on it. */
  number?: boolean;
}

/**
 * Every state has its own shape as well as its colour, so colour-blind staff can tell them apart:
 * available = filled circle in the price colour, mine = circle with a thick ring and a tick,
 * held elsewhere = dashed hollow ring, reserved = square, sold = grey with a cross,
 * blocked = dark with a slash. ♿ marks wheelchair places and ! restricted views.
 */
export const SeatGlyph = memo(function SeatGlyph({ seat, look, color, sample, number }: Props) {
  const r = seat.radius;
  const { x, y } = seat;
  const title = `${seat.label} · ${seat.category} · ${lookWords[look]}${seat.wheelchair ? ' · wheelchair place' : ''}${seat.restrictedView ? ' · restricted view' : ''}`;
  const mark = seat.wheelchair ? '♿' : seat.restrictedView ? '!' : null;
  return (
    <g data-testid={sample ? undefined : 'seat'} data-state={seat.state} data-look={look} data-label={seat.label} data-unit={seat.unitId} className={`seat ${look}`}>
      <title>{title}</title>
      {look === 'available' && <circle cx={x} cy={y} r={r} fill={color} />}
      {look === 'mine' && (
        <>
          <circle cx={x} cy={y} r={r} fill={color} stroke="#111" strokeWidth={r * 0.35} />
          <path d={`M${x - r * 0.45},${y} L${x - r * 0.1},${y + r * 0.4} L${x + r * 0.5},${y - r * 0.4}`} fill="none" stroke="#fff" strokeWidth={r * 0.3} />
        </>
      )}
      {look === 'held' && <circle cx={x} cy={y} r={r * 0.8} fill="#fff" stroke={color} strokeWidth={r * 0.35} strokeDasharray={`${r * 0.5} ${r * 0.3}`} />}
      {look === 'reserved' && <rect x={x - r * 0.8} y={y - r * 0.8} width={r * 1.6} height={r * 1.6} fill="#8a8fa3" />}
      {look === 'booked' && (
        <>
          <circle cx={x} cy={y} r={r} fill="#d7d9e0" />
          <path d={`M${x - r * 0.5},${y - r * 0.5} L${x + r * 0.5},${y + r * 0.5} M${x + r * 0.5},${y - r * 0.5} L${x - r * 0.5},${y + r * 0.5}`} stroke="#6b7080" strokeWidth={r * 0.25} />
        </>
      )}
      {look === 'blocked' && (
        <>
          <circle cx={x} cy={y} r={r} fill="#3b3f4c" />
          <path d={`M${x - r * 0.6},${y + r * 0.6} L${x + r * 0.6},${y - r * 0.6}`} stroke="#fff" strokeWidth={r * 0.25} />
        </>
      )}
      {number && !mark && (
        <text x={x} y={y} fontSize={r * (seat.number.length > 2 ? 0.8 : 1)} textAnchor="middle" dominantBaseline="central" className={`seat-number on-${look}`} pointerEvents="none">
          {seat.number}
        </text>
      )}
      {mark && look === 'available' && (
        <text x={x} y={y + r * 0.42} fontSize={r * 1.2} textAnchor="middle" fill="#fff" pointerEvents="none">
          {mark}
        </text>
      )}
    </g>
  );
});

/** The legend's small copy of each look, drawn the same way as on the map. */
export function LookSample({ look }: { look: SeatLook }) {
  const seat = { unitId: 0, seatId: 'x', label: '', zone: '', row: '', number: '', x: 9, y: 9, radius: 7, category: '', wheelchair: false, restrictedView: false, state: 'available', heldByMe: false } as const;
  return (
    <svg width="18" height="18" aria-hidden="true">
      <SeatGlyph seat={seat} look={look} color="#5b7bd5" sample />
    </svg>
  );
}
