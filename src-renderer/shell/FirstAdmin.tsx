import { useState, type FormEvent } from 'react';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import { PIN_DIGITS } from '../../src-shared/settings-registry.ts';
import { call } from '../transport/api.ts';
import './FirstAdmin.css';

interface Props {
  /** The new admin is signed in at this window: the app asks again who is here. */
  onSignedIn(staff: StaffSummary): void;
}

/**
 * The sentence naming what is wrong with the form, or null when it can go to the core. A new
 * installation's minimum PIN length is the contract's own, as Settings cannot have raised it yet;
 * the core checks again, and its refusal is shown as it comes.
 */
export function firstAdminProblem(name: string, pin: string, again: string): string | null {
  if (!name.trim()) return 'Type the admin’s name.';
  if (!/^\d*$/.test(pin)) return 'A PIN is digits only.';
  if (pin.length < PIN_DIGITS.min || pin.length > PIN_DIGITS.max) return `A PIN is ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits.`;
  if (pin !== again) return 'The two PINs differ: type the same PIN twice.';
  return null;
}

/**
 * First start of a real venue: nobody is on the staff list, so nobody could sign in to reach
 * Manage. The core lets this one call through anonymously only while there is no staff at all;
 * the admin it creates is signed in at once, and adds everyone else in Staff.
 */
export function FirstAdmin({ onSignedIn }: Props) {
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Created but not yet signed in (the sign-in failed): a second try only signs in, as a second
  // createFirstAdmin would be refused now that there is staff.
  const [created, setCreated] = useState<StaffSummary | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problem = firstAdminProblem(name, pin, again);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const admin = created ?? (await call('createFirstAdmin', { name: name.trim(), pin }));
      setCreated(admin);
      onSignedIn(await call('signIn', { staffId: admin.id, pin }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  const pinField = { type: 'password', inputMode: 'numeric', autoComplete: 'new-password', minLength: PIN_DIGITS.min, maxLength: PIN_DIGITS.max } as const;
  return (
    <form className="first-admin" aria-label="Create the first admin" onSubmit={(e) => void submit(e)} noValidate data-testid="first-admin">
      <h2>Create the first admin</h2>
      <p className="muted">For a real venue: the admin signs in here at once, then adds venues, shows and staff in Manage.</p>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" data-testid="first-admin-name" />
      </label>
      <label>
        PIN ({PIN_DIGITS.min} to {PIN_DIGITS.max} digits)
        <input {...pinField} value={pin} onChange={(e) => setPin(e.target.value)} data-testid="first-admin-pin" />
      </label>
      <label>
        PIN again
        <input {...pinField} value={again} onChange={(e) => setAgain(e.target.value)} data-testid="first-admin-pin-again" />
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="first-admin-create">
        {busy ? 'Creating…' : 'Create admin and sign in'}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="first-admin-error">
          {error}
        </p>
      )}
    </form>
  );
}
