import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinor, moneyFieldText, readMoney, readPercentBp, type MoneyNotation } from '../../src-renderer/kit/money.ts';

const london: MoneyNotation = { locale: 'en-GB', currency: 'GBP' };
const berlin: MoneyNotation = { locale: 'de-DE', currency: 'EUR' };
const paris: MoneyNotation = { locale: 'fr-FR', currency: 'EUR' };
const newYork: MoneyNotation = { locale: 'en-US', currency: 'GBP' };
const tokyo: MoneyNotation = { locale: 'en-US', currency: 'JPY' };

// What a cashier types, where, and what the till makes of it: minor units, or (part of) the sentence shown.
const table: [string, MoneyNotation, number | RegExp][] = [
  ['20', london, 2000],
  ['20.5', london, 2050],
  ['20.50', london, 2050],
  ['£20.50', london, 2050],
  [' 7.05 ', london, 705],
  ['0', london, 0],
  ['5.', london, 500],
  ['.50', london, 50],
  ['1,234.50', london, 123_450],
  ['£1,234.50', london, 123_450],
  ['1e3', london, /“1e3” is not an amount: type the digits of the amount, e\.g\. 20\.50/],
  ['0x64', london, /“0x64” is not an amount/],
  ['abc', london, /“abc” is not an amount: use only digits and “\.”/],
  ['-5', london, /cannot be negative/],
  ['12.345', london, /at most 2 digits after “\.”/],
  ['1.2.3', london, /more than one “\.”/],
  ['1,50', london, /this venue writes amounts with “\.”/],
  ['12,34,5', london, /grouped in threes/],
  ['€20', london, /not an amount/],
  ['', london, /Type an amount/],
  ['.', london, /type the digits/],
  ['1Infinity', london, /not an amount/],
  ['20,50', berlin, 2050],
  ['20,50 €', berlin, 2050],
  ['1.234,50', berlin, 123_450],
  ['12.50', berlin, /this venue writes amounts with “,”, as in 20,50/],
  ['20,50', paris, 2050],
  ['1 234,50 €', paris, 123_450],
  ['1\u202f234,50', paris, 123_450],
  ['12.50', paris, /this venue writes amounts with “,”/],
  ['20.50', newYork, 2050],
  ['1235', tokyo, 1235],
  ['¥1,235', tokyo, 1235],
  ['12.5', tokyo, /amounts in JPY have no decimals/],
];

describe('readMoney: the one money parser of the screens', () => {
  it.each(table)('%j in %o', (text, notation, expected) => {
    const reading = readMoney(text, notation);
    if (typeof expected === 'number') expect(reading).toEqual({ ok: true, minor: expected });
    else {
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.problem).toMatch(expected);
    }
  });

  it('refuses more than the field takes, saying the most and why', () => {
    const reading = readMoney('99999999', london, { maxMinor: 700_000, maxReason: '100 times the £70.00 due' });
    expect(reading).toEqual({ ok: false, problem: '£99,999,999.00 is more than this field takes: at most £7,000.00 (100 times the £70.00 due). Check the amount.' });
    expect(readMoney('7000', london, { maxMinor: 700_000 })).toEqual({ ok: true, minor: 700_000 });
  });

  it('refuses amounts no till takes even without a limit', () => {
    expect(readMoney('9999999999999999', london).ok).toBe(false);
  });
});

const notations: MoneyNotation[] = [
  london,
  berlin,
  paris,
  newYork,
  tokyo,
  { locale: 'en-GB', currency: 'JPY' },
  { locale: 'de-DE', currency: 'JPY' },
  { locale: 'fr-FR', currency: 'GBP' },
  { locale: 'en-US', currency: 'EUR' },
];

describe('round trips in several locales and currencies', () => {
  const amounts = fc.integer({ min: 0, max: 10_000_000_000 });

  it.each(notations.map((n) => [`${n.locale} ${n.currency}`, n] as const))('%s: what the field shows reads back as the same amount', (_name, notation) => {
    fc.assert(fc.property(amounts, (minor) => {
      expect(readMoney(moneyFieldText(minor, notation), notation)).toEqual({ ok: true, minor });
    }));
  });

  it.each(notations.map((n) => [`${n.locale} ${n.currency}`, n] as const))('%s: what the receipt prints reads back as the same amount', (_name, notation) => {
    fc.assert(fc.property(amounts, (minor) => {
      expect(readMoney(formatMinor(minor, notation), notation)).toEqual({ ok: true, minor });
    }));
  });

  it('no text made of digits, marks and letters is read as anything but its own digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.,eExX+\- ]{1,12}$/), (text) => {
        const reading = readMoney(text, london);
        if (reading.ok) expect(text.trim()).toMatch(/^(\d{1,3}(,\d{3})*|\d*)(\.\d{0,2})?$/);
      }),
    );
  });
});

describe('readPercentBp: tax rates and percentage discounts', () => {
  it.each([
    ['20', 2000],
    ['12.5', 1250],
    ['12,5', 1250],
    ['0', 0],
    ['100', 10_000],
    ['7.25 %', 725],
    ['1e1', null],
    ['0x10', null],
    ['-5', null],
    ['101', null],
    ['12.345', null],
    ['', null],
  ] as const)('%j is %j', (text, bp) => expect(readPercentBp(text)).toBe(bp));
});
