import { MarqueeError } from '../../src-shared/errors.ts';
import { readSetting, writeSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import type { Actor } from '../sales/actor.ts';
import { recordAudit } from './audit-trail.ts';
import { isValidTimeZone } from './zoned-time.ts';
import { MIN_PIN_LENGTH_SETTING, PIN_DIGITS } from '../staff/pin.ts';
import { IDLE_DEFAULT_MINUTES, IDLE_SETTING } from '../staff/sessions.ts';

/** The idle time-out's range: long enough to serve a queue, short enough to end a forgotten till's session. */
export const SESSION_IDLE_MINUTES = { min: 5, max: 480 } as const;

export interface BoxOfficeSettings {
  venueName: string;
  venueAddress: string;
  currency: string;
  timeZone: string;
  defaultTaxRateBp: number;
  defaultTaxIncluded: boolean;
  invoiceFooter: string;
  holdMinutes: number;
  reservationDeadlineHours: number;
  minPinLength: number;
  sessionIdleMinutes: number;
}

/**
 * Each field's row in the settings table. Keys other modules already read keep their names
 * (currency, venue.name, venue.timeZone, holds.minutes), so a change here takes effect there.
 */
const KEYS: { [K in keyof BoxOfficeSettings]: { key: string; fallback: BoxOfficeSettings[K] } } = {
  venueName: { key: 'venue.name', fallback: '' },
  venueAddress: { key: 'venue.address', fallback: '' },
  currency: { key: 'currency', fallback: 'GBP' },
  timeZone: { key: 'venue.timeZone', fallback: 'Europe/London' },
  defaultTaxRateBp: { key: 'tax.defaultRateBp', fallback: 2000 },
  defaultTaxIncluded: { key: 'tax.defaultIncluded', fallback: true },
  invoiceFooter: { key: 'invoice.footer', fallback: '' },
  holdMinutes: { key: 'holds.minutes', fallback: 10 },
  reservationDeadlineHours: { key: 'reservations.deadlineHours', fallback: 48 },
  minPinLength: { key: MIN_PIN_LENGTH_SETTING, fallback: PIN_DIGITS.min },
  // The same key the session store reads on every call (src-main/staff/sessions.ts).
  sessionIdleMinutes: { key: IDLE_SETTING, fallback: IDLE_DEFAULT_MINUTES },
};

export function readBoxOfficeSettings(records: RecordsDb): BoxOfficeSettings {
  const out = {} as Record<string, unknown>;
  for (const [field, { key, fallback }] of Object.entries(KEYS)) out[field] = readSetting(records, key, fallback);
  return out as unknown as BoxOfficeSettings;
}

export function timeZoneOf(records: RecordsDb): string {
  return readSetting(records, KEYS.timeZone.key, KEYS.timeZone.fallback);
}

export function updateBoxOfficeSettings(records: RecordsDb, actor: Actor, now: number, changes: Partial<BoxOfficeSettings>): BoxOfficeSettings {
  if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
    throw new MarqueeError('BAD_INPUT', `'${changes.timeZone}' is not a time zone this computer knows (for example Europe/London).`);
  }
  if (changes.venueName !== undefined && changes.venueName.trim() === '') {
    throw new MarqueeError('BAD_INPUT', 'The venue name cannot be empty; it is printed on every ticket.');
  }
  if (changes.minPinLength !== undefined && !(Number.isInteger(changes.minPinLength) && changes.minPinLength >= PIN_DIGITS.min && changes.minPinLength <= PIN_DIGITS.max)) {
    throw new MarqueeError('BAD_INPUT', `The minimum PIN length is a whole number of digits from ${PIN_DIGITS.min} to ${PIN_DIGITS.max}.`);
  }
  const idle = changes.sessionIdleMinutes;
  if (idle !== undefined && !(Number.isInteger(idle) && idle >= SESSION_IDLE_MINUTES.min && idle <= SESSION_IDLE_MINUTES.max)) {
    throw new MarqueeError(
      'BAD_INPUT',
      `The idle time-out is a whole number of minutes from ${SESSION_IDLE_MINUTES.min} to ${SESSION_IDLE_MINUTES.max} (8 hours).`,
    );
  }
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof BoxOfficeSettings, unknown][];
  if (entries.length === 0) throw new MarqueeError('BAD_INPUT', 'Nothing to change.');
  records.transaction(
    () => {
      const before = readBoxOfficeSettings(records);
      for (const [field, value] of entries) writeSetting(records, KEYS[field].key, value);
      recordAudit(records, now, actor, 'settings.changed', {
        changed: entries.map(([f]) => f).join(', '),
        before: Object.fromEntries(entries.map(([f]) => [f, before[f]])),
        after: Object.fromEntries(entries),
      });
    },
    { behavior: 'immediate' },
  );
  return readBoxOfficeSettings(records);
}
