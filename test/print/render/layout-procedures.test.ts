import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutHandlers } from '../../../src-main/api/handlers/layouts.ts';
import { sourceAssetsDir } from '../../../src-main/paths.ts';
import { layoutProcedures } from '../../../src-shared/contract/layouts.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { openTempBoxOffice } from '../../helpers/temp-box-office.ts';

const temp = openTempBoxOffice();
afterAll(() => temp.dispose());
const handlers = layoutHandlers(temp.office);
type Name = keyof typeof layoutProcedures;

/** Calls a handler the way the dispatcher does: input parsed by the contract, output checked by it. */
async function call<K extends Name>(name: K, input: z.input<(typeof layoutProcedures)[K]['input']>): Promise<z.output<(typeof layoutProcedures)[K]['output']>> {
  const def = layoutProcedures[name];
  const parsed = def.input.parse(input);
  const value = await (handlers[name] as (i: unknown, ctx: unknown) => unknown)(parsed, { transport: 'test', stationId: null, sessionToken: null });
  return def.output.parse(value) as z.output<(typeof layoutProcedures)[K]['output']>;
}

describe('layout procedures', () => {
  it('lists the built-in layouts with no problems', async () => {
    const out = await call('listLayouts', {});
    expect(out.problems).toEqual([]);
    expect(out.layouts.map((l) => l.id)).toContain('ticket-80mm');
  });

  it('previews a saved layout and unsaved text as a PNG of the paper width', async () => {
    const saved = await call('previewLayout', { layoutId: 'ticket-58mm' });
    const png = PNG.sync.read(Buffer.from(saved.preview!.png, 'base64'));
    expect(png.width).toBe(384);
    expect(png.height).toBe(saved.preview!.heightDots);

    const { text } = await call('getLayoutText', { id: 'reservation-slip-80mm' });
    const unsaved = await call('previewLayout', { text: text.replace('RESERVATION', 'HELD FOR YOU') });
    expect(unsaved.preview!.widthDots).toBe(576);
  });

  it('answers a broken unsaved layout with its problem instead of a picture', async () => {
    const out = await call('previewLayout', { text: '{"name": "x", "kind": "ticket", "widthDots": 576, "elements": [{"type": "txt"}]}' });
    expect(out.preview).toBeNull();
    expect(out.problems[0]).toMatchObject({ path: 'elements[0].type', line: 1, column: 73 });
  });

  it('saves a venue layout into <data>/layouts and refuses a broken one', async () => {
    const { text } = await call('getLayoutText', { id: 'ticket-80mm' });
    const info = await call('saveLayout', { id: 'our-ticket', text: text.replace('Ticket, 80 mm', 'Our ticket') });
    expect(info).toMatchObject({ id: 'our-ticket', name: 'Our ticket', source: 'user' });
    expect(readFileSync(join(temp.dataDir, 'layouts/our-ticket.json'), 'utf8')).toContain('Our ticket');
    await expect(call('saveLayout', { id: 'bad', text: '{"name": 1}' })).rejects.toBeInstanceOf(MarqueeError);
  });

  it('adds a logo from base64, lists it and previews it dithered', async () => {
    const bytes = readFileSync(join(sourceAssetsDir, 'logos/marquee-mark.png'));
    const info = await call('addLogo', { name: 'our-mark', fileName: 'mark.png', base64: bytes.toString('base64'), dither: 'floyd-steinberg' });
    expect(info).toMatchObject({ name: 'our-mark', source: 'user', type: 'png' });
    expect((await call('listLogos', {})).map((l) => l.name)).toEqual(['marquee', 'marquee-mark', 'our-mark']);
    const preview = await call('previewLogo', { name: 'our-mark', widthDots: 200 });
    expect(preview).toMatchObject({ widthDots: 200, heightDots: 200 });
  });
});
