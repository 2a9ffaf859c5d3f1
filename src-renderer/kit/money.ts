/**
 * The one money parser of the screens. A cashier types amounts in the venue currency's own notation:
 * digits, at most one decimal mark (the venue locale's: "." in en-GB, "," in de-DE), at most the
 * currency's minor digits (2 for GBP and EUR, none for JPY), optionally the currency's symbol and the
 * locale's thousands groups written correctly ("£1,234.50", "1.234,50 €"). Anything else ("1e3",
 * "0x64", "-5", "abc", "12.345") is refused with a sentence saying why, never guessed at: Number()
 * would read "1e3" as 1000 and "0x64" as 100. Pure (Intl only), so unit tests run it in any locale.
 */

export interface MoneyNotation {
  locale: string;
  currency: string;
}

export type MoneyReading = { ok: true; minor: number } | { ok: false; problem: string };

interface Marks {
  decimal: string;
  group: string;
  symbols: string[];
  digits: number;
  format: Intl.NumberFormat;
}

const marksCache = new Map<string, Marks>();

/** The locale's decimal and group marks and the currency's symbol and minor digits. */
function marksOf({ locale, currency }: MoneyNotation): Marks {
  const key = `${locale}|${currency}`;
  const known = marksCache.get(key);
  if (known) return known;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const parts = format.formatToParts(12345.5);
  const symbols = [...new Set([parts.find((p) => p.type === 'currency')?.value ?? currency, currency])];
  const marks: Marks = {
    decimal: new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    symbols,
    digits: format.resolvedOptions().maximumFractionDigits ?? 2,
    format,
  };
  marksCache.set(key, marks);
  return marks;
}

/** How many minor units make one unit of the currency (100 for GBP, 1 for JPY). */
export function minorPerUnit(currency: string): number {
  return 10 ** marksOf({ locale: 'en', currency }).digits;
}

/** Integer minor units as the receipt prints them: "£32.50", "32,50 €", "¥1,235". */
export function formatMinor(minor: number, notation: MoneyNotation): string {
  const m = marksOf(notation);
  return m.format.format(minor / 10 ** m.digits);
}

/** Minor units as an amount field's editable text: "32.50", "32,50", "1235" (no symbol, no groups). */
export function moneyFieldText(minor: number, notation: MoneyNotation): string {
  const m = marksOf(notation);
  const text = (minor / 10 ** m.digits).toFixed(m.digits);
  return m.digits === 0 ? text : text.replace('.', m.decimal);
}

const SPACES = /[\s\u00a0\u202f]/g;
const isSpace = (mark: string) => /^[\s\u00a0\u202f]$/.test(mark);

/** Limits a field puts on the amount: the most it takes (e.g. 100× the amount due). */
export interface MoneyLimits {
  maxMinor?: number;
  /** Words for why the maximum is what it is, e.g. "100 times the £70.00 due". */
  maxReason?: string;
}

/**
 * Reads what a cashier typed as integer minor units, or says why it is not an amount. Zero is an
 * amount; whether a field accepts it is the field's business.
 */
