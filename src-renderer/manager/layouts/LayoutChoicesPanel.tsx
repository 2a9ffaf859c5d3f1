import { useEffect, useState } from 'react';
import type { LayoutChoices, LayoutInfoDto } from '../../../src-shared/contract/layouts.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';

/** Which ticket layout each event, and each of its price bands, prints with. */
export function LayoutChoicesPanel({ layouts }: { layouts: LayoutInfoDto[] }) {
  const [choices, setChoices] = useState<LayoutChoices | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ticketLayouts = layouts.filter((l) => l.kind === 'ticket');

  const reload = () =>
    void call('listLayoutChoices', {})
      .then(setChoices)
      .catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }));
  useEffect(reload, []);

  async function choose(run: () => Promise<unknown>, what: string) {
    setMessage(null);
    try {
      await run();
      setMessage({ ok: true, text: what });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
    reload();
  }

  const options = (fallback: string) => (
    <>
      <option value="">{fallback}</option>
      {ticketLayouts.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name} ({l.id})
        </option>
      ))}
    </>
  );

  return (
    <section className="layout-choices" aria-label="Ticket layout per event">
      <p className="muted">A price band's layout wins over its event's; with neither, the printer's default for tickets prints.</p>
      {message && (
        <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {choices?.events.length === 0 && <p className="muted">No events yet.</p>}
      <ul>
        {choices?.events.map((event) => (
          <li key={event.id} className="event-choice" data-testid="event-layout-row">
            <label className="event-line">
              <strong>{event.title}</strong>
              <select
                value={event.layoutId ?? ''}
                data-testid="event-layout"
                onChange={(e) => void choose(() => call('setEventLayout', { eventId: event.id, layoutId: e.target.value || null }), `${event.title}: layout saved.`)}
              >
                {options("Printer's default")}
              </select>
            </label>
            <ul>
              {event.priceBands.map((band) => (
                <li key={band.id}>
                  <label className="band-line">
                    <span>
                      {band.name} <span className="muted">{band.category ?? 'every seat'}</span>
                    </span>
                    <select
                      value={band.layoutId ?? ''}
                      data-testid="band-layout"
                      onChange={(e) =>
                        void choose(() => call('setPriceBandLayout', { priceBandId: band.id, layoutId: e.target.value || null }), `${event.title}, ${band.name}${band.category ? ` (${band.category})` : ''}: layout saved.`)
                      }
                    >
                      {options("The event's")}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
