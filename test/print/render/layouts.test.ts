import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceLayoutsDir } from '../../../src-main/paths.ts';
import { layoutJsonSchemaText } from '../../../src-main/print/render/layout-json-schema.ts';
import { LayoutInvalidError, parseLayout, type LayoutProblem } from '../../../src-main/print/render/index.ts';
import { openRenderKit } from './helpers.ts';

const kit = openRenderKit();
afterAll(() => kit.dispose());
const userDir = join(kit.dir, 'layouts');

const good = (title = '{event.title}') =>
  JSON.stringify(
    {
      name: 'Venue ticket',
      kind: 'ticket',
      widthDots: 576,
      elements: [
        { type: 'text', text: title, size: 'double' },
        { type: 'qr', data: '{ticket.code}' },
        { type: 'cut' },
      ],
    },
    null,
    2,
  );

function problemOf(text: string): LayoutProblem {
  try {
    parseLayout(text, { id: 'venue-ticket', source: 'user', file: 'venue-ticket.json' });
  } catch (e) {
    if (e instanceof LayoutInvalidError) return e.problem;
    throw e;
  }
  throw new Error('the layout was accepted');
}

/** Writes a file and moves its mtime on, so the library sees a change even within one clock tick. */
function writeLater(path: string, text: string, secondsAhead: number): void {
  writeFileSync(path, text);
  const t = Date.now() / 1000 + secondsAhead;
  utimesSync(path, t, t);
}

describe('layout files', () => {
  it('names the file, line and column of a JSON syntax error', () => {
    const text = good().replace('"size": "double"', '"size": "double",\n        }');
    const p = problemOf(text);
    expect(p).toMatchObject({ file: 'venue-ticket.json', line: 10, column: 9 });
    expect(p.path).toBeUndefined();
    expect(p.message).toBe('venue-ticket.json (line 10, column 9): not valid JSON: a comma before } is not allowed in JSON');
  });

  it('names the JSON path and line of an unknown element kind', () => {
    const p = problemOf(good().replace('"type": "qr"', '"type": "qrcode"'));
    expect(p).toMatchObject({ path: 'elements[1].type', line: 12 });
    expect(p.message).toContain("unknown element kind \"qrcode\"; the kinds are logo, text, rule, columns, qr, barcode, feed, cut, repeat");
  });

  it('names an unknown placeholder field and suggests the right ones', () => {
    const p = problemOf(good('{event.titel} at {venue.name}'));
    expect(p).toMatchObject({ path: 'elements[0].text', line: 8, column: 15 });
    expect(p.problem).toBe('unknown field {event.titel} for a ticket layout; did you mean one of event.title, event.ageRating?');
  });

  it('checks formatters, date patterns and lists', () => {
    expect(problemOf(good('{seat.row|money}')).problem).toBe("'|money' does not apply to {seat.row}, which is text");
    expect(problemOf(good('{performance.startsAt|date:"EEE Q"}')).problem).toContain("uses the letter 'Q'");
    const repeat = good().replace('{ "type": "cut" }', '{ "type": "repeat", "over": "lines", "elements": [{ "type": "cut" }] }');
    expect(problemOf(repeat.replace('"type": "cut"\n', '"type": "repeat", "over": "lines", "elements": [{ "type": "cut" }]\n')).problem).toBe(
      "a ticket has no list called 'lines'; it has reprints, customers",
    );
    expect(problemOf(good().replace('"widthDots": 576', '"widthDots": 580')).problem).toBe('must be a multiple of 8');
  });

  it('keeps printing the last good version of a file that turns bad, and reports the problem', () => {
    mkdirSync(userDir, { recursive: true });
    const path = join(userDir, 'venue-ticket.json');
    writeLater(path, good('{event.title}!'), 0);
    expect(kit.layouts.reload()).toEqual([]);
    expect(kit.layouts.get('venue-ticket').elements[0]).toMatchObject({ text: '{event.title}!' });

    writeLater(path, good('{event.titel}'), 5);
    const problems = kit.layouts.reload();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('venue-ticket.json at elements[0].text (line 8, column 15): unknown field {event.titel}');
    expect(kit.layouts.get('venue-ticket').elements[0]).toMatchObject({ text: '{event.title}!' });
    expect(kit.layouts.list().find((l) => l.id === 'venue-ticket')).toMatchObject({ source: 'user', problem: expect.stringContaining('event.titel') });

    // Fixed on disk: get() notices the change by itself.
    writeLater(path, good('{event.title}?'), 10);
    expect(kit.layouts.get('venue-ticket').elements[0]).toMatchObject({ text: '{event.title}?' });
    expect(kit.layouts.list().find((l) => l.id === 'venue-ticket')!.problem).toBeUndefined();
  });

  it('refuses a file that was never good, with its problem', () => {
    writeLater(join(userDir, 'never-good.json'), '{ "name": "x", ', 0);
    kit.layouts.reload();
    expect(() => kit.layouts.get('never-good')).toThrow(expect.objectContaining({ code: 'LAYOUT_INVALID', message: expect.stringContaining('line 1, column 16') }));
    expect(() => kit.layouts.get('no-such-layout')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('save() checks first: a broken layout is refused and nothing is written', () => {
    expect(() => kit.layouts.save('broken-save', good('{nope}'))).toThrow(
      expect.objectContaining({ code: 'LAYOUT_INVALID', details: expect.objectContaining({ path: 'elements[0].text', line: 8 }) }),
    );
    expect(existsSync(join(userDir, 'broken-save.json'))).toBe(false);
    kit.layouts.save('saved-ticket', good());
    expect(readFileSync(join(userDir, 'saved-ticket.json'), 'utf8')).toBe(good());
    expect(kit.layouts.get('saved-ticket').source).toBe('user');
  });

  it('lets a venue file override a built-in of the same id', () => {
    kit.layouts.save('ticket-58mm', good().replace('"widthDots": 576', '"widthDots": 384'));
    expect(kit.layouts.list().find((l) => l.id === 'ticket-58mm')).toMatchObject({ source: 'user', name: 'Venue ticket' });
  });

  it('ships layouts/layout.schema.json generated from the zod schema', () => {
    expect(readFileSync(join(sourceLayoutsDir, 'layout.schema.json'), 'utf8')).toBe(layoutJsonSchemaText());
  });
});
