import { z } from 'zod';

/**
 * Every installation-wide setting, defined once: its key in the settings table, its type, its default
 * and who may change it. The core reads and writes through it (src-main/core/settings.ts), the settings
 * contract is derived from it, and the screens take their types and defaults from it, so a key or a
 * default is never spelled twice.
 *
 * `changedBy`: 'manager' or 'admin' for the settings the Settings screen shows (field = the screen's
 * name for it); 'system' for those the box office keeps itself (the demo marker, the ticket secret, ...),
 * which no procedure changes.
 */
export type SettingChanger = 'manager' | 'admin' | 'system';

export interface SettingDefinition<S extends z.ZodType = z.ZodType, F extends string | null = string | null> {
  /** The Settings screen's (and the contract's) name for it; null when the screen does not show it. */
  field: F;
  /** Used in sentences: "Only an administrator may change <label>." */
  label: string;
  type: S;
  default: z.output<S>;
  changedBy: SettingChanger;
}

function define<S extends z.ZodType, const F extends string | null>(definition: SettingDefinition<S, F>): SettingDefinition<S, F> {
  return definition;
}

/** What a PIN may be anywhere; the setting staff.minPinLength may raise the minimum. */
export const PIN_DIGITS = { min: 4, max: 8 } as const;

/** The idle time-out's range: long enough to serve a queue, short enough to end a forgotten till's session. */
export const SESSION_IDLE_MINUTES = { min: 5, max: 480 } as const;

const whole = (what: string) => z.number().int(`${what} is a whole number`);

export const settingsRegistry = {
  'venue.name': define({ field: 'venueName', label: 'the venue name', type: z.string(), default: '', changedBy: 'manager' }),
  'venue.address': define({ field: 'venueAddress', label: 'the venue address', type: z.string(), default: '', changedBy: 'manager' }),
  // Admin only: every price, order and report is in this currency; changing it re-labels them all.
  currency: define({
    field: 'currency',
    label: 'the currency',
    type: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
    default: 'GBP',
    changedBy: 'admin',
  }),
  'venue.timeZone': define({ field: 'timeZone', label: 'the time zone', type: z.string().min(1), default: 'Europe/London', changedBy: 'manager' }),
  'tax.defaultRateBp': define({
    field: 'defaultTaxRateBp',
    label: 'the default tax rate',
    type: whole('the tax rate').min(0).max(10_000),
    default: 2000,
    changedBy: 'manager',
  }),
  'tax.defaultIncluded': define({ field: 'defaultTaxIncluded', label: 'whether prices include tax', type: z.boolean(), default: true, changedBy: 'manager' }),
  // Printed on every receipt and refund slip: a VAT receipt names the seller's VAT number and company.
  'venue.taxNumber': define({ field: 'taxNumber', label: 'the VAT number', type: z.string().max(40, 'a VAT number is at most 40 characters'), default: '', changedBy: 'manager' }),
  'company.legalName': define({ field: 'companyName', label: "the company's legal name", type: z.string().max(120), default: '', changedBy: 'manager' }),
  'company.address': define({ field: 'companyAddress', label: "the company's registered address", type: z.string().max(200), default: '', changedBy: 'manager' }),
  'company.number': define({ field: 'companyNumber', label: 'the company number', type: z.string().max(40), default: '', changedBy: 'manager' }),
  /** What a reprint does to the ticket's code: keep it valid, or issue a new code that voids the old one at check-in. */
  'tickets.reprintCode': define({
    field: 'reprintCode',
    label: 'what a reprint does to the ticket code',
    type: z.enum(['keep', 'replace']),
    default: 'keep',
    changedBy: 'manager',
  }),
  'invoice.footer': define({ field: 'invoiceFooter', label: 'the invoice footer', type: z.string(), default: '', changedBy: 'manager' }),
  'holds.minutes': define({ field: 'holdMinutes', label: 'the hold time', type: whole('the hold time').min(1).max(120), default: 10, changedBy: 'manager' }),
  'reservations.deadlineHours': define({
    field: 'reservationDeadlineHours',
    label: 'the reservation deadline',
    type: whole('the reservation deadline').min(0).max(24 * 14),
    default: 48,
    changedBy: 'manager',
  }),
  /** The shortest PIN accepted when one is given or reset; PINs already set keep working. */
  'staff.minPinLength': define({
    field: 'minPinLength',
    label: 'the minimum PIN length',
    type: z
      .number()
      .int('a PIN length is a whole number of digits')
      .min(PIN_DIGITS.min, `a PIN is at least ${PIN_DIGITS.min} digits`)
      .max(PIN_DIGITS.max, `a PIN is at most ${PIN_DIGITS.max} digits`),
    default: PIN_DIGITS.min,
    changedBy: 'manager',
  }),
  /** A window signed in but unused this long ends its session by itself. */
  'staff.sessionIdleMinutes': define({
    field: 'sessionIdleMinutes',
    label: 'the idle time-out',
    type: z
      .number()
      .int('the idle time-out is a whole number of minutes')
      .min(SESSION_IDLE_MINUTES.min, `the idle time-out is at least ${SESSION_IDLE_MINUTES.min} minutes`)
      .max(SESSION_IDLE_MINUTES.max, `the idle time-out is at most ${SESSION_IDLE_MINUTES.max} minutes (8 hours)`),
    default: 30,
    changedBy: 'manager',
  }),

  /** Whether a window needs an open shift to sell: for cash (the default; card-only windows sell without), always, or never. */
  'shifts.required': define({
    field: 'shiftRequired',
    label: 'whether selling needs an open shift',
    type: z.enum(['cash', 'always', 'never']),
    default: 'cash',
    changedBy: 'manager',
  }),
  /** A cash-up difference larger than this (either way) needs a manager's PIN and a reason. */
  'cashUp.varianceLimitMinor': define({
    field: 'cashUpVarianceLimitMinor',
    label: 'the cash-up difference allowed without a manager',
    type: whole('the cash-up difference').min(0),
    default: 500,
    changedBy: 'manager',
  }),

  // Kept by the box office itself or set up once; not on the Settings screen.
  'venue.doorsMinutes': define({ field: null, label: 'how long before curtain the doors open', type: whole('the doors time').min(0), default: 30, changedBy: 'system' }),
  // How every screen writes dates, numbers and money and reads typed dates (checked against Intl in src-main/admin/settings.ts).
  'venue.locale': define({ field: 'locale', label: 'the venue locale', type: z.string().min(2).max(35), default: 'en-GB', changedBy: 'manager' }),
  'tax.name': define({ field: null, label: 'the name of the tax', type: z.string(), default: 'VAT', changedBy: 'system' }),
  'refunds.cashierLimitMinor': define({
    field: null,
    label: "a cashier's refund limit",
    type: whole('the refund limit').min(0),
    default: 5000,
    changedBy: 'system',
  }),
  'demo.loaded': define({ field: null, label: 'the demo marker', type: z.boolean(), default: false, changedBy: 'system' }),
  'installation.id': define({ field: null, label: "the installation's id", type: z.string().nullable(), default: null, changedBy: 'system' }),
  // Backups (docs/backups.md): changed on Manage → Backups, not on the Settings screen.
  'backups.everyHours': define({ field: null, label: 'how often to back up while selling', type: whole('the hours between backups').min(0).max(24), default: 4, changedBy: 'manager' }),
  'backups.nightlyAfterMinutes': define({ field: null, label: "the nightly backup's delay after the last performance", type: whole('the delay').min(0).max(720), default: 240, changedBy: 'manager' }),
  'backups.keepToday': define({ field: null, label: "today's copies to keep", type: whole('the copies to keep').min(1).max(100), default: 6, changedBy: 'manager' }),
  'backups.keepDaily': define({ field: null, label: 'the daily copies to keep', type: whole('the copies to keep').min(0).max(366), default: 14, changedBy: 'manager' }),
  'backups.keepWeekly': define({ field: null, label: 'the weekly copies to keep', type: whole('the copies to keep').min(0).max(260), default: 8, changedBy: 'manager' }),
  'backups.keepMonthly': define({ field: null, label: 'the monthly copies to keep', type: whole('the copies to keep').min(0).max(240), default: 12, changedBy: 'manager' }),
  'backups.secondFolder': define({ field: null, label: 'the second backup folder', type: z.string().max(1000), default: '', changedBy: 'manager' }),
  /** The installation's secret for ticket codes (base64); '' until the first ticket creates it. */
  'tickets.secret': define({ field: null, label: 'the ticket secret', type: z.string(), default: '', changedBy: 'system' }),
};

