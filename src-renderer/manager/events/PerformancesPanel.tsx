import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { orderReference } from '../../../src-shared/contract/orders.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { DateTimeField } from '../../kit/date-fields.tsx';
import { Feedback, formatDateTime, useAction } from '../../kit/admin-form.tsx';
import { STATE_LABELS } from './admin-kit.tsx';

type Impact = OutputOf<'performanceImpact'>;
type OnSaleRefusals = OutputOf<'putEventOnSale'>['refused'];

/** An event's performances: put on or off sale, move the on-sale window (from and until), cancel with what is left to refund. */
export function PerformancesPanel({ eventId, refresh }: { eventId: string; refresh: number }) {
  const list = useAsync(() => call('listEventPerformances', { eventId }), [eventId, refresh]);
  const action = useAction();
  const [confirming, setConfirming] = useState<{ id: string; impact: Impact } | null>(null);
  const [leftOver, setLeftOver] = useState<Impact | null>(null);
  const [refusals, setRefusals] = useState<OnSaleRefusals>([]);

  useEffect(() => {
    setConfirming(null);
    setLeftOver(null);
    setRefusals([]);
  }, [eventId]);

  /** A series made off sale goes on sale in one press; the core says which performances still lack prices. */
  async function putAllOnSale() {
    const r = await action.run(
      () => call('putEventOnSale', { eventId }),
      (v) => (v.putOnSale.length === 0 && v.refused.length === 0 ? 'Every performance that has not started is already on sale.' : `${v.putOnSale.length} performance(s) put on sale.`),
    );
    if (r) {
      setRefusals(r.refused);
      list.reload();
    }
  }
  const offSale = list.data?.filter((p) => p.state === 'off_sale').length ?? 0;

  async function change(performanceId: string, changes: { state?: 'on_sale' | 'off_sale' | 'cancelled'; startsAt?: number; onSaleFrom?: number | null; onSaleUntil?: number | null }) {
    const r = await action.run(() => call('updatePerformance', { performanceId, ...changes }), () => 'Performance updated.');
    if (r) {
      if (changes.state === 'cancelled') setLeftOver(r.toResolve);
      setConfirming(null);
      list.reload();
    }
  }

  async function askCancel(id: string) {
    const impact = await action.run(() => call('performanceImpact', { performanceId: id }));
    if (impact) setConfirming({ id, impact });
  }

  return (
    <div className="admin-card" data-testid="performances-panel">
      <h2>Performances {list.data && <small className="muted">({list.data.length})</small>}</h2>
      {offSale > 0 && (
        <div className="admin-actions">
          <button type="button" onClick={() => void putAllOnSale()} disabled={action.busy} data-testid="put-all-on-sale">
            Put all on sale ({offSale} off sale)
          </button>
        </div>
      )}
      {refusals.length > 0 && (
        <div className="error" role="alert" data-testid="on-sale-refused">
          <p>These stay off sale:</p>
          <ul>
            {refusals.map((r) => (
              <li key={r.performanceId}>
                <strong>{formatDateTime(r.startsAt)}</strong>: {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {list.error && <p className="error">{list.error}</p>}
      {confirming && (
        <div className="error" role="alertdialog" aria-label="Cancel performance" data-testid="cancel-confirm">
          <p>
            Cancelling leaves {confirming.impact.orders.length} paid order(s) and {confirming.impact.reservations.length} reservation(s) to refund or move.
          </p>
          <div className="admin-actions">
            <button type="button" className="admin-danger" onClick={() => void change(confirming.id, { state: 'cancelled' })} data-testid="cancel-confirm-yes">
              Cancel the performance
            </button>
            <button type="button" onClick={() => setConfirming(null)} autoFocus>
              Keep it
            </button>
          </div>
        </div>
      )}
      {leftOver && (leftOver.orders.length > 0 || leftOver.reservations.length > 0) && (
        <div className="admin-card" data-testid="cancel-impact">
          <h2>To refund or move</h2>
          <ul>
            {leftOver.orders.map((o) => (
              <li key={o.id}>
                Order {orderReference(o.id)} · {o.customerName ?? 'no name'} · {o.tickets} ticket(s)
              </li>
            ))}
            {leftOver.reservations.map((r) => (
              <li key={r.id}>
                Reservation {r.reference} · {r.customerName} · {r.seats} seat(s)
              </li>
            ))}
          </ul>
        </div>
      )}
      <Feedback error={action.error} done={null} />
      <table>
        <thead>
          <tr>
            <th>Performance</th>
            <th className="num">Sold</th>
            <th>Move start to</th>
            <th>On-sale window</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data?.map((p) => (
            <tr key={p.id} data-testid="admin-performance" data-performance-id={p.id}>
              <td>
                <strong>{formatDateTime(p.startsAt)}</strong>
                <br />
                <small className="muted">
                  {p.venueName} · {p.planName}
                </small>
              </td>
              <td className="num">
                {p.sold} / {p.capacity}
              </td>
              <td>
                <DateTimeField
                  className="when"
                  at={p.startsAt}
                  aria-label={`Move the start of ${formatDateTime(p.startsAt)}`}
                  onCommit={(v) => {
                    if (v !== null) void change(p.id, { startsAt: v });
                  }}
                  data-testid="performance-start"
                />
              </td>
              <td>
                {/* Stacked so the table still fits 1280 px; an empty "until" sells until the start. */}
                <div className="on-sale-window">
                  <label>
                    From
                    <DateTimeField className="when" at={p.onSaleFrom} aria-label="On sale from" onCommit={(v) => void change(p.id, { onSaleFrom: v })} />
                  </label>
                  <label>
                    Until
                    <DateTimeField
                      className="when"
                      at={p.onSaleUntil}
                      aria-label="On sale until (empty: until the performance starts)"
                      onCommit={(v) => void change(p.id, { onSaleUntil: v })}
                      data-testid="performance-on-sale-until"
                    />
                  </label>
                </div>
              </td>
              <td>
                <span className={`badge ${p.state}`} data-testid="performance-state">
                  {STATE_LABELS[p.state]}
                </span>
              </td>
              <td>
                <div className="admin-actions">
                  {p.state !== 'cancelled' && (
                    <button type="button" onClick={() => void change(p.id, { state: p.state === 'on_sale' ? 'off_sale' : 'on_sale' })} data-testid="performance-sale-toggle">
                      {p.state === 'on_sale' ? 'Take off sale' : 'Put on sale'}
                    </button>
                  )}
                  {p.state !== 'cancelled' && (
                    <button type="button" className="admin-danger" onClick={() => void askCancel(p.id)} data-testid="cancel-performance">
                      Cancel…
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
