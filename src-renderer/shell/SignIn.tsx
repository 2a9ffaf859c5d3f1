import { useState } from 'react';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import { isMarqueeError } from '../../src-shared/errors.ts';
import { call } from '../transport/api.ts';
import { useAsync } from '../use-async.ts';
import { FirstAdmin } from './FirstAdmin.tsx';
import { PinPad } from './PinPad.tsx';
import { retryAfterMs, spellWait, useCountdown } from './sign-in-wait.ts';
import './SignIn.css';

interface Props {
  stationName: string;
  /** Why the window is back here by itself (its session ended), shown until someone signs in. */
  notice?: string | null;
  onSignedIn(staff: StaffSummary): void;
}

/**
 * Pick your name, type your PIN. Wrong PINs slow down this window (the core answers with how long
 * to wait), never the member: the screen counts the wait down and the pad stays usable throughout,
 * so the next try works as soon as the wait is over, or at once when a manager lifts a pause.
 */
export function SignIn({ stationName, notice, onSignedIn }: Props) {
  const staff = useAsync(() => call('listStaff', {}), []);
  const [chosen, setChosen] = useState<StaffSummary | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const remaining = useCountdown(waitUntil);
  const waitOver = waitUntil !== null && remaining === 0;

  async function submit() {
    if (!chosen || pin.length < 4 || busy) return;
    setBusy(true);
    try {
      onSignedIn(await call('signIn', { staffId: chosen.id, pin }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      const wait = retryAfterMs(e);
      setWaitUntil(wait > 0 ? Date.now() + wait : null);
      // A PIN refused for the wait was never checked: keep it, so Sign in works once the wait is over.
      if (!(isMarqueeError(e) && e.code === 'SLOW_DOWN')) setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sign-in" aria-label="Sign in">
      <h1>Sign in at {stationName}</h1>
      {notice && (
        <p className="sign-in-notice" role="status" data-testid="session-ended">
          {notice}
        </p>
      )}
      {staff.error && <p className="error" role="alert">{staff.error}</p>}
      <div className="sign-in-layout">
        <ul className="staff-list" aria-label="Staff">
          {(staff.data ?? []).map((member) => (
            <li key={member.id}>
              <button
                type="button"
                aria-pressed={chosen?.id === member.id}
                className={chosen?.id === member.id ? 'chosen' : undefined}
                onClick={() => {
                  setChosen(member);
                  setError(null);
                  setPin('');
                }}
                data-testid="staff-member"
              >
                {member.name}
                <small>{member.role}</small>
              </button>
            </li>
          ))}
          {staff.data?.length === 0 && (
            <li className="muted" data-testid="no-staff">
              No staff yet: create the first admin with the form below, then sign in and add staff in Manage.
            </li>
          )}
        </ul>
        <div>
          <p className="muted">{chosen ? `PIN for ${chosen.name}` : 'Choose your name'}</p>
          <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={!chosen || busy} />
          {error && !waitOver && (
            <p className="error" role="alert" data-testid="sign-in-error">
              {error}
            </p>
          )}
          {remaining > 0 && (
            // The wait belongs to this window, whoever's name is picked next.
            <p className="sign-in-wait" role="timer" data-testid="sign-in-wait">
              Wrong PINs were typed at this window: the next try is possible in {spellWait(remaining)}.
            </p>
          )}
          {waitOver && (
            <p className="sign-in-ready" role="status" data-testid="sign-in-ready">
              The wait is over: type your PIN and press Sign in.
            </p>
          )}
        </div>
      </div>
      {/* Venues or shows exist but nobody is on the staff list: without this nobody could ever sign in. */}
      {staff.data?.length === 0 && <FirstAdmin onSignedIn={onSignedIn} />}
    </section>
  );
}
