import { useState, type ReactNode } from 'react';
import './admin.css';

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
      setError(e instanceof Error ? e.message : String(e));
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

/** Pounds-and-pence text to integer minor units; null when it is not a price. */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(/^[£$€]/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

export function minorToText(minor: number): string {
  return (minor / 100).toFixed(2);
}

/** An instant as the value of a datetime-local input (the browser's own time zone). */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
export function formatDateTime(ms: number): string {
  return dateTime.format(ms);
}

export const STATE_LABELS = { on_sale: 'On sale', off_sale: 'Off sale', cancelled: 'Cancelled' } as const;
