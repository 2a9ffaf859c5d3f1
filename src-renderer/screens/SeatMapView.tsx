import { useEffect, useMemo } from 'react';
import type { SeatMap } from '../../src-shared/contract/performances.ts';
import { SeatGlyph } from '../components/SeatGlyph.tsx';
import { bridge, call } from '../transport/api.ts';
import { dayHeading, formatTime } from '../format.ts';
import { useAsync } from '../use-async.ts';

interface Props {
  performanceId: string;
  onBack(): void;
}

function Legend({ map }: { map: SeatMap }) {
  return (
    <ul className="legend" aria-label="Legend">
      {map.categories.map((c) => (
        <li key={c.name}>
          <svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="7" fill={c.color} /></svg>
          {c.name}
        </li>
      ))}
      <li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="5" fill="none" stroke="#444" strokeWidth="3" /></svg>Held</li>
      <li><svg width="16" height="16" aria-hidden="true"><rect x="2" y="2" width="12" height="12" fill="#8a8fa3" /></svg>Reserved</li>
      <li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="7" fill="#d7d9e0" /><path d="M4,4 L12,12 M12,4 L4,12" stroke="#6b7080" strokeWidth="2" /></svg>Sold</li>
      <li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="7" fill="#3b3f4c" /><path d="M4,12 L12,4" stroke="#fff" strokeWidth="2" /></svg>Blocked</li>
      <li>♿ Wheelchair place</li>
      <li>! Restricted view</li>
    </ul>
  );
}

export function SeatMapView({ performanceId, onBack }: Props) {
  const map = useAsync(() => call('getSeatMap', { performanceId }), [performanceId]);
  useEffect(
    () =>
      bridge.on('unitsChanged', (payload) => {
        if (payload.performanceId === performanceId) map.reload();
      }),
    [performanceId, map.reload],
  );
  const colors = useMemo(() => new Map((map.data?.categories ?? []).map((c) => [c.name, c.color])), [map.data]);

  if (map.error) return <p className="error" role="alert">{map.error}</p>;
  if (!map.data) return <p className="muted">Loading seat map…</p>;
  const { performance: p } = map.data;
  return (
    <section className="seat-map-screen" aria-label="Seat map">
      <div className="toolbar">
        <button type="button" onClick={onBack} data-testid="back">← Performances</button>
        <h1>
          {p.eventTitle} <small>{dayHeading(p.startsAt, Date.now())} {formatTime(p.startsAt)} · {p.venueName}</small>
        </h1>
        <span className="counts" data-testid="map-counts">
          {p.counts.available} of {p.counts.capacity} available
        </span>
      </div>
      <div className="seat-map-layout">
        <svg className="seat-map" viewBox={`0 0 ${map.data.width} ${map.data.height}`} role="img" aria-label={`Seat map of ${p.venueName}`} data-testid="seat-map">
          {map.data.areas.map((a) => {
            const transform = a.rotation ? `rotate(${a.rotation} ${a.x + a.width / 2} ${a.y + a.height / 2})` : undefined;
            const shape =
              a.shape === 'ellipse' ? (
                <ellipse cx={a.x + a.width / 2} cy={a.y + a.height / 2} rx={a.width / 2} ry={a.height / 2} fill={a.color} transform={transform} />
              ) : (
                <rect x={a.x} y={a.y} width={a.width} height={a.height} fill={a.color} transform={transform} rx={6} />
              );
            return (
              <g key={a.id} data-testid={a.capacity > 0 ? 'ga-area' : 'area'}>
                {shape}
                <text x={a.x + a.width / 2} y={a.y + a.height / 2} textAnchor="middle" dominantBaseline="middle" className="area-label">
                  {a.name}
                  {a.capacity > 0 ? ` · ${a.available} of ${a.capacity} places` : ''}
                </text>
              </g>
            );
          })}
          {map.data.seats.map((s) => (
            <SeatGlyph key={s.unitId} seat={s} color={colors.get(s.category) ?? '#5b7bd5'} />
          ))}
        </svg>
        <Legend map={map.data} />
      </div>
    </section>
  );
}
