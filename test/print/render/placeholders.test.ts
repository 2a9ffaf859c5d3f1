import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatValue, parseTemplate } from '../../../src-main/print/render/placeholders.ts';

const london = { locale: 'en-GB', timeZone: 'Europe/London', currency: 'GBP' };
const berlin = { locale: 'de-DE', timeZone: 'Europe/Berlin', currency: 'EUR' };
const venue = { ...london, name: 'V', address: '', taxNumber: '', legalName: '', companyAddress: '', companyNumber: '' };
const showUtc = Date.UTC(2026, 11, 4, 19, 30);

describe('placeholders and formatting', () => {
  it('splits text and placeholders, with formatters and literal braces', () => {
    expect(parseTemplate('{seat.section} {seat.row}-{seat.number} {{VIP}}')).toEqual([
      { field: 'seat.section', formatters: [] },
      ' ',
      { field: 'seat.row', formatters: [] },
      '-',
      { field: 'seat.number', formatters: [] },
      ' {VIP}',
    ]);
    expect(parseTemplate('{performance.startsAt|date:"EEE d MMM HH:mm"|upper}')).toEqual([
      { field: 'performance.startsAt', formatters: [{ name: 'date', arg: 'EEE d MMM HH:mm' }, { name: 'upper', arg: undefined }] },
    ]);
    expect(() => parseTemplate('{event.title')).toThrow(/never closed/);
  });

  it("writes dates at the venue's wall-clock time and in its language", () => {
    expect(formatDate(showUtc, 'EEE d MMM HH:mm', london)).toBe('Fri 4 Dec 19:30');
    expect(formatDate(showUtc, 'EEEE d MMMM yyyy, h:mm a', london)).toBe('Friday 4 December 2026, 7:30 pm');
    expect(formatDate(showUtc, "EEE dd.MM.yy 'um' HH:mm", berlin)).toBe('Fr 04.12.26 um 20:30');
    // Summer time: 18:00 UTC in July is 19:00 in London.
    expect(formatDate(Date.UTC(2026, 6, 1, 18, 0), 'HH:mm', london)).toBe('19:00');
  });

  it('writes money from minor units in the venue currency, with plain spaces', () => {
    expect(formatMoney(2450, london)).toBe('£24.50');
    expect(formatMoney(1250, berlin)).toBe('12,50 €');
    expect(formatMoney(-50, london)).toBe('-£0.50');
    expect(formatMoney(1500, { locale: 'ja-JP', currency: 'JPY' })).toBe('￥1,500');
  });

  it('formats by type, then applies upper and lower', () => {
    expect(formatValue('Ærø', 'text', [{ name: 'upper', arg: undefined }], venue)).toBe('ÆRØ');
    expect(formatValue(2450, 'money', [], venue)).toBe('£24.50');
    expect(formatValue(143, 'count', [], venue)).toBe('143');
  });
});
