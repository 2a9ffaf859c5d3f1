import { useCallback, useMemo, useState } from 'react';
import { basketLines, basketTotals } from './Basket.tsx';
import type { BasketItem, PriceBand } from './types.ts';

/** The core's quote for the basket with a discount code: the total and tax to charge. */
interface Quote {
  key: string;
  dueMinor: number;
  taxMinor: number;
}

/**
 * What the basket holds and what it costs: a price band per place (the shared default until the
 * cashier picks another), the discount code and the core's quote for it, and the lines a sale sends.
 * The quote belongs to one basket: any change to the places, bands or code makes it stale, and the
 * instant estimate (src-shared/pricing, the core's own rule) shows until the code is applied again.
 */
export function useBasket(items: BasketItem[], bands: PriceBand[] | null) {
  const [chosenBands, setChosenBands] = useState<ReadonlyMap<number, string>>(new Map());
  const [discountCode, setDiscountCode] = useState('');
  const [quote, setQuote] = useState<Quote | null>(null);

  const lines = useMemo(() => basketLines(items, bands ?? [], chosenBands), [items, bands, chosenBands]);
  const totals = basketTotals(lines);
  const saleLines = lines.filter((l) => l.band).map((l) => ({ unitId: l.item.unitId, priceBandId: l.band!.id }));
  const code = discountCode.trim();
  const key = JSON.stringify([saleLines, code]);
  const applied = quote && quote.key === key ? quote : null;

  const chooseBand = useCallback((unitId: number, bandId: string) => setChosenBands((m) => new Map(m).set(unitId, bandId)), []);
  const reset = useCallback(() => {
    setChosenBands(new Map());
    setDiscountCode('');
    setQuote(null);
  }, []);

  /** Why the basket cannot be sold or reserved yet, or null. */
  function problem(holdId: string | null): string | null {
    if (!holdId || lines.length === 0) return 'The basket is empty: choose seats first.';
    const unpriced = lines.find((l) => !l.band);
    return unpriced ? `There is no price band for ${unpriced.item.label}.` : null;
  }

  return {
    lines,
    saleLines,
    code,
    discountCode,
    setDiscountCode,
    chooseBand,
    /** Keeps the core's quote for the basket as it is now. */
    quoted: (dueMinor: number, taxMinor: number) => setQuote({ key, dueMinor, taxMinor }),
    /** Set once a discount code has been applied to this very basket. */
    discountedTotal: applied ? applied.dueMinor : null,
    taxMinor: applied ? applied.taxMinor : totals.taxMinor,
    totalMinor: totals.totalMinor,
    dueMinor: applied ? applied.dueMinor : totals.totalMinor,
    problem,
    reset,
  };
}

export type BasketState = ReturnType<typeof useBasket>;
