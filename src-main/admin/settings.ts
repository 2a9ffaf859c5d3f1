import type { BoxOfficeSettings } from '../../src-shared/contract/settings.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { screenSettingKeys, settingDefinition, type ScreenSettingField, type SettingKey } from '../../src-shared/settings-registry.ts';
import { readSetting, writeSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { roleAtLeast, type Actor } from '../staff/actor.ts';
import { recordAudit } from './audit-trail.ts';
import { isValidLocale, isValidTimeZone } from './zoned-time.ts';

export type { BoxOfficeSettings };

const fields = Object.keys(screenSettingKeys) as ScreenSettingField[];

/** The Settings screen's view: every setting it shows, by field name (keys and defaults from the registry). */
export function readBoxOfficeSettings(records: RecordsDb): BoxOfficeSettings {
  return Object.fromEntries(fields.map((field) => [field, readSetting(records, screenSettingKeys[field])])) as BoxOfficeSettings;
}

export function timeZoneOf(records: RecordsDb): string {
  return readSetting(records, 'venue.timeZone');
}

/** How every screen writes dates, numbers and money, whatever the window's computer is set to. */
export function localeOf(records: RecordsDb): string {
  return readSetting(records, 'venue.locale');
}

export function updateBoxOfficeSettings(records: RecordsDb, actor: Actor, now: number, changes: Partial<BoxOfficeSettings>): BoxOfficeSettings {
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [ScreenSettingField, unknown][];
  if (entries.length === 0) throw new MarqueeError('BAD_INPUT', 'Nothing to change.');
  for (const [field, value] of entries) checkChange(screenSettingKeys[field], value);
  if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
    throw new MarqueeError('BAD_INPUT', `'${changes.timeZone}' is not a time zone this computer knows (for example Europe/London).`);
  }
  if (changes.locale !== undefined && !isValidLocale(changes.locale)) {
    throw new MarqueeError('BAD_INPUT', `'${changes.locale}' is not a locale this computer knows (for example en-GB or de-DE).`);
  }
  if (changes.venueName !== undefined && changes.venueName.trim() === '') {
    throw new MarqueeError('BAD_INPUT', 'The venue name cannot be empty; it is printed on every ticket.');
  }
  records.transaction(
    () => {
      const before = readBoxOfficeSettings(records);
      // Who may change it is asked of a real change only: the screen may send an admin-only value unchanged.
      for (const [field, value] of entries) {
        if (before[field] !== value) checkRole(actor, screenSettingKeys[field]);
      }
      for (const [field, value] of entries) writeSetting(records, screenSettingKeys[field], value as never);
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

/** The registry's type, with its own sentence: callers other than the contract get the same checks. */
function checkChange(key: SettingKey, value: unknown): void {
  const definition = settingDefinition(key);
  const checked = definition.type.safeParse(value);
  if (!checked.success) {
    const field = definition.field ?? key;
    throw new MarqueeError('BAD_INPUT', `${field}: ${checked.error.issues[0]?.message ?? 'not a valid value'}.`);
  }
}

function checkRole(actor: Actor, key: SettingKey): void {
  const { changedBy, label } = settingDefinition(key);
  if (changedBy === 'system') throw new MarqueeError('FORBIDDEN', `No one changes ${label} from Settings; the box office keeps it itself.`);
  if (!roleAtLeast(actor.role, changedBy)) {
    const who = changedBy === 'admin' ? 'an administrator' : 'a manager';
    throw new MarqueeError('FORBIDDEN', `Only ${who} may change ${label}; nothing was saved.`);
  }
}
