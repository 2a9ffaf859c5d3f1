import { LookSample, lookWords } from './SeatGlyph.tsx';
import { bandTotal, defaultBand } from '../../../src-shared/pricing/index.ts';
import { formatMoney } from '../../format.ts';
import type { PriceBand, SeatMap } from './types.ts';

/**
 * Each price category's colour and what a seat of it costs (its first band, as the basket starts
 * it: src-shared/pricing), each seat state's shape, and the wheelchair and restricted-view marks.
 */
export function MapLegend({ categories, bands = [], currency }: { categories: SeatMap['categories']; bands?: readonly PriceBand[]; currency?: string }) {
  return (
    <ul className="legend" aria-label="Legend">
      {categories.map((c) => {
        const band = defaultBand(bands, c.name);
        return (
          <li key={c.name} data-testid="legend-category" data-category={c.name}>
            <svg width="18" height="18" aria-hidden="true">
              <circle cx="9" cy="9" r="7" fill={c.color} />
            </svg>
            {c.name}
            {band && <strong className="legend-price">{formatMoney(bandTotal(band), currency)}</strong>}
          </li>
        );
      })}
      {(['mine', 'held', 'reserved', 'booked', 'blocked'] as const).map((look) => (
        <li key={look}>
          <LookSample look={look} />
          {lookWords[look]}
        </li>
      ))}
      <li>♿ wheelchair</li>
      <li>! restricted view</li>
    </ul>
  );
}
