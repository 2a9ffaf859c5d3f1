import { formatMoney } from '../../format.ts';
import { useShortcuts } from '../../kit/shortcuts.ts';
import { PrintState } from './PrintState.tsx';
import type { PrintOutcome, Reservation, Sale } from './types.ts';

interface Props {
  currency: string;
  done: { kind: 'sale'; sale: Sale } | { kind: 'reservation'; reservation: Reservation };
  print: PrintOutcome;
  retrying: boolean;
  onRetry(): void;
  onNext(): void;
}

/** The end of a sale: change to hand back (large), or the reservation reference (large). */
export function DonePanel({ currency, done, print, retrying, onRetry, onNext }: Props) {
  useShortcuts({
    n: onNext,
    Enter: onNext,
    p: print.printed !== 'queued' && onRetry,
  });
  return (
    <section className="done" aria-label="Done" data-testid="done-panel">
      {done.kind === 'sale' ? (
        <>
          <h2>Sold · {formatMoney(done.sale.order.totalMinor, currency)}</h2>
          <div className="change">
            Change <strong data-testid="change">{formatMoney(done.sale.changeMinor, currency)}</strong>
          </div>
          <ul className="sold-seats">
            {done.sale.tickets.map((t) => (
              <li key={t.ticketId} data-testid="sold-ticket">
                {t.label} · {t.bandName} · {formatMoney(t.totalMinor, currency)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2>Reserved for {done.reservation.customerName}</h2>
          <div className="reference">
            Reference <strong data-testid="reservation-reference">{done.reservation.reference}</strong>
          </div>
        </>
      )}
      <PrintState outcome={print} retrying={retrying} onRetry={onRetry} />
      <button type="button" className="primary big" onClick={onNext} data-testid="new-sale" autoFocus>
        Next customer <kbd>N</kbd>
      </button>
    </section>
  );
}
