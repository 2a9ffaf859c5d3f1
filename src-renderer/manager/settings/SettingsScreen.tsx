import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, Field, useAction } from '../events/admin-kit.tsx';

type Settings = OutputOf<'getSettings'>['settings'];
const CONFIRM = 'RESET DEMO';
/** The contract's ranges (src-shared/contract/settings.ts), repeated for the inputs; the core checks them again. */
const PIN_LENGTHS = [4, 5, 6, 7, 8] as const;
const IDLE_MINUTES = { min: 5, max: 480 } as const;

/** Venue, money, holds and deadlines, sign-in rules; the data folder; and the demo reset on demo installations. */
export function SettingsScreen(_props: ScreenProps) {
  const loaded = useAsync(() => call('getSettings', {}), []);
  const [form, setForm] = useState<Settings | null>(null);
  const [confirm, setConfirm] = useState('');
  const [askReset, setAskReset] = useState(false);
  const action = useAction();
  const reset = useAction();

  useEffect(() => {
    if (loaded.data) setForm(loaded.data.settings);
  }, [loaded.data]);

  async function save() {
    if (!form || !loaded.data) return;
    const before = loaded.data.settings;
    const changes = Object.fromEntries(Object.entries(form).filter(([k, v]) => before[k as keyof Settings] !== v)) as Partial<Settings>;
    const r = await action.run(() => call('updateSettings', { changes }), () => 'Settings saved.');
    if (r) loaded.reload();
  }

  async function resetDemo() {
    const r = await reset.run(() => call('resetDemo', { confirm: CONFIRM }), (r) => `The demo is back: ${r.performances} performances.`);
    if (r) {
      setAskReset(false);
      setConfirm('');
      loaded.reload();
    }
  }

  const num = (key: keyof Settings) => (e: { target: { value: string } }) => form && setForm({ ...form, [key]: Number(e.target.value) });
  const text = (key: keyof Settings) => (e: { target: { value: string } }) => form && setForm({ ...form, [key]: e.target.value });

  return (
    <section className="admin" data-testid="settings-screen">
      <div className="toolbar">
        <h1>Settings</h1>
      </div>
      {loaded.error && <p className="error">{loaded.error}</p>}
      {form && (
        <form
          className="admin-card"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="admin-form">
            <Field label="Venue name">
              <input value={form.venueName} onChange={text('venueName')} data-testid="settings-venue-name" />
            </Field>
            <Field label="Venue address" wide>
              <input value={form.venueAddress} onChange={text('venueAddress')} data-testid="settings-venue-address" />
            </Field>
            <Field label="Currency (ISO code)">
              <input value={form.currency} maxLength={3} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} data-testid="settings-currency" />
            </Field>
            <Field label="Time zone">
              <input value={form.timeZone} onChange={text('timeZone')} data-testid="settings-time-zone" />
            </Field>
            <Field label="Locale (dates, numbers, money)">
              <input value={form.locale} onChange={text('locale')} placeholder="en-GB" data-testid="settings-locale" />
            </Field>
            <Field label="Default tax rate (%)">
              <input
                inputMode="decimal"
                value={form.defaultTaxRateBp / 100}
                onChange={(e) => setForm({ ...form, defaultTaxRateBp: Math.round(Number(e.target.value) * 100) })}
                data-testid="settings-tax"
              />
            </Field>
            <label className="weekdays">
              <input type="checkbox" checked={form.defaultTaxIncluded} onChange={(e) => setForm({ ...form, defaultTaxIncluded: e.target.checked })} /> Prices include tax
            </label>
            <Field label="Hold duration (minutes)">
              <input type="number" min={1} max={120} value={form.holdMinutes} onChange={num('holdMinutes')} data-testid="settings-hold" />
            </Field>
            <Field label="Reservation deadline (hours before)">
              <input type="number" min={0} value={form.reservationDeadlineHours} onChange={num('reservationDeadlineHours')} data-testid="settings-deadline" />
            </Field>
            <Field label="Shortest PIN (digits)">
              <select value={form.minPinLength} onChange={num('minPinLength')} data-testid="settings-min-pin">
                {PIN_LENGTHS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Sign out a window unused for (minutes)">
              <input
                type="number"
                min={IDLE_MINUTES.min}
                max={IDLE_MINUTES.max}
                value={form.sessionIdleMinutes}
                onChange={num('sessionIdleMinutes')}
                data-testid="settings-idle-minutes"
              />
            </Field>
            <p className="muted wide" data-testid="settings-sign-in-help">
              A new or reset PIN must have at least the shortest length; PINs already set keep working. A window
              nobody has used for the idle time goes back to sign-in by itself ({IDLE_MINUTES.min} to {IDLE_MINUTES.max} minutes).
            </p>
            <h2 className="wide">On receipts and refund slips</h2>
            <Field label="VAT number">
              <input value={form.taxNumber} onChange={text('taxNumber')} placeholder="GB 123 4567 89" data-testid="settings-tax-number" />
            </Field>
            <Field label="Company (legal name)">
              <input value={form.companyName} onChange={text('companyName')} data-testid="settings-company-name" />
            </Field>
            <Field label="Company number">
              <input value={form.companyNumber} onChange={text('companyNumber')} data-testid="settings-company-number" />
            </Field>
            <Field label="Registered address" wide>
              <input value={form.companyAddress} onChange={text('companyAddress')} data-testid="settings-company-address" />
            </Field>
            <p className="muted wide">Receipts print the ones that are filled in; an empty one prints nothing.</p>
            <Field label="A reprinted ticket" wide>
              <select
                value={form.reprintCode}
                onChange={(e) => setForm({ ...form, reprintCode: e.target.value === 'replace' ? 'replace' : 'keep' })}
                data-testid="settings-reprint-code"
              >
                <option value="keep">keeps its code: every copy admits once</option>
                <option value="replace">gets a new code: earlier copies are refused at check-in</option>
              </select>
            </Field>
            <Field label="Invoice footer" wide>
              <textarea value={form.invoiceFooter} onChange={text('invoiceFooter')} data-testid="settings-footer" />
            </Field>
            <div className="admin-actions">
              <button type="submit" className="primary" disabled={action.busy} data-testid="settings-save">
                Save settings
              </button>
            </div>
          </div>
          <Feedback error={action.error} done={action.done} />
        </form>
      )}
      {loaded.data && (
        <div className="admin-card">
          <h2>Data folder</h2>
          <p>
            <code data-testid="settings-data-dir">{loaded.data.dataDir}</code>
          </p>
          <p className="muted">Where the records and station databases live; back this folder up.</p>
        </div>
      )}
      {loaded.data && (
        <div className="admin-card" data-testid="demo-reset">
          <h2>Demo data</h2>
          {loaded.data.demoLoaded ? (
            <>
              <p>This installation holds the demo. Resetting deletes every sale, reservation and change and loads the demo again.</p>
              {!askReset ? (
                <div className="admin-actions">
                  <button type="button" className="admin-danger" onClick={() => setAskReset(true)} data-testid="demo-reset-start">
                    Reset the demo…
                  </button>
                </div>
              ) : (
                <form
                  className="admin-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void resetDemo();
                  }}
                >
                  <Field label={`Type ${CONFIRM} to confirm`}>
                    <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoFocus data-testid="demo-reset-confirm" />
                  </Field>
                  <div className="admin-actions">
                    <button type="submit" className="admin-danger" disabled={confirm !== CONFIRM || reset.busy} data-testid="demo-reset-go">
                      Wipe and reload the demo
                    </button>
                    <button type="button" onClick={() => setAskReset(false)}>
                      Cancel
                    </button>
                  </div>
                </form>
              )}
            </>
          ) : (
            <p className="muted">This installation holds real box-office data, so there is no demo to reset.</p>
          )}
          <Feedback error={reset.error} done={reset.done} />
        </div>
      )}
    </section>
  );
}
