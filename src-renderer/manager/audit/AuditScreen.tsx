import { useState } from 'react';
import { orderReference } from '../../../src-shared/contract/orders.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { formatDateTime } from '../events/admin-kit.tsx';

interface Filters {
  staffId: string;
  performanceId: string;
  orderId: string;
  kind: string;
}

const NONE: Filters = { staffId: '', performanceId: '', orderId: '', kind: '' };
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Who did what, when and from which window: the sales ledger and the audit log in one list. */
export function AuditScreen(_props: ScreenProps) {
  const [filters, setFilters] = useState<Filters>(NONE);
  const staff = useAsync(() => call('listAllStaff', {}), []);
  const log = useAsync(
    () =>
      call('queryAuditLog', {
        limit: 200,
        ...(filters.staffId ? { staffId: filters.staffId } : {}),
        ...(ID.test(filters.performanceId) ? { performanceId: filters.performanceId } : {}),
        ...(ID.test(filters.orderId) ? { orderId: filters.orderId } : {}),
        ...(filters.kind ? { kind: filters.kind } : {}),
      }),
    [filters.staffId, filters.performanceId, filters.orderId, filters.kind],
  );
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value.trim() });

  return (
    <section className="admin" data-testid="audit-screen">
      <div className="toolbar">
        <h1>Audit log</h1>
        <button type="button" onClick={log.reload}>
          Refresh
        </button>
      </div>
      <div className="admin-card admin-form">
        <label>
          Person
          <select value={filters.staffId} onChange={set('staffId')} data-testid="audit-staff">
            <option value="">Everyone</option>
            {staff.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={filters.kind} onChange={set('kind')} data-testid="audit-kind">
            <option value="">Every kind</option>
            {[...new Set(log.data?.kinds.map((k) => `${k.split('.')[0]}.`))].map((prefix) => (
              <option key={prefix} value={prefix}>
                {prefix}*
              </option>
            ))}
            {log.data?.kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Performance id
          <input value={filters.performanceId} onChange={set('performanceId')} placeholder="26-character id" data-testid="audit-performance" />
        </label>
        <label>
          Order id
          <input value={filters.orderId} onChange={set('orderId')} placeholder="26-character id" data-testid="audit-order" />
        </label>
        <div className="admin-actions">
          <button type="button" onClick={() => setFilters(NONE)}>
            Clear filters
          </button>
        </div>
      </div>
      {log.error && <p className="error">{log.error}</p>}
      <div className="admin-card">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Window</th>
              <th>What happened</th>
              <th>See also</th>
            </tr>
          </thead>
          <tbody>
            {log.data?.entries.map((e) => (
              <tr key={`${e.source}-${e.seq}`} data-testid="audit-row" data-kind={e.kind}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.staffName ?? '—'}
                  {e.approvedByName && <small className="muted"> (approved by {e.approvedByName})</small>}
                </td>
                <td>{e.stationName ?? 'A window since removed'}</td>
                <td title={e.kind} data-testid="audit-what">
                  {e.summary}
                </td>
                <td>
                  {e.orderId && (
                    <button type="button" className="link" onClick={() => setFilters({ ...NONE, orderId: e.orderId! })}>
                      order {orderReference(e.orderId)}
                    </button>
                  )}
                  {e.performanceId && !filters.performanceId && (
                    <button type="button" className="link" onClick={() => setFilters({ ...NONE, performanceId: e.performanceId! })}>
                      this performance
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {log.data && log.data.entries.length === 0 && <p className="muted">Nothing matches these filters.</p>}
      </div>
    </section>
  );
}
