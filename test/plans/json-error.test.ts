import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src-main/plans/json-error.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locating a JSON error', () => {
  it('agrees with JSON.parse on valid documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(locateJsonError(JSON.stringify(value, null, indent))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on damaged documents and points inside them', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\'), (value, at, insert) => {
        const text = JSON.stringify(value, null, 1);
        const cut = at % (text.length + 1);
        const damaged = text.slice(0, cut) + insert + text.slice(cut + 1);
        const located = locateJsonError(damaged);
        expect(located === null).toBe(parses(damaged));
        if (located) expect(located.offset).toBeLessThanOrEqual(damaged.length);
      }),
      { numRuns: 500 },
    );
  });

  it('names line and column', () => {
    expect(locateJsonError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3, problem: 'expected "," or "}" but found "\\""' });
  });
});
