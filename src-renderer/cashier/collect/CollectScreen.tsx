import { useRef, useState, type FormEvent } from 'react';
import type { ReservationFound } from '../../../src-shared/contract/orders.ts';
import { dayHeading, formatTime } from '../../format.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { errorText, useKeys, useSalesChanged, walkResults } from '../orders/after-sale-kit.ts';
import { CollectReservation } from './CollectReservation.tsx';
import '../orders/after-sale.css';

const STATE_WORDS = { active: 'Waiting', collected: 'Collected', cancelled: 'Cancelled', expired: 'Expired' } as const;

/** Customers collecting what they reserved: find them by reference, name or phone; pay and print, or cancel. */
export function CollectScreen({ station }: ScreenProps) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [includeEnded, setIncludeEnded] = useState(false);
  const [results, setResults] = useState<ReservationFound[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<ReservationFound | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  async function search(text: string, ended = includeEnded, openSingle = true) {
    try {
      const found = await call('findReservations', { query: text, includeEnded: ended });
      setResults(found);
      setSearched(text);
      setError(null);
      const only = found.length === 1 ? found[0]! : null;
      if (openSingle && only && only.state === 'active') setOpen(only);
    } catch (e) {
      setError(errorText(e));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    if (query.trim()) void search(query.trim());
  }

  function back(message?: string) {
    setOpen(null);
    if (message) setNotice(message);
    if (searched) void search(searched, includeEnded, false);
    searchBox.current?.focus();
  }

  useSalesChanged((p) => {
    if (!open && searched && (p.kind.startsWith('reservation.') || p.kind === 'order.booked')) void search(searched, includeEnded, false);
  });
  useKeys({
    F2: open
      ? null
      : () => {
          searchBox.current?.focus();
          searchBox.current?.select();
        },
  });

  if (open) return <CollectReservation found={open} currency={station.currency} onBack={back} />;

  return (
    <section className="after-sale" aria-label="Collect reservations" onKeyDown={walkResults}>
      <form className="toolbar" onSubmit={submit} role="search">
        <h1>Collect</h1>
        <input
          ref={searchBox}
          type="search"
          autoFocus
          placeholder="Reservation reference, name or phone"
          aria-label="Find a reservation by reference, name or phone"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="collect-search"
        />
        <button type="submit" className="primary" data-testid="collect-search-go">
          Find <kbd>Enter</kbd>
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={includeEnded}
            onChange={(e) => {
              setIncludeEnded(e.target.checked);
              if (searched) void search(searched, e.target.checked, false);
            }}
            data-testid="collect-include-ended"
          />
          Show collected and cancelled
        </label>
        <span className="muted">
          New search <kbd>F2</kbd>
        </span>
      </form>
      {notice && <p className="notice" role="status" data-testid="collect-notice">{notice}</p>}
      {error && <p className="error" role="alert" data-testid="collect-error">{error}</p>}
      {searched !== null && results.length === 0 && !error && (
        <p className="muted" data-testid="collect-none">
          No {includeEnded ? '' : 'waiting '}reservation matches “{searched}”.
        </p>
      )}
      <ul className="result-list" aria-label="Reservations found">
        {results.map((r) => (
          <li key={r.reservationId}>
            <button
              type="button"
              className="result-row"
              disabled={r.state !== 'active'}
              onClick={() => setOpen(r)}
              data-testid="reservation-result"
              data-reservation-id={r.reservationId}
            >
              <span className="ref">{r.reference}</span>
              <span className="who">
                {r.customerName}
                <small>{r.customerPhone ?? ''}</small>
              </span>
              <span className="what">
                {r.eventTitle}
                <small>
                  {dayHeading(r.startsAt, Date.now())} {formatTime(r.startsAt)}
                </small>
              </span>
              <span className="count">{r.state === 'active' ? `${r.seatCount} seat${r.seatCount === 1 ? '' : 's'}` : ''}</span>
              <span className="muted">{r.deadlineAt && r.state === 'active' ? `until ${formatTime(r.deadlineAt)}` : ''}</span>
              <span className={`badge state-${r.state}`}>{STATE_WORDS[r.state]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
