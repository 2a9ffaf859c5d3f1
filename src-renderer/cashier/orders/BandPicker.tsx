import { bandTotal, bandsForSeat } from '../../../src-shared/pricing/index.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';

type Band = OutputOf<'listPriceBands'>[number];

/** One place's price band, among the bands that apply to its category, each with its price. */
export function BandPicker({ label, category, bands, value, onChange, money }: { label: string; category: string; bands: Band[]; value: string; onChange(id: string): void; money(minor: number): string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={`Price band for ${label}`}>
      {bandsForSeat(bands, category).map((b) => (
        <option key={b.id} value={b.id}>
          {b.name} {money(bandTotal(b))}
        </option>
      ))}
    </select>
  );
}
