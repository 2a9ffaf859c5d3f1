import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OrderFound } from '../../../src-shared/contract/orders.ts';
import { dayHeading, formatMoney, formatTime } from '../../format.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';
import { useShortcuts } from '../../kit/shortcuts.ts';
import { useSalesChanged, walkResults } from './after-sale-kit.ts';
import { OrderDetail } from './OrderDetail.tsx';
import './after-sale.css';

const STATE_WORDS = { paid: 'Paid', part_refunded: 'Part refunded', refunded: 'Refunded' } as const;
const MATCH_WORDS = { reference: 'order reference', reservation: 'reservation reference', name: 'name', phone: 'phone', ticket: 'ticket code' } as const;

/** Find any order by reference, name, phone or a scanned ticket code, then look after it. */
export function OrdersScreen(_props: ScreenProps) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [results, setResults] = useState<OrderFound[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  async function search(text: string, openSingle = true) {
    try {
      const found = await call('findOrders', { query: text });
      setResults(found);
      setSearched(text);
      setError(null);
      // A ticket code or a reference names one order: open it straight away.
      if (openSingle && found.length === 1) setOpenId(found[0]!.orderId);
    } catch (e) {
      setError(errorText(e));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (query.trim()) void search(query.trim());
  }

  useSalesChanged(() => {
    if (searched && !openId) void search(searched, false);
  });
  // "New search" starts from nothing: an empty box with the focus, the last results gone. The box may
  // not be on screen yet (an order was open), so the focus waits for the render that brings it back.
  const [newSearch, setNewSearch] = useState(0);
  useEffect(() => {
    if (newSearch) searchBox.current?.focus();
  }, [newSearch]);
  useShortcuts(
    {
      F2: () => {
        setOpenId(null);
        setQuery('');
        setResults([]);
        setSearched(null);
        setError(null);
        setNewSearch((n) => n + 1);
      },
    },
    { inFields: true },
  );

  if (openId) {
    return (
      <OrderDetail
        key={openId}
        orderId={openId}
        onOpen={setOpenId}
        onBack={() => {
          setOpenId(null);
          if (searched) void search(searched, false);
        }}
      />
    );
  }

  return (
    <section className="after-sale" aria-label="Orders" onKeyDown={walkResults}>
      <form className="toolbar" onSubmit={submit} role="search">
        <h1>Orders</h1>
        <input
          ref={searchBox}
          type="search"
          autoFocus
          placeholder="Reference, name, phone or ticket code"
          aria-label="Find an order by reference, name, phone or ticket code"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="order-search"
        />
        <button type="submit" className="primary" data-testid="order-search-go">
          Find <kbd>Enter</kbd>
        </button>
        <span className="muted">
          New search <kbd>F2</kbd>
        </span>
      </form>
      {error && <p className="error" role="alert" data-testid="order-error">{error}</p>}
      {searched !== null && results.length === 0 && !error && (
        <p className="muted" data-testid="order-none">No order matches “{searched}”.</p>
      )}
      <ul className="result-list" aria-label="Orders found">
        {results.map((o) => (
          <li key={o.orderId}>
            <button type="button" className="result-row" onClick={() => setOpenId(o.orderId)} data-testid="order-result" data-order-id={o.orderId}>
              <span className="ref">{o.reference}</span>
              <span className="who">
                {o.customerName ?? 'Walk-in customer'}
                <small>{o.customerPhone ?? ''}</small>
              </span>
              <span className="what">
                {o.eventTitle}
                <small>
                  {dayHeading(o.startsAt, Date.now())} {formatTime(o.startsAt)}
                </small>
              </span>
              <span className="count">
                {o.validCount} of {o.ticketCount} valid
              </span>
              <span className="money">{formatMoney(o.totalMinor - o.refundedMinor, o.currency)}</span>
              <span className={`badge state-${o.state}`}>{STATE_WORDS[o.state]}</span>
              <small className="muted match">by {MATCH_WORDS[o.matchedBy]}</small>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
