import type { FieldType, VenuePrintData } from './print-data.ts';

/** One formatter after a `|`: `money`, `upper`, `lower`, `date:"EEE d MMM HH:mm"`. */
export interface Formatter {
  name: string;
  arg: string | undefined;
}
export type TemplatePart = string | { field: string; formatters: Formatter[] };

export class TemplateError extends Error {}

const FORMATTERS: Record<string, { needsArg: boolean; types: FieldType[] | 'any' }> = {
  money: { needsArg: false, types: ['money'] },
  date: { needsArg: true, types: ['instant'] },
  upper: { needsArg: false, types: 'any' },
  lower: { needsArg: false, types: 'any' },
};

/** Splits "Row {seat.row}-{seat.number}" into text and placeholders; `{{` and `}}` are literal braces. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (ch === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (ch === '}') {
      throw new TemplateError(`a '}' at character ${i + 1} closes no placeholder (write '}}' for a brace)`);
    } else if (ch === '{') {
      const end = findClose(text, i + 1);
      if (end < 0) throw new TemplateError(`the placeholder starting at character ${i + 1} is never closed with '}'`);
      if (literal) parts.push(literal);
      literal = '';
      parts.push(parsePlaceholder(text.slice(i + 1, end)));
      i = end + 1;
    } else {
      literal += ch;
      i++;
    }
  }
  if (literal) parts.push(literal);
  return parts;
}

function findClose(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === '}') return i;
  }
  return -1;
}

function parsePlaceholder(inner: string): TemplatePart {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted;
    if (ch === '|' && !quoted) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  const field = pieces[0]!.trim();
  if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(field)) {
    throw new TemplateError(`'{${inner}}' does not name a field (write it like {event.title})`);
  }
  const formatters = pieces.slice(1).map((raw): Formatter => {
    const m = /^\s*([a-z]+)\s*(?::\s*"([^"]*)"\s*)?$/.exec(raw);
    if (!m) throw new TemplateError(`'|${raw}' in {${inner}} is not a formatter (write |money or |date:"d MMM")`);
    return { name: m[1]!, arg: m[2] };
  });
  return { field, formatters };
}

/** Checks formatters against the field's type; returns a sentence describing the first problem. */
export function checkFormatters(field: string, type: FieldType, formatters: Formatter[]): string | null {
  for (const f of formatters) {
    const spec = FORMATTERS[f.name];
    if (!spec) return `unknown formatter '|${f.name}' on {${field}}; there are ${Object.keys(FORMATTERS).join(', ')}`;
    if (spec.needsArg && f.arg === undefined) return `'|${f.name}' on {${field}} needs a pattern, like |date:"EEE d MMM HH:mm"`;
    if (!spec.needsArg && f.arg !== undefined) return `'|${f.name}' on {${field}} takes no pattern`;
    if (spec.types !== 'any' && !spec.types.includes(type)) {
      return `'|${f.name}' does not apply to {${field}}, which is ${type === 'instant' ? 'a date and time' : type}`;
    }
    if (f.name === 'date') {
      const bad = checkDatePattern(f.arg!);
      if (bad) return `the date pattern "${f.arg}" on {${field}} ${bad}`;
    }
  }
  return null;
}

/** Writes a value the way its type and formatters say. */
export function formatValue(value: unknown, type: FieldType, formatters: Formatter[], venue: VenuePrintData): string {
  let text: string;
  const dateFormatter = formatters.find((f) => f.name === 'date');
  if (type === 'money') text = formatMoney(Number(value), venue);
  else if (type === 'instant') text = formatDate(Number(value), dateFormatter?.arg ?? 'EEE d MMM yyyy HH:mm', venue);
  else if (type === 'count') text = String(Math.trunc(Number(value)));
  else text = value === undefined || value === null ? '' : String(value);
  for (const f of formatters) {
    if (f.name === 'upper') text = text.toLocaleUpperCase(venue.locale);
    else if (f.name === 'lower') text = text.toLocaleLowerCase(venue.locale);
  }
  return text;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, venue: Pick<VenuePrintData, 'locale' | 'currency'>): string {
  const key = `${venue.locale}|${venue.currency}`;
  let nf = moneyFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(venue.locale, { style: 'currency', currency: venue.currency });
    moneyFormats.set(key, nf);
  }
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  // Locales put no-break and narrow no-break spaces in amounts; a receipt wants a plain space.
  return nf.format(minor / 10 ** digits).replace(/[\u00a0\u202f]/g, ' ');
}

const DATE_TOKENS = ['EEEE', 'EEE', 'MMMM', 'MMM', 'yyyy', 'dd', 'MM', 'yy', 'HH', 'hh', 'mm', 'ss', 'd', 'M', 'H', 'h', 'a'];

function tokenizeDate(pattern: string): Array<{ token: string } | { literal: string }> {
  const out: Array<{ token: string } | { literal: string }> = [];
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new TemplateError('has a quote that is never closed');
      out.push({ literal: end === i + 1 ? "'" : pattern.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const token = DATE_TOKENS.find((t) => pattern.startsWith(t, i));
    if (token) {
      out.push({ token });
      i += token.length;
    } else if (/[A-Za-z]/.test(pattern[i]!)) {
      throw new TemplateError(`uses the letter '${pattern[i]}', which is not a date field (quote text like 'at')`);
    } else {
      out.push({ literal: pattern[i]! });
      i++;
    }
  }
  return out;
}

function checkDatePattern(pattern: string): string | null {
  try {
    tokenizeDate(pattern);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    dateFormats.set(key, f);
  }
  return f;
}
const tokenCache = new Map<string, ReturnType<typeof tokenizeDate>>();

export function formatDate(epochMs: number, pattern: string, venue: Pick<VenuePrintData, 'locale' | 'timeZone'>): string {
  let tokens = tokenCache.get(pattern);
  if (!tokens) {
    tokens = tokenizeDate(pattern);
    tokenCache.set(pattern, tokens);
  }
  const date = new Date(epochMs);
  const numeric: Record<string, string> = {};
  for (const p of dtf('en-US', venue.timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date)) {
    numeric[p.type] = p.value;
  }
  const name = (options: Intl.DateTimeFormatOptions) => dtf(venue.locale, venue.timeZone, options).format(date);
  const hour = Number(numeric['hour']);
  const pad = (v: string | number | undefined) => String(v ?? '').padStart(2, '0');
  return tokens
    .map((t) => {
      if ('literal' in t) return t.literal;
      switch (t.token) {
        case 'EEEE': return name({ weekday: 'long' });
        case 'EEE': return name({ weekday: 'short' });
        case 'MMMM': return name({ month: 'long' });
        case 'MMM': return name({ month: 'short' });
        case 'yyyy': return numeric['year'] ?? '';
        case 'yy': return (numeric['year'] ?? '').slice(-2);
        case 'MM': return pad(numeric['month']);
        case 'M': return numeric['month'] ?? '';
        case 'dd': return pad(numeric['day']);
        case 'd': return numeric['day'] ?? '';
        case 'HH': return pad(hour);
        case 'H': return String(hour);
        case 'hh': return pad(hour % 12 || 12);
        case 'h': return String(hour % 12 || 12);
        case 'mm': return pad(numeric['minute']);
        case 'ss': return pad(numeric['second']);
        case 'a': return hour < 12 ? 'am' : 'pm';
        default: return '';
      }
    })
    .join('');
}
