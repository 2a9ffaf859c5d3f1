import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { bridge, call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, Field, useAction } from '../../kit/admin-form.tsx';
import { PerformancesPanel } from './PerformancesPanel.tsx';
import { RunForm } from './RunForm.tsx';

type EventDetails = OutputOf<'listEvents'>[number];

const EMPTY = { title: '', description: '', durationMinutes: 120, ageRating: '', layoutId: null as string | null };

/** Events and their performances: details, a run of performances in one go, on/off sale and cancelling. */
export function EventsScreen(_props: ScreenProps) {
  const events = useAsync(() => call('listEvents', {}), []);
  const layouts = useAsync(() => call('listLayouts', {}), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState(EMPTY);
  const [tick, setTick] = useState(0);
  const action = useAction();
  const selected = events.data?.find((e) => e.id === selectedId) ?? null;

  useEffect(() => bridge.on('performancesChanged', () => events.reload()), [events.reload]);
  useEffect(() => {
    setDraft(selected ? { title: selected.title, description: selected.description, durationMinutes: selected.durationMinutes, ageRating: selected.ageRating, layoutId: selected.layoutId } : EMPTY);
  }, [selected?.id]);

  async function save() {
    const saved = await action.run(
      () => call('saveEvent', { id: selectedId ?? undefined, event: draft }),
      (e: EventDetails) => (selectedId ? `Saved ${e.title}.` : `Created ${e.title}.`),
    );
    if (saved) {
      setSelectedId(saved.id);
      events.reload();
    }
  }

  return (
    <section className="admin" data-testid="events-screen">
      <div className="toolbar">
        <h1>Events and performances</h1>
        <button type="button" onClick={() => setSelectedId(null)} data-testid="new-event">
          New event
        </button>
      </div>
      <div className="admin-columns">
        <div className="admin-card">
          <h2>Events</h2>
          {events.error && <p className="error">{events.error}</p>}
          <ul className="admin-list">
            {events.data?.map((e) => (
              <li key={e.id}>
                <button type="button" aria-pressed={e.id === selectedId} onClick={() => setSelectedId(e.id)} data-testid="event-item">
                  <span>{e.title}</span>
                  <small className="muted">{e.performances} perf.</small>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="admin">
          <form
            className="admin-card"
            onSubmit={(ev) => {
              ev.preventDefault();
              void save();
            }}
          >
            <h2>{selected ? `Edit ${selected.title}` : 'New event'}</h2>
            <div className="admin-form">
              <Field label="Title" wide>
                <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required data-testid="event-title" />
              </Field>
              <Field label="Description" wide>
                <textarea value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} data-testid="event-description" />
              </Field>
              <Field label="Duration (minutes)">
                <input type="number" min={1} value={draft.durationMinutes} onChange={(e) => setDraft({ ...draft, durationMinutes: Number(e.target.value) })} data-testid="event-duration" />
              </Field>
              <Field label="Age rating">
                <input value={draft.ageRating} onChange={(e) => setDraft({ ...draft, ageRating: e.target.value })} placeholder="e.g. 12+" data-testid="event-age" />
              </Field>
              <Field label="Ticket layout">
                <select value={draft.layoutId ?? ''} onChange={(e) => setDraft({ ...draft, layoutId: e.target.value || null })} data-testid="event-layout">
                  <option value="">Installation default</option>
                  {layouts.data?.layouts.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </Field>
              <div className="admin-actions">
                <button type="submit" className="primary" disabled={action.busy} data-testid="save-event">
                  {selected ? 'Save event' : 'Create event'}
                </button>
              </div>
            </div>
            <Feedback error={action.error} done={action.done} />
          </form>
          {selected && (
            <>
              <RunForm eventId={selected.id} onCreated={() => setTick((t) => t + 1)} />
              <PerformancesPanel eventId={selected.id} refresh={tick} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
