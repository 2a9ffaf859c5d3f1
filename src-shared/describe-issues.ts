import type { z } from 'zod';

/**
 * A zod failure as sentences in box-office words, each naming the field: the dispatcher's BAD_INPUT
 * and the print API's 400 both say what was wrong the same way. zod's own wording ("Too big: expected
 * string to have <=7000000 characters") never reaches a window; a message the contract wrote itself
 * ('type at least 2 characters', 'must be a logo name …') is kept, after the field's name. Shared so
 * neither side imports the other.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map(describeIssue).join(' ');
}

type Issue = z.core.$ZodIssue;

/** zod's default wording starts so; anything else is a sentence from the contract. */
const LIBRARY_WORDING = /^(Too (big|small)|Invalid|Unrecognized|Expected|Required)\b/;

/** Field names of the contract said as a cashier would (the rest are split from camelCase). */
const FIELD_WORDS: Record<string, string> = {
  base64: 'file',
  fileName: 'file name',
  widthDots: 'width',
  unitIds: 'seats',
  unitId: 'seat',
  taxRateBp: 'tax rate',
  pin: 'PIN',
  minPinLength: 'shortest PIN',
  id: 'identifier',
  ulid: 'identifier',
};

function words(key: string): string {
  const known = FIELD_WORDS[key];
  if (known) return known;
  // priceMinor is the price, performanceId the performance: units and ids are the code's business.
  const bare = key.replace(/(Minor|Id|Ids|Ms|At)$/, (suffix) => (suffix === 'Ids' ? 's' : suffix === 'At' ? ' time' : ''));
  return bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase() || key;
}

const singular = (w: string) => w.replace(/ies$/, 'y').replace(/s$/, '');

/** "the price", "the seat of line 3", "the request" (for the request as a whole). */
export function fieldWords(path: readonly PropertyKey[]): string {
  const keys = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  const lastName = [...keys].reverse().find((k) => typeof k === 'string');
  if (lastName === undefined) return keys.length ? `item ${Number(keys[keys.length - 1]) + 1}` : 'the request';
  const at = keys.lastIndexOf(lastName);
  const index = keys.slice(0, at).findLast((k) => typeof k === 'number');
  const container = index === undefined ? undefined : keys[keys.indexOf(index) - 1];
  const base = `the ${words(lastName)}`;
  if (index === undefined) return base;
  const of = typeof container === 'string' ? singular(words(container)) : 'item';
  return `${base} of ${of} ${Number(index) + 1}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sizeWords(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of details',
  date: 'a date',
  bigint: 'a whole number',
  null: 'empty',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'an e-mail address',
  url: 'a web address',
  uuid: 'an identifier',
  ulid: 'an identifier',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time (HH:MM)',
  datetime: 'a date and time',
  ipv4: 'an IP address',
  ipv6: 'an IP address',
  base64: 'a file in base64',
  regex: 'in the expected form',
  starts_with: 'in the expected form',
  ends_with: 'in the expected form',
  includes: 'in the expected form',
};

const quoted = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? `“${v}”` : String(v))).join(', ');

/** One issue as one sentence naming its field. */
export function describeIssue(issue: Issue): string {
  const field = fieldWords(issue.path);
  const own = !LIBRARY_WORDING.test(issue.message) && issue.message.trim() !== '';
  if (own) {
    const message = issue.message.trim().replace(/\.$/, '');
    return /^(is|must|should|has|can|cannot|needs)\b/.test(message) ? `${cap(field)} ${message}.` : `${cap(field)}: ${message}.`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return `${cap(field)} is missing.`;
      return `${cap(field)} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_big': {
      const most = Number(issue.maximum);
      const limit = issue.inclusive === false ? 'less than' : 'at most';
      if (issue.origin === 'string') {
        if (field === 'the file') return `The file is too large: files can be ${limit} ${sizeWords(Math.floor((most * 3) / 4))}.`;
        return `${cap(field)} is too long: ${limit} ${most} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `${cap(field)} has too many entries: ${limit} ${most}.`;
      if (issue.origin === 'file') return `The file is too large: files can be ${limit} ${sizeWords(most)}.`;
      return `${cap(field)} is too large: ${limit} ${most}.`;
    }
    case 'too_small': {
      const least = Number(issue.minimum);
      const limit = issue.inclusive === false ? 'more than' : 'at least';
      if (issue.origin === 'string') return least <= 1 ? `${cap(field)} is missing.` : `${cap(field)} is too short: ${limit} ${least} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return least <= 1 ? `${cap(field)}: at least one is needed.` : `${cap(field)}: ${limit} ${least} are needed.`;
      return `${cap(field)} must be ${limit} ${least}.`;
    }
    case 'invalid_format':
      return `${cap(field)} is not ${FORMAT_WORDS[issue.format] ?? 'in the expected form'}.`;
    case 'not_multiple_of':
      return `${cap(field)} must be a multiple of ${String(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `${cap(field)} has details the box office does not know: ${quoted(issue.keys)}.`;
    case 'invalid_union':
      return `${cap(field)} is not in any form the box office accepts.`;
    case 'invalid_key': {
      // The path ends at the offending key of a record: name the record, and quote the key.
      const key = issue.path[issue.path.length - 1];
      return `${cap(fieldWords(issue.path.slice(0, -1)))} has an entry named “${String(key)}” that is not allowed.`;
    }
    case 'invalid_element':
      return `${cap(field)} has an entry that is not valid.`;
    case 'invalid_value':
      return issue.values.length === 1 ? `${cap(field)} must be ${quoted(issue.values)}.` : `${cap(field)} must be one of ${quoted(issue.values)}.`;
    case 'custom':
      return `${cap(field)} is not valid.`;
    default:
      return `${cap(field)} is not valid.`;
  }
}