export function readMoney(text: string, notation: MoneyNotation, limits: MoneyLimits = {}): MoneyReading {
  const m = marksOf(notation);
  const example = moneyFieldText(20 * 10 ** m.digits + (m.digits ? 50 : 0), notation);
  const notAmount = (why: string): MoneyReading => ({ ok: false, problem: `“${text.trim()}” is not an amount: ${why}` });
  let t = text.trim();
  if (t === '') return { ok: false, problem: 'Type an amount.' };
  // The venue currency's own symbol may stand before or after the amount; no other.
  for (const symbol of m.symbols) {
    if (t.startsWith(symbol)) t = t.slice(symbol.length).trim();
    else if (t.endsWith(symbol)) t = t.slice(0, -symbol.length).trim();
  }
  if (/^[-−–]/.test(t)) return { ok: false, problem: `An amount cannot be negative: type what the customer hands over, e.g. ${example}.` };
  if (/^0[xob]/i.test(t) || /\d[eE][+-]?\d/.test(t)) return notAmount(`type the digits of the amount, e.g. ${example}.`);
  const allowed = new RegExp(`^[0-9${escape(m.decimal)}${escape(m.group)}${isSpace(m.group) ? ' \\u00a0\\u202f' : ''}]+$`);
  if (!allowed.test(t)) {
    if (m.decimal !== '.' && /^\d+\.\d+$/.test(t)) return notAmount(`this venue writes amounts with “${m.decimal}”, as in ${example}.`);
    return notAmount(`use only digits${m.digits ? ` and “${m.decimal}”` : ''}, e.g. ${example}.`);
  }
  const pieces = t.split(m.decimal);
  if (pieces.length > 2) return notAmount(`it has more than one “${m.decimal}”.`);
  const [whole = '', fraction] = pieces;
  if (fraction !== undefined && fraction !== '') {
    if (m.digits === 0) return notAmount(`amounts in ${notation.currency} have no decimals, e.g. ${example}.`);
    if (!/^\d+$/.test(fraction)) return notAmount(`use only digits after “${m.decimal}”, e.g. ${example}.`);
    if (fraction.length > m.digits) return notAmount(`amounts in ${notation.currency} have at most ${m.digits} digits after “${m.decimal}”.`);
  }
  const digits = groupedDigits(whole, m.group);
  if (digits === null) {
    if (m.decimal !== '.' && m.group === '.' && /^\d+\.\d{1,2}$/.test(t)) return notAmount(`this venue writes amounts with “${m.decimal}”, as in ${example}.`);
    if (m.decimal === '.' && /^\d+,\d{1,2}$/.test(t)) return notAmount(`this venue writes amounts with “.”, as in ${example}.`);
    return notAmount(`thousands are grouped in threes (${formatMinor(1_234 * 10 ** m.digits, notation)}), or leave them out.`);
  }
  if (digits === '' && !fraction) return notAmount(`type the digits of the amount, e.g. ${example}.`);
  // Past 15 digits a double no longer holds every integer exactly: no till takes that anyway.
  if (digits.replace(/^0+/, '').length + m.digits > 15) return { ok: false, problem: tooMuch(`“${text.trim()}”`, notation, limits) };
  const minor = Number(digits || '0') * 10 ** m.digits + Number((fraction ?? '').padEnd(m.digits, '0') || '0');
  if (limits.maxMinor !== undefined && minor > limits.maxMinor) return { ok: false, problem: tooMuch(formatMinor(minor, notation), notation, limits) };
  return { ok: true, minor };
}

function tooMuch(amount: string, notation: MoneyNotation, limits: MoneyLimits): string {
  const most = limits.maxMinor === undefined ? '' : `: at most ${formatMinor(limits.maxMinor, notation)}`;
  const why = limits.maxReason ? ` (${limits.maxReason})` : '';
  return `${amount} is more than this field takes${most}${why}. Check the amount.`;
}

/** The whole part without its thousands groups, or null when the groups are not threes. */
function groupedDigits(whole: string, group: string): string | null {
  const separators = isSpace(group) ? SPACES : new RegExp(escape(group), 'g');
  const groups = whole.split(separators);
  if (groups.length === 1) return /^\d*$/.test(whole) ? whole : null;
  const [head, ...rest] = groups;
  if (!head || !/^\d{1,3}$/.test(head) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}

function escape(mark: string): string {
  return mark.replace(/[\\^$.*+?()[\]{}|\-]/g, '\\$&');
}

/**
 * A percentage as typed ("20", "12.5", "12,5") to hundredths of a percent (basis points: 2000, 1250);
 * null when it is not one from 0 to 100 with at most two decimals. Number() would take "1e1" as 10.
 */
export function readPercentBp(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}
