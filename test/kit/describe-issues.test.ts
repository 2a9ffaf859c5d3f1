import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from '../../src-shared/describe-issues.ts';
import { procedures } from '../../src-shared/contract/index.ts';
import { logoFileProblem } from '../../src-renderer/manager/layouts/logo-file.ts';

function sentence(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return describeIssues(parsed.error);
}

// zod's own wording: none of it may reach a window.
const LIBRARY = /Too big|Too small|Invalid input|Invalid option|expected string|expected number|received|<=|>=|Unrecognized key|Invalid (email|ISO|string|number|key|element)/;

describe('describeIssues: every kind of zod issue as a box-office sentence naming the field', () => {
  const cases: [string, z.ZodType, unknown, string][] = [
    ['too long', z.object({ name: z.string().max(3) }), { name: 'abcd' }, 'The name is too long: at most 3 characters.'],
    ['missing text', z.object({ name: z.string().min(1) }), { name: '' }, 'The name is missing.'],
    ['too short', z.object({ name: z.string().min(3) }), { name: 'ab' }, 'The name is too short: at least 3 characters.'],
    ['missing field', z.object({ customerName: z.string() }), {}, 'The customer name is missing.'],
    ['wrong type', z.object({ quantity: z.number() }), { quantity: 'two' }, 'The quantity must be a number.'],
    ['not whole', z.object({ quantity: z.number().int() }), { quantity: 1.5 }, 'The quantity must be a whole number.'],
    ['too large', z.object({ quantity: z.number().max(10) }), { quantity: 11 }, 'The quantity is too large: at most 10.'],
    ['too small', z.object({ priceMinor: z.number().min(0) }), { priceMinor: -1 }, 'The price must be at least 0.'],
    ['positive', z.object({ quantity: z.number().positive() }), { quantity: 0 }, 'The quantity must be more than 0.'],
    ['list too long', z.object({ payments: z.array(z.number()).max(1) }), { payments: [1, 2] }, 'The payments has too many entries: at most 1.'],
    ['list empty', z.object({ unitIds: z.array(z.number()).min(1) }), { unitIds: [] }, 'The seats: at least one is needed.'],
    ['e-mail', z.object({ email: z.email() }), { email: 'x' }, 'The email is not an e-mail address.'],
    ['date', z.object({ day: z.iso.date() }), { day: '2026-13-01' }, 'The day is not a date (YYYY-MM-DD).'],
    ['enum', z.object({ method: z.enum(['cash', 'card']) }), { method: 'cheque' }, 'The method must be one of “cash”, “card”.'],
    ['literal', z.object({ kind: z.literal('fixed') }), { kind: 'x' }, 'The kind must be “fixed”.'],
    ['multiple', z.object({ step: z.number().multipleOf(5) }), { step: 3 }, 'The step must be a multiple of 5.'],
    ['unknown keys', z.object({ a: z.string() }).strict(), { a: 'x', extra: 1 }, 'The request has details the box office does not know: “extra”.'],
    ['union', z.object({ value: z.union([z.string(), z.number()]) }), { value: true }, 'The value is not in any form the box office accepts.'],
    ['record key', z.object({ names: z.record(z.string().min(2), z.number()) }), { names: { a: 1 } }, 'The names has an entry named “a” that is not allowed.'],
    ['refine', z.object({ a: z.number() }).refine(() => false), { a: 1 }, 'The request is not valid.'],
    ['own refine words', z.object({ a: z.number() }).refine(() => false, 'give either name, or fileName and base64'), { a: 1 }, 'The request: give either name, or fileName and base64.'],
    ['own regex words', z.object({ name: z.string().regex(/^a$/, 'must be a logo name') }), { name: 'b' }, 'The name must be a logo name.'],
    ['own min words', z.object({ query: z.string().min(2, 'type at least 2 characters') }), { query: 'a' }, 'The query: type at least 2 characters.'],
    ['nested in a list', z.object({ lines: z.array(z.object({ unitId: z.number() })) }), { lines: [{ unitId: 1 }, { unitId: 'x' }] }, 'The seat of line 2 must be a number.'],
  ];

  it.each(cases)('%s', (_kind, schema, value, expected) => {
    const words = sentence(schema, value);
    expect(words).toBe(expected);
    expect(words).not.toMatch(LIBRARY);
  });

  it('says a logo that is too large in megabytes, not characters of base64', () => {
    const input = procedures.addLogo.input;
    const words = sentence(input, { name: 'logo', fileName: 'big.png', base64: 'A'.repeat(7_000_001) });
    expect(words).toBe('The file is too large: files can be at most 5 MB.');
  });

  it('keeps to five sentences however many fields are wrong', () => {
    const schema = z.object(Object.fromEntries('abcdefgh'.split('').map((k) => [k, z.string()])));
    expect(sentence(schema, {}).split('. ').length).toBe(5);
  });
});

describe('a logo file too large for the core, said before it is sent', () => {
  it('names the size and the limit in megabytes', () => {
    expect(logoFileProblem({ name: 'poster.png', size: 19 * 1024 * 1024 })).toBe('This image is 19 MB; logos can be at most 5 MB.');
    expect(logoFileProblem({ name: 'logo.png', size: 5.5 * 1024 * 1024 })).toBe('This image is 5.5 MB; logos can be at most 5 MB.');
    expect(logoFileProblem({ name: 'logo.png', size: 200_000 })).toBeNull();
  });
});
