import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { formatMoney, venue } from '../../format.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, Field, minorToText, useAction } from '../../kit/admin-form.tsx';
import { DiscountCodes } from './DiscountCodes.tsx';
import { refuse } from '../../kit/error-text.ts';
import { readPercentBp } from '../../kit/money.ts';

type Band = OutputOf<'listEventPriceBands'>[number];

const ALL = '__all__';

/** The categories of every plan an event plays on: the price zones its bands can map to. */
async function categoriesOfEvent(eventId: string): Promise<string[]> {
  const performances = await call('listEventPerformances', { eventId });
  const planIds = [...new Set(performances.map((p) => p.planId))];
  const lists = await Promise.all(planIds.map((planId) => call('planCategories', { planId })));
  return [...new Set(lists.flat().map((c) => c.name))].sort();
}

export function PricesScreen({ station }: ScreenProps) {
  const events = useAsync(() => call('listEvents', {}), []);
  const settings = useAsync(() => call('getSettings', {}), []);
  const [eventId, setEventId] = useState('');
  const chosen = eventId || events.data?.[0]?.id || '';
  const bands = useAsync(() => (chosen ? call('listEventPriceBands', { eventId: chosen }) : Promise.resolve([])), [chosen]);
  const categories = useAsync(() => (chosen ? categoriesOfEvent(chosen) : Promise.resolve([])), [chosen]);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState({ name: 'Adult', category: ALL, price: '', taxPercent: '20', taxIncluded: true });
  const action = useAction();
  const currency = settings.data?.settings.currency ?? station.currency;

  useEffect(() => {
    if (!settings.data || editing) return;
    setForm((f) => ({ ...f, taxPercent: String(settings.data!.settings.defaultTaxRateBp / 100), taxIncluded: settings.data!.settings.defaultTaxIncluded }));
  }, [settings.data]);

  function edit(b: Band) {
    setEditing(b.id);
    setForm({ name: b.name, category: b.category ?? ALL, price: minorToText(b.priceMinor), taxPercent: String(b.taxRateBp / 100), taxIncluded: b.taxIncluded });
  }

  async function save() {
    const priceReading = venue().readMoney(form.price);
    const priceMinor = priceReading.ok ? priceReading.minor : null;
    const taxRateBp = readPercentBp(form.taxPercent);
    const r = await action.run(async () => {
      if (priceMinor === null) refuse(`Price: ${priceReading.ok ? '' : priceReading.problem}`);
      if (taxRateBp === null) refuse(`Tax rate: “${form.taxPercent}” is not a percentage between 0 and 100 (e.g. 20 or 12.5).`);
      return call('savePriceBand', {
        eventId: chosen,
        id: editing ?? undefined,
        band: { name: form.name, category: form.category === ALL ? null : form.category, priceMinor, taxRateBp, taxIncluded: form.taxIncluded },
      });
    }, (b) => `Saved ${b.name} at ${formatMoney(b.priceMinor, currency)}.`);
    if (r) {
      setEditing(null);
      setForm({ ...form, price: '' });
      bands.reload();
    }
  }

  async function remove(b: Band) {
    const r = await action.run(() => call('removePriceBand', { id: b.id }), () => `Removed ${b.name}.`);
    if (r) bands.reload();
  }

  return (
    <section className="admin" data-testid="prices-screen">
      <div className="toolbar">
        <h1>Prices</h1>
        <label className="admin-field">
          Event
          <select value={chosen} onChange={(e) => setEventId(e.target.value)} data-testid="prices-event">
            {events.data?.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="admin-card">
        <h2>Price bands by category</h2>
        <table>
          <thead>
            <tr>
              <th>Band</th>
              <th>Category</th>
              <th className="num">Price</th>
              <th className="num">Tax</th>
              <th className="num">Sold</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {bands.data?.map((b) => (
              <tr key={b.id} data-testid="band-row">
                <td>{b.name}</td>
                <td>{b.category ?? 'Every category'}</td>
                <td className="num">{formatMoney(b.priceMinor, currency)}</td>
                <td className="num">
                  {b.taxRateBp / 100}% {b.taxIncluded ? 'incl.' : 'added'}
                </td>
                <td className="num">{b.ticketsSold}</td>
                <td>
                  <div className="admin-actions">
                    {b.ticketsSold === 0 ? (
                      <>
                        <button type="button" onClick={() => edit(b)}>
                          Edit
                        </button>
                        <button type="button" className="admin-danger" onClick={() => void remove(b)} data-testid="band-remove">
                          Remove
                        </button>
                      </>
                    ) : (
                      <span className="muted">Sold: fixed</span>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="admin-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="Band name">
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required data-testid="band-name" />
          </Field>
          <Field label="Category (price zone)">
            <select value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} data-testid="band-category">
              <option value={ALL}>Every category</option>
              {categories.data?.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </Field>
          <Field label={`Price (${currency})`}>
            <input inputMode="decimal" value={form.price} onChange={(e) => setForm({ ...form, price: e.target.value })} placeholder="25.00" required data-testid="band-price" />
          </Field>
          <Field label="Tax rate (%)">
            <input inputMode="decimal" value={form.taxPercent} onChange={(e) => setForm({ ...form, taxPercent: e.target.value })} data-testid="band-tax" />
          </Field>
          <label className="weekdays">
            <input type="checkbox" checked={form.taxIncluded} onChange={(e) => setForm({ ...form, taxIncluded: e.target.checked })} /> Tax included in price
          </label>
          <div className="admin-actions">
            <button type="submit" className="primary" disabled={!chosen || action.busy} data-testid="band-save">
              {editing ? 'Save band' : 'Add band'}
            </button>
            {editing && (
              <button type="button" onClick={() => setEditing(null)}>
                Stop editing
              </button>
            )}
          </div>
        </form>
        <Feedback error={action.error} done={action.done} />
      </div>
      <DiscountCodes events={events.data ?? []} currency={currency} />
    </section>
  );
}
