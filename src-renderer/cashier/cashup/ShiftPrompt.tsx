import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { errorText } from '../../kit/error-text.ts';
import { formatMoney, venue } from '../../format.ts';
import { call } from '../../transport/api.ts';
import './cashup.css';

type Current = OutputOf<'currentShift'>;

/**
 * On the Sell screen, while the window has no shift open and the venue's setting asks for one:
 * a float and an "Open shift" button, so a cashier can start selling without leaving the screen.
 * What needs a shift is the core's rule (the setting `shifts.required`); this only says it.
 */
export function ShiftPrompt({ onOpened }: { onOpened?: () => void } = {}) {
  const [current, setCurrent] = useState<Current | null>(null);
  const [float, setFloat] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    call('currentShift', {}).then(setCurrent, (e: unknown) => setMessage(errorText(e)));
  }, []);
  if (current && (current.shift || current.required === 'never')) return message ? <p role="status" className="shift-prompt" data-testid="shift-prompt-done">{message}</p> : null;
  if (!current) return message ? <p role="alert" className="shift-prompt problem">{message}</p> : null;

  const open = async () => {
    const reading = venue().readMoney(float);
    if (!reading.ok) return setMessage(`The float: ${reading.problem}`);
    try {
      const shift = await call('openShift', { amountMinor: reading.minor });
      setMessage(`Shift open with a float of ${formatMoney(shift.floatMinor)}.`);
      setCurrent({ ...current, shift });
      onOpened?.();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  return (
    <form
      className="shift-prompt"
      aria-label="Open a shift"
      data-testid="shift-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <span>{current.required === 'always' ? 'No shift is open at this window: selling needs one.' : 'No shift is open at this window: cash needs one (card sells without).'}</span>
      <label>
        Float in the drawer <input value={float} onChange={(e) => setFloat(e.target.value)} inputMode="decimal" size={8} data-testid="shift-prompt-float" />
      </label>
      <button type="submit" data-testid="shift-prompt-open">
        Open shift
      </button>
      {message && (
        <span role="alert" className="problem">
          {message}
        </span>
      )}
    </form>
  );
}
