import { useState } from 'react';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import { call } from '../transport/api.ts';
import { useAsync } from '../use-async.ts';
import { PinPad } from './PinPad.tsx';

interface Props {
  stationName: string;
  onSignedIn(staff: StaffSummary): void;
}

/** Pick your name, type your PIN: the core checks it and locks a member after repeated misses. */
export function SignIn({ stationName, onSignedIn }: Props) {
  const staff = useAsync(() => call('listStaff', {}), []);
  const [chosen, setChosen] = useState<StaffSummary | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!chosen || pin.length < 4 || busy) return;
    setBusy(true);
    try {
      onSignedIn(await call('signIn', { staffId: chosen.id, pin }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sign-in" aria-label="Sign in">
      <h1>Sign in at {stationName}</h1>
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
          {staff.data?.length === 0 && <li className="muted">No staff yet: load the demo or add staff in Manage.</li>}
        </ul>
        <div>
          <p className="muted">{chosen ? `PIN for ${chosen.name}` : 'Choose your name'}</p>
          <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={!chosen || busy} />
          {error && <p className="error" role="alert" data-testid="sign-in-error">{error}</p>}
        </div>
      </div>
    </section>
  );
}
