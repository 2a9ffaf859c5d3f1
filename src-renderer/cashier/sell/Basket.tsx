import { formatMoney } from '../../format.ts';
import { bandTotal, bandsForSeat, defaultBand, priceBands } from '../../../src-shared/pricing/index.ts';
import type { BasketItem, PriceBand } from './types.ts';

export interface BasketLine {
  item: BasketItem;
  band: PriceBand | null;
  choices: PriceBand[];
}

// "Row 2, seat 10" after "Row 2, seat 9": numbers in labels compare as numbers.
const bySeat = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The basket's lines in seat order (area, row, seat), whatever order they were taken in. */
export function basketLines(items: BasketItem[], bands: PriceBand[], chosen: ReadonlyMap<number, string>): BasketLine[] {
  const sorted = [...items].sort((a, b) => bySeat.compare(a.label, b.label) || a.unitId - b.unitId);
  return sorted.map((item) => {
    const choices = bandsForSeat(bands, item.category);
    const band = choices.find((b) => b.id === chosen.get(item.unitId)) ?? defaultBand(choices, item.category);
    return { item, band, choices };
  });
}

/** The instant estimate before a discount code: the core's own rule (src-shared/pricing), so it is what the core quotes. */
export function basketTotals(lines: BasketLine[]): { taxMinor: number; totalMinor: number } {
  const { taxMinor, totalMinor } = priceBands(lines.flatMap((l) => (l.band ? [l.band] : [])));
  return { taxMinor, totalMinor };
}

interface Props {
  lines: BasketLine[];
  currency: string;
  taxMinor: number;
  totalMinor: number;
  /** Set once a discount code has been applied: what the core will charge. */
  discountedTotal: number | null;
  discountCode: string;
  onDiscountCode(code: string): void;
  onApplyDiscount(): void;
  onBand(unitId: number, bandId: string): void;
  onRemove(unitId: number): void;
  /** Gives every place back (Delete). */
  onClear(): void;
  busy: boolean;
}

/** Each place with its price band (changeable per seat), the discount code, tax and total. */
export function Basket(p: Props) {
  const money = (m: number) => formatMoney(m, p.currency);
  return (
    <section className="basket" aria-label="Basket" data-testid="basket">
      <h2>
        Basket <small data-testid="basket-count">{p.lines.length}</small>
        {p.lines.length > 0 && (
          <button type="button" className="basket-clear" onClick={p.onClear} disabled={p.busy} data-testid="clear-basket">
            Give all back <kbd>Del</kbd>
          </button>
        )}
      </h2>
      {p.lines.length === 0 && <p className="muted">Click seats, drag round several, or press 1–9 for the best available.</p>}
      <ul>
        {p.lines.map(({ item, band, choices }) => (
          <li key={item.unitId} data-testid="basket-line" data-label={item.label}>
            <span className="basket-label" title={item.label}>
              {item.label}
            </span>
            {/* The band's price is in its choice ("Adult £35.00"): the label gets the room to stay whole. */}
            {choices.length > 0 ? (
              <select
                aria-label={`Price band for ${item.label}`}
                value={band?.id ?? ''}
                onChange={(e) => p.onBand(item.unitId, e.target.value)}
                data-testid="band-select"
              >
                {choices.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name} {money(bandTotal(b))}
                  </option>
                ))}
              </select>
            ) : (
              <span className="basket-price">no price</span>
            )}
            <button type="button" className="remove" aria-label={`Give back ${item.label}`} onClick={() => p.onRemove(item.unitId)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {p.lines.length > 0 && (
        <>
          <form
            className="discount"
            onSubmit={(e) => {
              e.preventDefault();
              p.onApplyDiscount();
            }}
          >
            <input
              aria-label="Discount code"
              placeholder="Discount code"
              value={p.discountCode}
              onChange={(e) => p.onDiscountCode(e.target.value.toUpperCase())}
              data-testid="discount-code"
            />
            <button type="submit" disabled={!p.discountCode.trim()} data-testid="apply-discount">
              Apply
            </button>
          </form>
          <dl className="totals">
            <dt>Tax included</dt>
            <dd data-testid="basket-tax">{money(p.taxMinor)}</dd>
            {p.discountedTotal !== null && (
              <>
                <dt>Before discount</dt>
                <dd>{money(p.totalMinor)}</dd>
              </>
            )}
            <dt className="total">Total</dt>
            <dd className="total" data-testid="basket-total">
              {money(p.discountedTotal ?? p.totalMinor)}
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
