import { eq, sql } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import { settingDefinition, settingDefault, type SettingKey, type SettingValue } from '../../src-shared/settings-registry.ts';
import type { RecordsDb } from '../db/open.ts';
import { settings } from '../db/records/schema.ts';

/**
 * Installation-wide settings shared by every window (currency, venue name, hold minutes, ...), typed by
 * the registry in src-shared/settings-registry.ts: the key names the type and the default.
 */
export function readSetting<K extends SettingKey>(records: RecordsDb, key: K): SettingValue<K> {
  // The stored text as it is: a damaged value must reach settingFromStored, not throw in the JSON mapping.
  const row = records
    .select({ value: sql<string>`${settings.value}` })
    .from(settings)
    .where(eq(settings.key, key))
    .get();
  return settingFromStored(key, row?.value);
}

export function writeSetting<K extends SettingKey>(records: RecordsDb, key: K, value: SettingValue<K>): void {
  const checked = settingDefinition(key).type.safeParse(value);
  if (!checked.success) {
    throw new MarqueeError('BAD_INPUT', `${capitalised(settingDefinition(key).label)} cannot be ${JSON.stringify(value)}: ${checked.error.issues[0]?.message ?? 'not a valid value'}.`);
  }
  records
    .insert(settings)
    .values({ key, value: checked.data })
    .onConflictDoUpdate({ target: settings.key, set: { value: checked.data } })
    .run();
}

/**
 * A setting's value from its stored JSON text (undefined or null: never set). A damaged value, one that
 * is not JSON or not of the setting's type, gives the default and a log line: a bad row in the settings
 * table must never stop a sale. The raw-SQL readers of the sales engine come here too.
 */
export function settingFromStored<K extends SettingKey>(key: K, stored: string | null | undefined): SettingValue<K> {
  if (stored === undefined || stored === null) return settingDefault(key);
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return damaged(key, stored, 'it is not JSON');
  }
  const checked = settingDefinition(key).type.safeParse(parsed);
  return checked.success ? (checked.data as SettingValue<K>) : damaged(key, stored, checked.error.issues[0]?.message ?? 'wrong type');
}

/** Logged once per key and stored text, so a damaged currency does not write a line for every sale. */
const reported = new Set<string>();

function damaged<K extends SettingKey>(key: K, stored: string, why: string): SettingValue<K> {
  const fallback = settingDefault(key);
  const note = `${key}\u0000${stored}`;
  if (!reported.has(note)) {
    reported.add(note);
    console.warn(`[marquee] the stored setting ${key} is damaged (${why}); using the default ${JSON.stringify(fallback)} until it is saved again`);
  }
  return fallback;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
