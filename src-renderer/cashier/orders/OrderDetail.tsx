import { useState } from 'react';
import { labelList } from '../../../src-shared/seat-label.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { orderReference } from '../../../src-shared/contract/orders.ts';
import { dayHeading, formatMoney, formatTime } from '../../format.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { errorText, useKeys, useSalesChanged } from './after-sale-kit.ts';
import { ExchangePanel } from './ExchangePanel.tsx';
import { describePrint } from './print-order.ts';
import { RefundPanel } from './RefundPanel.tsx';

type OrderView = OutputOf<'getOrder'>;
type Panel = 'none' | 'refund' | 'exchange';

const TICKET_WORDS = { valid: 'Valid', refunded: 'Refunded', exchanged: 'Exchanged' } as const;
const METHOD_WORDS = { cash: 'Cash', card: 'Card', voucher: 'Voucher', complimentary: 'Complimentary', exchange: 'Exchange credit' } as const;

interface Props {
  orderId: string;
  onBack(): void;
  /** Open another order (the one an exchange made). */
  onOpen(orderId: string): void;
}

/** One order: its tickets (pick some to reprint, refund or exchange), payments and history. */
export function OrderDetail({ orderId, onBack, onOpen }: Props) {
  const view = useAsync(() => Promise.all([call('getOrder', { orderId }), call('getOrderHistory', { orderId }), call('getReceiptNumber', { orderId })]), [orderId]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [panel, setPanel] = useState<Panel>('none');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newOrderId, setNewOrderId] = useState<string | null>(null);

  useSalesChanged((p) => {
    if (p.orderId === orderId || p.kind === 'order.exchanged') view.reload();
  });

  const data: OrderView | null = view.data?.[0] ?? null;
  const history = view.data?.[1] ?? [];
  const receiptNumber = view.data?.[2].receiptNumber ?? null;
  const valid = data?.tickets.filter((t) => t.state === 'valid') ?? [];
  const chosen = valid.filter((t) => selected.has(t.id));

  function toggle(id: string) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function reprint() {
    if (!chosen.length || busy) return;
    setBusy(true);
    setError(null);
    try {
      // The core counts and logs each reprint before the copies print.
      const result = await call('reprintTickets', { orderId, ticketIds: chosen.map((t) => t.id) });
      const labels = labelList(chosen.map((t) => t.label));
      setNotice(`Reprint logged for ${labels}. ${describePrint(result.print, 'The copies')}`);
      if (result.print.printed !== 'queued') setError(describePrint(result.print, 'The copies'));
      view.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function openPanel(which: Panel) {
    if (!chosen.length) {
      setError('Tick the tickets first.');
      return;
    }
    setError(null);
    setPanel(which);
  }

  function done(message: string, madeOrderId?: string) {
    setNewOrderId(madeOrderId ?? null);
    setPanel('none');
    setSelected(new Set());
    setNotice(message);
    view.reload();
  }

  useKeys({
    Escape: () => (panel !== 'none' ? setPanel('none') : onBack()),
    F4: panel === 'none' ? () => void reprint() : null,
    F8: panel === 'none' ? () => openPanel('refund') : null,
    F9: panel === 'none' ? () => openPanel('exchange') : null,
  });

  if (!data) {
    return (
      <section className="after-sale">
        <button type="button" onClick={onBack}>
          ← Back <kbd>Esc</kbd>
        </button>
        {view.error ? <p className="error" role="alert">{view.error}</p> : <p className="muted">Loading the order…</p>}
      </section>
    );
  }
  const { order, tickets, payments } = data;
  const money = (minor: number) => formatMoney(minor, order.currency);

  return (
    <section className="after-sale order-detail" aria-label={`Order ${orderReference(order.id)}`} data-testid="order-detail" data-order-id={order.id}>
      <div className="toolbar">
        <button type="button" onClick={onBack} data-testid="order-back">
          ← Orders <kbd>Esc</kbd>
        </button>
        <h1>
          Order <span data-testid="order-reference">{orderReference(order.id)}</span>
          {receiptNumber !== null && <span data-testid="receipt-number"> · receipt no. {receiptNumber}</span>}
          <small>
            {order.customerName ?? 'Walk-in customer'}
            {order.customerPhone ? ` · ${order.customerPhone}` : ''} · sold {dayHeading(order.createdAt, Date.now())} {formatTime(order.createdAt)}
          </small>
        </h1>
        <span className={`badge state-${order.state}`} data-testid="order-state">
          {order.state === 'paid' ? 'Paid' : order.state === 'refunded' ? 'Refunded' : 'Part refunded'}
        </span>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="order-notice">
          {notice}
          {newOrderId && (
            <button type="button" className="inline" onClick={() => onOpen(newOrderId)} data-testid="open-new-order">
              Open order {orderReference(newOrderId)}
            </button>
          )}
        </p>
      )}
      {error && <p className="error" role="alert" data-testid="order-error">{error}</p>}

      <div className="detail-grid">
        <div>
          <h2>Tickets</h2>
          <table className="tickets" data-testid="order-tickets">
            <thead>
              <tr>
                <th scope="col">Pick</th>
                <th scope="col">Seat</th>
                <th scope="col">Price band</th>
                <th scope="col">Price</th>
                <th scope="col">State</th>
                <th scope="col">Checked in</th>
                <th scope="col">Prints</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((t) => (
                <tr key={t.id} data-testid="order-ticket" data-ticket-id={t.id} data-state={t.state}>
                  <td>
                    <label className="pick">
                      <input
                        type="checkbox"
                        disabled={t.state !== 'valid'}
                        checked={selected.has(t.id)}
                        onChange={() => toggle(t.id)}
                        aria-label={`Pick ${t.label}`}
                        data-testid="pick-ticket"
                      />
                    </label>
                  </td>
                  <td className="seat">{t.label}</td>
                  <td>{t.bandName}</td>
                  <td className="money">{money(t.totalMinor)}</td>
                  <td>{TICKET_WORDS[t.state]}</td>
                  <td>{t.checkedInAt ? formatTime(t.checkedInAt) : '—'}</td>
                  <td>{t.printCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" disabled={!valid.length} onClick={() => setSelected(new Set(valid.map((t) => t.id)))} data-testid="pick-all">
              Pick all valid
            </button>
            <button type="button" disabled={!chosen.length || busy} onClick={() => void reprint()} data-testid="reprint">
              Reprint <kbd>F4</kbd>
            </button>
            <button type="button" disabled={!chosen.length} onClick={() => openPanel('refund')} data-testid="open-refund">
              Refund <kbd>F8</kbd>
            </button>
            <button type="button" disabled={!chosen.length} onClick={() => openPanel('exchange')} data-testid="open-exchange">
              Exchange <kbd>F9</kbd>
            </button>
          </div>
          {panel === 'refund' && (
            <RefundPanel order={order} tickets={chosen} onDone={done} onCancel={() => setPanel('none')} />
          )}
          {panel === 'exchange' && (
            <ExchangePanel order={order} tickets={chosen} onDone={done} onCancel={() => setPanel('none')} />
          )}
        </div>
        <div>
          <h2>Payments</h2>
          <ul className="payments" data-testid="order-payments">
            {payments.map((p) => (
              <li key={p.id}>
                <span>{METHOD_WORDS[p.method]}</span>
                <span className="money">{money(p.amountMinor)}</span>
                <small className="muted">{formatTime(p.at)}</small>
              </li>
            ))}
            <li className="total">
              <span>Total paid</span>
              <span className="money" data-testid="order-net">{money(order.totalMinor - order.refundedMinor)}</span>
            </li>
          </ul>
          <h2>History</h2>
          <ol className="history" data-testid="order-history">
            {history.map((h) => (
              <li key={h.seq} data-testid="history-entry" data-kind={h.kind}>
                <span className="when">
                  {dayHeading(h.at, Date.now())} {formatTime(h.at)}
                </span>
                <span className="what">
                  {h.summary}
                  {h.amountMinor !== null && <strong> {money(h.amountMinor)}</strong>}
                </span>
                <small className="muted">
                  {h.staffName ?? 'Automatic'} · {h.stationName}
                </small>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
