import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { venue } from '../format.ts';
import { refuse } from './error-text.ts';

/*
 * Date and time fields are text inputs with the venue locale's pattern, not <input type="date">:
 * a native date input shows the browser's own pattern (mm/dd/yyyy on a US-English Chromium) and a
 * datetime-local one reads the time in the computer's zone. Here the pattern is the venue's
 * (dd/mm/yyyy for en-GB) and a time typed is on the venue's wall clock, converted by the same
 * src-shared/zoned-time.ts the core uses for runs and tickets. ISO text ("2026-12-03",
 * "2026-12-03T19:30") is accepted too, so a pasted or scripted value still works.
 */

type TextProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'type'>;

/** Marks the field invalid with a sentence naming the pattern, so the form is not sent with it. */
function explain(input: HTMLInputElement, ok: boolean, pattern: string): void {
  input.setCustomValidity(ok ? '' : `Write it as ${pattern}.`);
}

/** A calendar date: `value` and `onChange` are YYYY-MM-DD ('' while empty or not yet a day). */
export function DateField({ value, onChange, ...rest }: TextProps & { value: string; onChange(date: string): void }) {
  const f = venue();
  const [text, setText] = useState(() => (value ? f.dateText(value) : ''));
  // Follow a value set from outside (a reset, a default); typing keeps the text as typed.
  useEffect(() => {
    if (value !== (f.parseDate(text) ?? '')) setText(value ? f.dateText(value) : '');
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={f.datePattern}
      title={`Date as ${f.datePattern}`}
      value={text}
      onChange={(e) => {
        const date = f.parseDate(e.target.value);
        explain(e.target, e.target.value.trim() === '' || date !== null, f.datePattern);
        setText(e.target.value);
        onChange(date ?? '');
      }}
    />
  );
}

/** A wall-clock time on the venue's clock: `value` and `onChange` are HH:MM, 24-hour ('' while not a time). */
export function TimeField({ value, onChange, ...rest }: TextProps & { value: string; onChange(time: string): void }) {
  const f = venue();
  const [text, setText] = useState(value);
  useEffect(() => {
    if (value !== (f.parseTime(text) ?? '')) setText(value);
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      placeholder="hh:mm"
      title="Time on the venue's clock, as hh:mm"
      value={text}
      onChange={(e) => {
        const time = f.parseTime(e.target.value);
        explain(e.target, time !== null, 'hh:mm (for example 19:30)');
        setText(e.target.value);
        onChange(time ?? '');
      }}
    />
  );
}

/**
 * An instant typed as the venue's date and time, committed when the field is left: `onCommit`
 * gets the instant, or null when emptied; text that is not a date and time is not committed.
 */
export function DateTimeField({ at, onCommit, ...rest }: TextProps & { at: number | null; onCommit(ms: number | null): void }) {
  const f = venue();
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      placeholder={f.dateTimePattern}
      title={`Date and time on the venue's clock, as ${f.dateTimePattern}`}
      defaultValue={f.dateTimeText(at)}
      key={at ?? 'none'}
      onChange={(e) => explain(e.target, f.parseDateTime(e.target.value) !== undefined, f.dateTimePattern)}
      onBlur={(e) => {
        const ms = f.parseDateTime(e.target.value);
        if (ms !== undefined && ms !== at) onCommit(ms);
      }}
    />
  );
}

/** A date-and-time field held as text by its form (read with readDateTime when the form is sent). */
export function DateTimeTextField({ value, onChange, ...rest }: TextProps & { value: string; onChange(text: string): void }) {
  const f = venue();
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      placeholder={f.dateTimePattern}
      title={`Date and time on the venue's clock, as ${f.dateTimePattern}`}
      value={value}
      onChange={(e) => {
        explain(e.target, f.parseDateTime(e.target.value) !== undefined, f.dateTimePattern);
        onChange(e.target.value);
      }}
    />
  );
}

/** A date-and-time field's text to an instant on the venue's clock, null when empty; a sentence when it is neither. */
export function readDateTime(text: string, what: string): number | null {
  const f = venue();
  const ms = f.parseDateTime(text);
  if (ms === undefined) refuse(`"${text}" is not a date and time for ${what}; write it as ${f.dateTimePattern} (for example ${f.dateText('2026-12-03')} 19:30).`);
  return ms;
}
