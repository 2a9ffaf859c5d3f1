import { useState, type ReactNode } from 'react';
import { venue } from '../format.ts';
import { errorText } from './error-text.ts';
import './admin-form.css';

/** Runs one manager action, showing its error sentence or a short confirmation. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run<T>(action: () => Promise<T>, success?: (value: T) => string): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const value = await action();
      if (success) setDone(success(value));
      return value;
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run };
}

export function Feedback({ error, done }: { error: string | null; done: string | null }) {
  return (
    <>
      {error && (
        <p className="error" role="alert" data-testid="admin-error">
          {error}
        </p>
      )}
      {done && (
        <p className="ok" role="status" data-testid="admin-done">
          {done}
        </p>
      )}
    </>
  );
}

export function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'wide' : undefined}>
      {label}
      {children}
    </label>
  );
}

/** Amount text ("32.50", "£32.50"; "32,50" where the venue's locale writes it so) to integer minor units; null when it is not a price. */
export function parseMoney(text: string): number | null {
  return venue().parseMoney(text);
}

/** Minor units as an amount field's editable text, in the venue's locale. */
export function minorToText(minor: number): string {
  return venue().moneyText(minor);
}

// On the venue's clock and in its locale, like every other date on the screens.
export { formatDateTime } from '../format.ts';
