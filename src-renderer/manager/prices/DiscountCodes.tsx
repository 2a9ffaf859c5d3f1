import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { formatMoney } from '../../format.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, Field, formatDateTime, minorToText, parseMoney, useAction } from '../../kit/admin-form.tsx';
import { DateTimeTextField, readDateTime } from '../../kit/date-fields.tsx';
import { refuse } from '../../kit/error-text.ts';
import { readPercentBp } from '../../kit/money.ts';

export function DiscountCodes({ events, currency }: { events: OutputOf<'listEvents'>; currency: string }) {
  const codes = useAsync(() => call('listDiscountCodes', {}), []);
  const [form, setForm] = useState({ code: '', kind: 'percent' as 'percent' | 'fixed', value: '', eventId: '', validUntil: '', maxUses: '' });
  const action = useAction();
  const titles = new Map(events.map((e) => [e.id, e.title]));

  async function create() {
    const r = await action.run(async () => {
      // A percentage in hundredths (12.5 % is 1250), or an amount read by the one money parser.
      const value = form.kind === 'percent' ? readPercentBp(form.value) : parseMoney(form.value);
      if (value === null || !Number.isFinite(value) || value <= 0) refuse(`“${form.value}” is not a discount; type a percentage like 10 or an amount like ${minorToText(250)}.`);
      const until = readDateTime(form.validUntil, 'the end of the code');
      return call('createDiscountCode', {
        code: form.code,
        kind: form.kind,
        value,
        ...(form.eventId ? { eventId: form.eventId } : {}),
        ...(until !== null ? { validUntil: until } : {}),
        ...(form.maxUses ? { maxUses: Number(form.maxUses) } : {}),
      });
    }, (c) => `Created ${c.code}.`);
    if (r) {
      setForm({ ...form, code: '', value: '' });
      codes.reload();
    }
  }

  async function deactivate(id: string) {
    const r = await action.run(() => call('deactivateDiscountCode', { id }), (c) => `${c.code} is switched off.`);
    if (r) codes.reload();
  }

  return (
    <div className="admin-card" data-testid="discount-codes">
      <h2>Discount codes</h2>
      <table>
        <thead>
          <tr>
            <th>Code</th>
            <th>Discount</th>
            <th>Event</th>
            <th>Valid until</th>
            <th className="num">Used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {codes.data?.map((c) => (
            <tr key={c.id} data-testid="discount-row">
              <td>
                <strong>{c.code}</strong>
              </td>
              <td>{c.kind === 'percent' ? `${c.value / 100}%` : formatMoney(c.value, currency)}</td>
              <td>{c.eventId ? (titles.get(c.eventId) ?? 'an event') : 'Every event'}</td>
              <td>{c.validUntil ? formatDateTime(c.validUntil) : '—'}</td>
              <td className="num">
                {c.uses}
                {c.maxUses ? ` / ${c.maxUses}` : ''}
              </td>
              <td>
                {c.active ? (
                  <button type="button" className="admin-danger" onClick={() => void deactivate(c.id)} data-testid="discount-deactivate">
                    Switch off
                  </button>
                ) : (
                  <span className="muted">Off</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {codes.data?.length === 0 && <p className="muted">No discount codes yet.</p>}
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field label="Code">
          <input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} required minLength={3} data-testid="discount-code" />
        </Field>
        <Field label="Kind">
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'percent' | 'fixed' })}>
            <option value="percent">Percent off</option>
            <option value="fixed">Amount off</option>
          </select>
        </Field>
        <Field label={form.kind === 'percent' ? 'Percent' : `Amount (${currency})`}>
          <input inputMode="decimal" value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} required data-testid="discount-value" />
        </Field>
        <Field label="Event">
          <select value={form.eventId} onChange={(e) => setForm({ ...form, eventId: e.target.value })}>
            <option value="">Every event</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Valid until (optional)">
          <DateTimeTextField value={form.validUntil} onChange={(validUntil) => setForm({ ...form, validUntil })} />
        </Field>
        <Field label="Use limit (optional)">
          <input type="number" min={1} value={form.maxUses} onChange={(e) => setForm({ ...form, maxUses: e.target.value })} />
        </Field>
        <div className="admin-actions">
          <button type="submit" className="primary" disabled={action.busy} data-testid="discount-create">
            Create code
          </button>
        </div>
      </form>
      <Feedback error={action.error} done={action.done} />
    </div>
  );
}
