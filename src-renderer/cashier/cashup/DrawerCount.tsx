import { formatMoney, venue } from '../../format.ts';

export interface DrawerDraft {
  /** Pieces per denomination (value in minor units as text → count as typed). */
  pieces: Record<string, string>;
  /** A plain total instead, as typed. */
  total: string;
}

export const emptyDraft: DrawerDraft = { pieces: {}, total: '' };

/**
 * What a drawer figure sends: the count by notes and coins when any was typed, else the plain total.
 * A typed count is sent as typed (the core refuses a negative one with a sentence).
 */
export function drawerInput(draft: DrawerDraft): { count?: Record<string, number>; amountMinor?: number } | { problem: string } {
  const typed = Object.entries(draft.pieces).filter(([, v]) => v.trim() !== '');
  if (typed.length) return { count: Object.fromEntries(typed.map(([k, v]) => [k, Number(v)])) };
  const reading = venue().readMoney(draft.total);
  return reading.ok ? { amountMinor: reading.minor } : { problem: reading.problem };
}

/** The denomination calculator: notes and coins of the currency, a running total, and a plain total. */
export function DrawerCount({ denominations, currency, value, onChange, label }: { denominations: number[]; currency: string; value: DrawerDraft; onChange(d: DrawerDraft): void; label: string }) {
  const running = denominations.reduce((sum, d) => sum + d * (Number(value.pieces[String(d)]) || 0), 0);
  return (
    <fieldset className="drawer-count" data-testid="drawer-count">
      <legend>{label}</legend>
      <div className="denominations">
        {denominations.map((d) => (
          <label key={d}>
            {formatMoney(d, currency)} ×
            <input
              inputMode="numeric"
              size={4}
              value={value.pieces[String(d)] ?? ''}
              onChange={(e) => onChange({ ...value, pieces: { ...value.pieces, [String(d)]: e.target.value } })}
              data-testid={`count-${d}`}
            />
          </label>
        ))}
      </div>
      <p>
        Counted by notes and coins: <strong data-testid="count-running">{formatMoney(running, currency)}</strong>
      </p>
      <label>
        Or the total
        <input value={value.total} onChange={(e) => onChange({ ...value, total: e.target.value })} data-testid="count-total" />
      </label>
    </fieldset>
  );
}
