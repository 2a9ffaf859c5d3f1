import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
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
  // What is waiting (today's and upcoming unpaid reservations), shown before any search and
  // narrowed as the cashier types; Enter searches everything, ended ones too when ticked.
  const [waiting, setWaiting] = useState<ReservationFound[] | null>(null);
  const loadWaiting = useCallback(() => {
    call('waitingReservations', {})
      .then(setWaiting)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(loadWaiting, [loadWaiting]);

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
    loadWaiting();
    if (searched) void search(searched, includeEnded, false);
    searchBox.current?.focus();
  }

  useSalesChanged((p) => {
    if (open || !(p.kind.startsWith('reservation.') || p.kind === 'order.booked')) return;
    if (searched) void search(searched, includeEnded, false);
    else loadWaiting();
  });
  useKeys({
    F2: open
      ? null
      : () => {
          searchBox.current?.focus();
          searchBox.current?.select();
        },
  });

  const shown = (waiting ?? []).filter((r) => matchesTyped(r, query));

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
          onChange={(e) => {
            setQuery(e.target.value);
            // Typing again goes back to the waiting list, narrowed by what is typed.
            setSearched(null);
          }}
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
      {searched === null && (
        <h2 className="list-heading" data-testid="collect-waiting-heading">
          Waiting to be collected{' '}
          <small className="muted">
            {waiting === null ? '…' : `${shown.length} of ${waiting.length}`} · today and upcoming
          </small>
        </h2>
      )}
      {searched === null && waiting !== null && shown.length === 0 && (
        <p className="muted" data-testid="collect-none">
          {waiting.length === 0 ? 'Nothing is waiting to be collected.' : `No waiting reservation matches “${query.trim()}”; press Enter to search them all.`}
        </p>
      )}
      <ul className="result-list" aria-label={searched === null ? 'Waiting to be collected' : 'Reservations found'} data-testid={searched === null ? 'collect-waiting' : 'collect-results'}>
        {(searched === null ? shown : results).map((r) => (
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
              <span className="muted deadline" data-testid="reservation-deadline">
                {r.state === 'active' ? (r.deadlineAt ? `collect by ${dayHeading(r.deadlineAt, Date.now())} ${formatTime(r.deadlineAt)}` : 'collect by curtain-up') : ''}
              </span>
              <span className={`badge state-${r.state}`}>{STATE_WORDS[r.state]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The waiting list narrowed as the cashier types: reference, part of the name, or digits of the phone. */
function matchesTyped(r: ReservationFound, typed: string): boolean {
  const text = typed.trim().toLowerCase();
  if (!text) return true;
  const digits = text.replace(/\D/g, '');
  return (
    r.reference.toLowerCase().includes(text) ||
    r.customerName.toLowerCase().includes(text) ||
    (digits.length >= 3 && (r.customerPhone ?? '').replace(/\D/g, '').includes(digits))
  );
}
