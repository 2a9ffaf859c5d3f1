import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venueFormat } from '../../src-renderer/format.ts';
import { zonedInstant } from '../../src-main/admin/zoned-time.ts';

/*
 * The screens' one format module, in two locales and two zones. The process runs in a third zone,
 * so a result that leaned on the computer's own clock would show here.
 */
const machineZone = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = 'Pacific/Auckland';
});
afterAll(() => {
  if (machineZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = machineZone;
});

const london = venueFormat({ timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
const newYork = venueFormat({ timeZone: 'America/New_York', locale: 'en-US', currency: 'USD' });

describe('a London venue in en-GB', () => {
  it('shows times on its own clock, winter and summer', () => {
    expect(new Date(0).getTimezoneOffset()).not.toBe(0);
    expect(london.time(Date.UTC(2026, 11, 3, 19, 30))).toBe('19:30');
    expect(london.time(Date.UTC(2026, 6, 3, 18, 30))).toBe('19:30');
    expect(london.dateTime(Date.UTC(2026, 11, 3, 19, 30))).toBe('Thu, 3 Dec 2026, 19:30');
    expect(london.money(3250)).toBe('£32.50');
    expect(london.money(3250, 'EUR')).toBe('€32.50');
    expect(london.number(1234567.5)).toBe('1,234,567.5');
  });

  it('writes and reads date fields as dd/mm/yyyy, and ISO too', () => {
    expect(london.datePattern).toBe('dd/mm/yyyy');
    expect(london.dateText('2026-12-03')).toBe('03/12/2026');
    expect(london.parseDate('03/12/2026')).toBe('2026-12-03');
    expect(london.parseDate('3/12/26')).toBe('2026-12-03');
    expect(london.parseDate('2026-12-03')).toBe('2026-12-03');
    expect(london.parseDate('31/02/2026')).toBeNull();
    expect(london.parseDate('12/31/2026')).toBeNull();
    expect(london.parseDate('tomorrow')).toBeNull();
  });

  it('reads a typed date and time on the venue clock, as the core turns a run into instants', () => {
    expect(london.parseDateTime('03/12/2026 19:30')).toBe(Date.UTC(2026, 11, 3, 19, 30));
    expect(london.parseDateTime('03/07/2026 19:30')).toBe(Date.UTC(2026, 6, 3, 18, 30));
    expect(london.parseDateTime('2026-07-03T19:30')).toBe(zonedInstant('2026-07-03', '19:30', 'Europe/London'));
    expect(london.parseDateTime('')).toBeNull();
    expect(london.parseDateTime('03/07/2026')).toBeUndefined();
    expect(london.parseDateTime('03/07/2026 25:00')).toBeUndefined();
    expect(london.dateTimeText(Date.UTC(2026, 6, 3, 18, 30))).toBe('03/07/2026 19:30');
    expect(london.dateTimeText(null)).toBe('');
    expect(london.dayStart('2026-07-03')).toBe(Date.UTC(2026, 6, 2, 23, 0));
    expect(london.dateOf(Date.UTC(2026, 6, 2, 23, 30))).toBe('2026-07-03');
  });

  it('reads times in 24 hours or with am/pm', () => {
    expect(london.parseTime('19:30')).toBe('19:30');
    expect(london.parseTime('7:30 pm')).toBe('19:30');
    expect(london.parseTime('12 am')).toBe('00:00');
    expect(london.parseTime('1930')).toBe('19:30');
    expect(london.parseTime('24:00')).toBeNull();
    expect(london.parseTime('13:00 pm')).toBeNull();
  });

  it('reads and writes amounts', () => {
    expect(london.parseMoney('£32.50')).toBe(3250);
    expect(london.parseMoney('32.5')).toBe(3250);
    expect(london.parseMoney('32.505')).toBeNull();
    expect(london.parseMoney('free')).toBeNull();
    expect(london.moneyText(3250)).toBe('32.50');
  });
});

describe('a New York venue in en-US', () => {
  it('shows times on its own clock and its own pattern', () => {
    expect(newYork.time(Date.UTC(2026, 11, 4, 0, 30))).toBe('07:30 PM');
    expect(newYork.money(3250)).toBe('$32.50');
    expect(newYork.datePattern).toBe('mm/dd/yyyy');
    expect(newYork.dateText('2026-12-03')).toBe('12/03/2026');
    expect(newYork.parseDate('12/03/2026')).toBe('2026-12-03');
    expect(newYork.parseDate('31/12/2026')).toBeNull();
  });

  it('reads a typed time on its own clock', () => {
    expect(newYork.parseDateTime('12/03/2026 7:30 pm')).toBe(Date.UTC(2026, 11, 4, 0, 30));
    expect(newYork.parseDateTime('12/03/2026 19:30')).toBe(Date.UTC(2026, 11, 4, 0, 30));
    expect(newYork.dateTimeText(Date.UTC(2026, 11, 4, 0, 30))).toBe('12/03/2026 19:30');
  });

  it('says "Today" and "Tomorrow" by the venue calendar, not the computer or UTC', () => {
    const now = Date.UTC(2026, 11, 3, 12, 0);
    const show = Date.UTC(2026, 11, 4, 1, 0); // 01:00 in London on the 4th, 20:00 in New York on the 3rd
    expect(london.dayHeading(show, now)).toBe('Tomorrow');
    expect(newYork.dayHeading(show, now)).toBe('Today');
    expect(newYork.dayHeading(Date.UTC(2026, 11, 6, 1, 0), now)).toBe('Saturday, December 5');
    expect(london.dayHeading(Date.UTC(2026, 11, 6, 1, 0), now)).toBe('Sunday 6 December');
  });
});

describe('another locale and bad settings', () => {
  it('uses the locale decimal mark and date order (de-DE)', () => {
    const berlin = venueFormat({ timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR' });
    expect(berlin.datePattern).toBe('dd.mm.yyyy');
    expect(berlin.parseDate('03.12.2026')).toBe('2026-12-03');
    expect(berlin.parseMoney('32,50 €')).toBe(3250);
    expect(berlin.moneyText(3250)).toBe('32,50');
    expect(berlin.parseDateTime('03.12.2026 19:30')).toBe(Date.UTC(2026, 11, 3, 18, 30));
  });

  it('falls back to the installation defaults rather than break every screen', () => {
    const broken = venueFormat({ timeZone: 'Mars/Olympus', locale: 'not a locale', currency: 'pounds' });
    expect(broken.clock).toEqual({ timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
    expect(broken.time(Date.UTC(2026, 11, 3, 19, 30))).toBe('19:30');
  });
});
