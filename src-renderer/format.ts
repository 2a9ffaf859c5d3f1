import { isCalendarDate } from '../src-shared/contract/common.ts';
import { isValidLocale, isValidTimeZone, wallClock, zonedInstant } from '../src-shared/zoned-time.ts';
import { formatMinor, moneyFieldText, readMoney, type MoneyLimits, type MoneyReading } from './kit/money.ts';

/**
 * Every date, time, number and amount a screen shows or reads goes through here, on the venue's wall
 * clock and in its locale and currency (from the station info), never the window computer's own zone or
 * language: a till in another zone must show 19:30 for the show the ticket prints at 19:30.
 */
export interface VenueClock {
  timeZone: string;
  locale: string;
  currency: string;
}

/** Until the station info arrives (and for the pairing screen, which has none): the installation defaults. */
export const DEFAULT_VENUE: VenueClock = { timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' };

export interface VenueFormat {
  readonly clock: VenueClock;
  /** "19:30" (or "7:30 PM" where the locale says so). */
  time(ms: number): string;
  /** "Today", "Tomorrow", or the weekday and date: how a cashier says it to a customer. */
  dayHeading(ms: number, now: number): string;
  /** "Thu, 3 Dec 2026, 19:30": a performance or a record in a manager's table. */
  dateTime(ms: number): string;
  /** "3 Dec, 14:05": enough to tell today's window from last week's. */
  when(ms: number): string;
  /** Integer minor units in the venue's currency (or the order's own), as the receipt prints it. */
  money(minor: number, currency?: string): string;
  /** A plain number with the locale's separators. */
  number(n: number): string;
  /** The date fields' pattern, e.g. "dd/mm/yyyy" (en-GB) or "mm/dd/yyyy" (en-US). */
  readonly datePattern: string;
  /** The date-and-time fields' pattern, e.g. "dd/mm/yyyy hh:mm". */
  readonly dateTimePattern: string;
  /** A calendar date (YYYY-MM-DD) as a date field shows it. */
  dateText(date: string): string;
  /** A date field's text to a calendar date (YYYY-MM-DD); the locale's pattern or ISO; null if not a day. */
  parseDate(text: string): string | null;
  /** A time field's text to HH:MM (24-hour); "19:30", "7:30 pm", "1930"; null if not a time. */
  parseTime(text: string): string | null;
  /** An instant as a date-and-time field shows it, on the venue's clock; '' for none. */
  dateTimeText(ms: number | null): string;
  /**
   * A date-and-time field's text to an instant, read on the venue's clock: '' is null (no time),
   * text that is not a date and time is undefined.
   */
  parseDateTime(text: string): number | null | undefined;
  /** The venue's calendar date (YYYY-MM-DD) at an instant. */
  dateOf(ms: number): string;
  /** The instant the venue's day starts (its midnight, whatever the window's zone). */
  dayStart(date: string): number;
  /** Amount text ("32.50", "£32.50", "32,50" in de-DE) to integer minor units; null if not an amount. */
  parseMoney(text: string): number | null;
  /** The same reading with the sentence saying why it is not an amount (kit/money.ts, the one parser). */
  readMoney(text: string, limits?: MoneyLimits): MoneyReading;
  /** Minor units as an amount field's editable text ("32.50", "32,50"). */
  moneyText(minor: number): string;
}

type PartOrder = ('day' | 'month' | 'year')[];

function dateOrder(locale: string): { order: PartOrder; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(Date.UTC(2026, 11, 3));
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as 'day' | 'month' | 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return { order, separator };
}

const PATTERN = { day: 'dd', month: 'mm', year: 'yyyy' } as const;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function venueFormat(clock: VenueClock): VenueFormat {
  // A bad setting must not blank every screen: fall back per field to the installation default.
  const timeZone = isValidTimeZone(clock.timeZone) ? clock.timeZone : DEFAULT_VENUE.timeZone;
  const locale = isValidLocale(clock.locale) ? clock.locale : DEFAULT_VENUE.locale;
  const currency = /^[A-Z]{3}$/.test(clock.currency) ? clock.currency : DEFAULT_VENUE.currency;
  const timeFormat = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const whenFormat = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const numberFormat = new Intl.NumberFormat(locale);
  const { order, separator } = dateOrder(locale);
  const datePattern = order.map((p) => PATTERN[p]).join(separator);

  const dateText = (date: string): string => {
    const [y, m, d] = date.split('-') as [string, string, string];
    const values = { year: y, month: m, day: d };
    return order.map((p) => values[p]).join(separator);
  };

  const parseDate = (text: string): string | null => {
    const t = text.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isCalendarDate(t) ? t : null;
    const numbers = t.split(/[^\d]+/).filter(Boolean);
    if (numbers.length !== 3 || order.length !== 3) return null;
    const values: Record<string, number> = {};
    order.forEach((part, i) => (values[part] = Number(numbers[i])));
    // "3/12/26" is this century's; a box office sells no shows for 1926.
    const year = numbers[order.indexOf('year')]!.length <= 2 ? 2000 + values['year']! : values['year']!;
    const date = `${pad(year, 4)}-${pad(values['month']!)}-${pad(values['day']!)}`;
    return isCalendarDate(date) ? date : null;
  };

  const parseTime = (text: string): string | null => {
    const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap])?\.?\s*m?\.?$/i.exec(text.trim());
    if (!match) return null;
    let hour = Number(match[1]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    const half = match[3]?.toLowerCase();
    if (half) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (half === 'p' ? 12 : 0);
    }
    if (hour > 23 || minute > 59) return null;
    return `${pad(hour)}:${pad(minute)}`;
  };

  const format: VenueFormat = {
    clock: { timeZone, locale, currency },
    time: (ms) => timeFormat.format(ms),
    dayHeading(ms, now) {
      const diff = Math.round((Date.parse(`${wallClock(ms, timeZone).date}T00:00:00Z`) - Date.parse(`${wallClock(now, timeZone).date}T00:00:00Z`)) / 86_400_000);
      if (diff === 0) return 'Today';
      if (diff === 1) return 'Tomorrow';
      return dayFormat.format(ms);
    },
    dateTime: (ms) => dateTimeFormat.format(ms),
    when: (ms) => whenFormat.format(ms),
    // Minor units per the currency's own digits: 3250 is £32.50 but ¥3,250.
    money: (minor, inCurrency = currency) => formatMinor(minor, { locale, currency: inCurrency }),
    number: (n) => numberFormat.format(n),
    datePattern,
    dateTimePattern: `${datePattern} hh:mm`,
    dateText,
    parseDate,
    parseTime,
    dateTimeText(ms) {
      if (ms === null) return '';
      const { date, time } = wallClock(ms, timeZone);
      return `${dateText(date)} ${time}`;
    },
    parseDateTime(text) {
      const t = text.trim();
      if (t === '') return null;
      // ISO as a datetime-local input writes it ("2026-12-03T19:30"), or the locale's date, a space, a time.
      const iso = /^(\d{4}-\d{2}-\d{2})[T ](.+)$/.exec(t);
      const split = iso ?? /^(.*?\d)\s+(\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m?\.?)?)$/i.exec(t);
      if (!split) return undefined;
      const date = parseDate(split[1]!);
      const time = parseTime(split[2]!);
      if (date === null || time === null) return undefined;
      return zonedInstant(date, time, timeZone);
    },
    dateOf: (ms) => wallClock(ms, timeZone).date,
    dayStart: (date) => zonedInstant(date, '00:00', timeZone),
    parseMoney(text) {
      const reading = readMoney(text, { locale, currency });
      return reading.ok ? reading.minor : null;
    },
    readMoney: (text, limits) => readMoney(text, { locale, currency }, limits),
    moneyText: (minor) => moneyFieldText(minor, { locale, currency }),
  };
  return format;
}

let current = venueFormat(DEFAULT_VENUE);

/** Called when the station info arrives (before the screens that use it render). */
export function setVenueClock(clock: VenueClock): void {
  const c = current.clock;
  if (c.timeZone === clock.timeZone && c.locale === clock.locale && c.currency === clock.currency) return;
  current = venueFormat(clock);
}

/** The venue's formats for this window. */
export function venue(): VenueFormat {
  return current;
}

export function formatTime(ms: number): string {
  return current.time(ms);
}

/** "Today", "Tomorrow", or the weekday and date, on the venue's calendar. */
export function dayHeading(ms: number, now: number): string {
  return current.dayHeading(ms, now);
}

export function formatDateTime(ms: number): string {
  return current.dateTime(ms);
}

/** "3 Dec, 14:05". */
export function formatWhen(ms: number): string {
  return current.when(ms);
}

/** Integer minor units to the given currency (an order's own) in the venue's locale, as the receipt prints it. */
export function formatMoney(minor: number, currency?: string): string {
  return current.money(minor, currency);
}
