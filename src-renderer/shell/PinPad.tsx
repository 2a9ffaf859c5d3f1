import { useLayoutEffect } from 'react';

interface Props {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  maxLength?: number;
  disabled?: boolean;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'enter'] as const;

/** Big touch keys for the counter, and the keyboard's digits, Backspace and Enter work too. */
export function PinPad({ value, onChange, onSubmit, maxLength = 8, disabled }: Props) {
  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (disabled) return;
      if (/^\d$/.test(e.key) && value.length < maxLength) onChange(value + e.key);
      else if (e.key === 'Backspace') onChange(value.slice(0, -1));
      else if (e.key === 'Enter') onSubmit();
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [value, onChange, onSubmit, maxLength, disabled]);

  return (
    <div className="pin-pad" role="group" aria-label="PIN pad">
      <output className="pin-dots" aria-label={`${value.length} digits entered`} data-testid="pin-dots">
        {value.length ? '●'.repeat(value.length) : ' '}
      </output>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          disabled={disabled}
          className={key === 'enter' ? 'primary' : undefined}
          data-testid={`pin-${key}`}
          onClick={() => {
            if (key === 'clear') onChange('');
            else if (key === 'enter') onSubmit();
            else if (value.length < maxLength) onChange(value + key);
          }}
        >
          {key === 'clear' ? 'Clear' : key === 'enter' ? 'Sign in' : key}
        </button>
      ))}
    </div>
  );
}
