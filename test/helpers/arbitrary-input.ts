import fc from 'fast-check';
import { z } from 'zod';
import { procedures, type ProcedureName } from '../../src-shared/contract/index.ts';

/**
 * Inputs for a procedure derived from its zod schema (through zod 4's JSON Schema output), mostly
 * well-formed so they reach the handlers, with hostile strings and malformed shapes mixed in. The
 * fuzz tests use it; nothing here knows any one procedure.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** Strings that have broken servers before: traversal, escapes, markup, control bytes, huge numbers. */
const HOSTILE = [
  '../../../../etc/passwd',
  '%E0%A4%A',
  '<svg xmlns="http://www.w3.org/2000/svg"><image href="/dev/zero"/></svg>',
  '\u0000\u0001\u001b[2J',
  '1e309',
  '__proto__',
  'constructor',
  "'; drop table orders; --",
  'Zoë Ł. 🎭',
  'x'.repeat(5000),
];

const hostileString = fc.constantFrom(...HOSTILE);

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) {
    const pattern = fc.stringMatching(new RegExp(schema.pattern));
    return fc.oneof({ weight: 4, arbitrary: pattern }, { weight: 1, arbitrary: hostileString });
  }
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  return fc.oneof({ weight: 3, arbitrary: fc.string({ minLength, maxLength }) }, { weight: 1, arbitrary: hostileString });
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000), Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  return fc.oneof(fc.integer({ min, max: Math.max(min, Math.min(max, min + 100_000)) }), fc.constantFrom(min, max));
}

export function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0]!, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, arbitraryFor(v, depth + 1)]));
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      return fc.array(schema.items ? arbitraryFor(schema.items, depth + 1) : fc.anything(), { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength });
    }
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), integerArbitrary(schema));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A procedure's input: usually shaped by its schema, sometimes any JSON at all. */
export function inputFor(name: ProcedureName): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(procedures[name].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fc.oneof({ weight: 5, arbitrary: arbitraryFor(schema) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}
