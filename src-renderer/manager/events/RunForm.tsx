import { useState } from 'react';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { DateField, TimeField } from '../../kit/date-fields.tsx';
import { Feedback, Field, useAction } from '../../kit/admin-form.tsx';
import { MarqueeError } from '../../../src-shared/errors.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Slot {
  weekdays: number[];
  time: string;
}

/** A run of performances: weekdays × times × a date range, created in one transaction by the core. */
export function RunForm({ eventId, onCreated }: { eventId: string; onCreated(): void }) {
  const venues = useAsync(() => call('listVenues', {}), []);
  const [planId, setPlanId] = useState('');
  const [firstDate, setFirstDate] = useState('');
  const [lastDate, setLastDate] = useState('');
  const [slots, setSlots] = useState<Slot[]>([{ weekdays: [2, 3, 4, 5, 6], time: '19:30' }]);
  const [offSale, setOffSale] = useState(false);
  const action = useAction();
  const plans = venues.data?.flatMap((v) => v.plans.map((p) => ({ ...p, venue: v.name }))) ?? [];
  const chosenPlan = planId || plans[0]?.id || '';

  const setSlot = (i: number, slot: Slot) => setSlots(slots.map((s, j) => (j === i ? slot : s)));

  // The categories the core refused to put on sale without a price: the form then offers to create the run off sale.
  const [unpriced, setUnpriced] = useState<string[]>([]);

  async function create(state: 'on_sale' | 'off_sale') {
    setUnpriced([]);
    const result = await action.run(
      async () => {
        try {
          return await call('createRun', { eventId, planId: chosenPlan, firstDate, lastDate, slots, state });
        } catch (e) {
          setUnpriced(unpricedIn(e));
          throw e;
        }
      },
      (r) =>
        state === 'off_sale'
          ? `Created ${r.performanceIds.length} performances, off sale: add their prices, then put them on sale.`
          : `Created ${r.performanceIds.length} performances.`,
    );
    if (result) onCreated();
  }

  return (
    <form
      className="admin-card"
      data-testid="run-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create(offSale ? 'off_sale' : 'on_sale');
      }}
    >
      <h2>Create a run of performances</h2>
      <div className="admin-form">
        <Field label="Venue and seating plan">
          <select value={chosenPlan} onChange={(e) => setPlanId(e.target.value)} data-testid="run-plan">
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.venue} · {p.name} ({p.seats} seats)
              </option>
            ))}
          </select>
        </Field>
        <Field label="First date">
          <DateField value={firstDate} onChange={setFirstDate} required data-testid="run-first" />
        </Field>
        <Field label="Last date">
          <DateField value={lastDate} onChange={setLastDate} required data-testid="run-last" />
        </Field>
        <label className="weekdays">
          <input type="checkbox" checked={offSale} onChange={(e) => setOffSale(e.target.checked)} data-testid="run-off-sale" /> Create off sale
        </label>
        {slots.map((slot, i) => (
          <fieldset key={i} className="wide admin-actions" data-testid="run-slot">
            <legend>Times {i + 1}</legend>
            <div className="weekdays">
              {WEEKDAYS.map((name, day) => (
                <label key={name}>
                  <input
                    type="checkbox"
                    checked={slot.weekdays.includes(day)}
                    onChange={(e) => setSlot(i, { ...slot, weekdays: e.target.checked ? [...slot.weekdays, day].sort() : slot.weekdays.filter((d) => d !== day) })}
                    data-testid={`run-day-${i}-${day}`}
                  />
                  {name}
                </label>
              ))}
            </div>
            {/* On the venue's clock: the core turns each date and this time into an instant in the venue's zone. */}
            <TimeField value={slot.time} onChange={(time) => setSlot(i, { ...slot, time })} required aria-label={`Time ${i + 1}`} data-testid={`run-time-${i}`} />
            {slots.length > 1 && (
              <button type="button" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
                Remove
              </button>
            )}
          </fieldset>
        ))}
        <div className="admin-actions wide">
          <button type="button" onClick={() => setSlots([...slots, { weekdays: [6], time: '14:30' }])} data-testid="run-add-slot">
            Add another time
          </button>
          <button type="submit" className="primary" disabled={action.busy || !chosenPlan} data-testid="run-create">
            Create performances
          </button>
        </div>
      </div>
      <Feedback error={action.error} done={action.done} />
      {unpriced.length > 0 && (
        <div className="admin-actions">
          <button type="button" disabled={action.busy} onClick={() => void create('off_sale')} data-testid="run-create-off-sale">
            Create them off sale for now
          </button>
        </div>
      )}
    </form>
  );
}

/** The categories without a price that a refused on-sale run names (none for any other failure). */
function unpricedIn(error: unknown): string[] {
  const named = error instanceof MarqueeError ? error.details?.['unpricedCategories'] : undefined;
  return Array.isArray(named) ? named.filter((c): c is string => typeof c === 'string') : [];
}
