import type { SeatOnMap } from '../../src-shared/contract/performances.ts';

/**
 * Each state has a shape as well as a colour, so colour-blind staff can tell them apart:
 * available = filled circle, held = ring, reserved = square, booked = cross, blocked = slash.
 */
export function SeatGlyph({ seat, color }: { seat: SeatOnMap; color: string }) {
  const r = seat.radius;
  const { x, y } = seat;
  const title = `${seat.label} · ${seat.category} · ${seat.state}${seat.wheelchair ? ' · wheelchair place' : ''}${seat.restrictedView ? ' · restricted view' : ''}`;
  const common = { 'data-testid': 'seat', 'data-state': seat.state, 'data-label': seat.label } as const;
  switch (seat.state) {
    case 'available':
      return (
        <g {...common} className="seat available">
          <title>{title}</title>
          <circle cx={x} cy={y} r={r} fill={color} />
          {seat.wheelchair && <text x={x} y={y + r * 0.45} fontSize={r * 1.3} textAnchor="middle" fill="#fff">♿</text>}
          {seat.restrictedView && !seat.wheelchair && <text x={x} y={y + r * 0.4} fontSize={r * 1.1} textAnchor="middle" fill="#fff">!</text>}
        </g>
      );
    case 'held':
      return (
        <g {...common} className="seat held">
          <title>{title}</title>
          <circle cx={x} cy={y} r={r * 0.8} fill="none" stroke={color} strokeWidth={r * 0.4} />
        </g>
      );
    case 'reserved':
      return (
        <g {...common} className="seat reserved">
          <title>{title}</title>
          <rect x={x - r * 0.8} y={y - r * 0.8} width={r * 1.6} height={r * 1.6} fill="#8a8fa3" />
        </g>
      );
    case 'booked':
      return (
        <g {...common} className="seat booked">
          <title>{title}</title>
          <circle cx={x} cy={y} r={r} fill="#d7d9e0" />
          <path d={`M${x - r * 0.5},${y - r * 0.5} L${x + r * 0.5},${y + r * 0.5} M${x + r * 0.5},${y - r * 0.5} L${x - r * 0.5},${y + r * 0.5}`} stroke="#6b7080" strokeWidth={r * 0.25} />
        </g>
      );
    case 'blocked':
      return (
        <g {...common} className="seat blocked">
          <title>{title}</title>
          <circle cx={x} cy={y} r={r} fill="#3b3f4c" />
          <path d={`M${x - r * 0.6},${y + r * 0.6} L${x + r * 0.6},${y - r * 0.6}`} stroke="#fff" strokeWidth={r * 0.25} />
        </g>
      );
  }
}
