import { useState } from 'react';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, Field, useAction } from '../events/admin-kit.tsx';
import { BlocksPanel } from './BlocksPanel.tsx';
import { PlanImport } from './PlanImport.tsx';

/** Venues and their seating plans (import with a preview), plan categories, and blocked seats. */
export function VenuesScreen(_props: ScreenProps) {
  const venues = useAsync(() => call('listVenues', {}), []);
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [planId, setPlanId] = useState<string | null>(null);
  const categories = useAsync(() => (planId ? call('planCategories', { planId }) : Promise.resolve([])), [planId]);
  const action = useAction();

  async function addVenue() {
    const v = await action.run(() => call('createVenue', { name, address }), (v) => `Added ${v.name}.`);
    if (v) {
      setName('');
      setAddress('');
      venues.reload();
    }
  }

  return (
    <section className="admin" data-testid="venues-screen">
      <div className="toolbar">
        <h1>Venues and seating plans</h1>
      </div>
      <div className="admin-columns">
        <div className="admin">
          <div className="admin-card">
            <h2>Venues</h2>
            <ul className="admin-list">
              {venues.data?.map((v) => (
                <li key={v.id} data-testid="venue-item">
                  <strong>{v.name}</strong>
                  <ul className="admin-list">
                    {v.plans.map((p) => (
                      <li key={p.id}>
                        <button type="button" aria-pressed={p.id === planId} onClick={() => setPlanId(p.id)} data-testid="plan-item">
                          <span>{p.name}</span>
                          <small className="muted">{p.seats} seats</small>
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
          <form
            className="admin-card"
            onSubmit={(e) => {
              e.preventDefault();
              void addVenue();
            }}
          >
            <h2>Add a venue</h2>
            <Field label="Name">
              <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="venue-name-input" />
            </Field>
            <Field label="Address">
              <input value={address} onChange={(e) => setAddress(e.target.value)} data-testid="venue-address-input" />
            </Field>
            <button type="submit" className="primary" disabled={action.busy} data-testid="venue-add">
              Add venue
            </button>
            <Feedback error={action.error} done={action.done} />
          </form>
          {planId && (
            <div className="admin-card" data-testid="plan-categories">
              <h2>Plan categories</h2>
              <p className="muted">Each category gets its prices per event on the Prices screen.</p>
              <ul className="admin-list">
                {categories.data?.map((c) => (
                  <li key={c.name}>
                    <span className="badge" style={{ borderLeft: `12px solid ${c.color}` }}>
                      {c.name}
                    </span>{' '}
                    {c.seats} seats
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="admin">
          <PlanImport venues={venues.data ?? []} onImported={venues.reload} />
          <BlocksPanel />
        </div>
      </div>
    </section>
  );
}