type Registry = typeof settingsRegistry;
export type SettingKey = keyof Registry;
export type SettingValue<K extends SettingKey> = z.output<Registry[K]['type']>;

/** The keys the Settings screen shows (those with a field name). */
export type ScreenSettingKey = { [K in SettingKey]: Registry[K]['field'] extends string ? K : never }[SettingKey];
export type ScreenSettingField = Registry[ScreenSettingKey]['field'] & string;
type KeyOfField<F extends ScreenSettingField> = { [K in ScreenSettingKey]: Registry[K]['field'] extends F ? K : never }[ScreenSettingKey];

/** The Settings screen's object shape, field name → type: what the contract's BoxOfficeSettingsSchema is made of. */
export type ScreenSettingsShape = { [F in ScreenSettingField]: Registry[KeyOfField<F>]['type'] };

export const settingKeys = Object.keys(settingsRegistry) as SettingKey[];

export function settingDefinition<K extends SettingKey>(key: K): SettingDefinition<Registry[K]['type']> {
  return settingsRegistry[key] as SettingDefinition<Registry[K]['type']>;
}

export function settingDefault<K extends SettingKey>(key: K): SettingValue<K> {
  return settingsRegistry[key].default as SettingValue<K>;
}

/** Field name on the screen → the setting's key. */
export const screenSettingKeys = Object.fromEntries(
  settingKeys.flatMap((key) => {
    const { field } = settingsRegistry[key];
    return field === null ? [] : [[field, key]];
  }),
) as { [F in ScreenSettingField]: KeyOfField<F> };

export const screenSettingsShape = Object.fromEntries(
  Object.entries(screenSettingKeys).map(([field, key]) => [field, settingsRegistry[key as SettingKey].type]),
) as ScreenSettingsShape;

/** The defaults as the Settings screen names them. */
export const screenSettingDefaults = Object.fromEntries(
  Object.entries(screenSettingKeys).map(([field, key]) => [field, settingsRegistry[key as SettingKey].default]),
) as { [F in ScreenSettingField]: SettingValue<KeyOfField<F>> };
