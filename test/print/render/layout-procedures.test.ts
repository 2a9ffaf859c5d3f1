import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceAssetsDir } from '../../../src-main/paths.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { openCounter, type Counter } from '../../helpers/counter.ts';
import type { TestWindow } from '../../helpers/window.ts';

let counter: Counter;
afterAll(() => counter.dispose());
/** The office's own window: calls go through the dispatcher, as a screen's do, input parsed and output checked by the contract. */
let till: TestWindow;

// Saving layouts and adding logos are for managers: sign one in at this window through the contract.
beforeAll(async () => {
  counter = await openCounter({ signedIn: 'manager' });
  till = counter.till;
});

describe('layout procedures', () => {
  it('lists the built-in layouts with no problems', async () => {
    const out = await till.call('listLayouts', {});
    expect(out.problems).toEqual([]);
    expect(out.layouts.map((l) => l.id)).toContain('ticket-80mm');
  });

  it('previews a saved layout and unsaved text as a PNG of the paper width', async () => {
    const saved = await till.call('previewLayout', { layoutId: 'ticket-58mm' });
    const png = PNG.sync.read(Buffer.from(saved.preview!.png, 'base64'));
    expect(png.width).toBe(384);
    expect(png.height).toBe(saved.preview!.heightDots);

    const { text } = await till.call('getLayoutText', { id: 'reservation-slip-80mm' });
    const unsaved = await till.call('previewLayout', { text: text.replace('RESERVATION', 'HELD FOR YOU') });
    expect(unsaved.preview!.widthDots).toBe(576);
  });

  it('answers a broken unsaved layout with its problem instead of a picture', async () => {
    const out = await till.call('previewLayout', { text: '{"name": "x", "kind": "ticket", "widthDots": 576, "elements": [{"type": "txt"}]}' });
    expect(out.preview).toBeNull();
    expect(out.problems[0]).toMatchObject({ path: 'elements[0].type', line: 1, column: 73 });
  });

  it('saves a venue layout into <data>/layouts and refuses a broken one', async () => {
    const { text } = await till.call('getLayoutText', { id: 'ticket-80mm' });
    const info = await till.call('saveLayout', { id: 'our-ticket', text: text.replace('Ticket, 80 mm', 'Our ticket') });
    expect(info).toMatchObject({ id: 'our-ticket', name: 'Our ticket', source: 'user' });
    expect(readFileSync(join(counter.temp!.dataDir, 'layouts/our-ticket.json'), 'utf8')).toContain('Our ticket');
    await expect(till.call('saveLayout', { id: 'bad', text: '{"name": 1}' })).rejects.toBeInstanceOf(MarqueeError);
  });

  it('previews a logo file dithered before it is added, saving nothing', async () => {
    const bytes = readFileSync(join(sourceAssetsDir, 'logos/marquee-mark.png'));
    const preview = await till.call('previewLogo', { fileName: 'mark.png', base64: bytes.toString('base64'), widthDots: 200, dither: 'floyd-steinberg' });
    expect(preview).toMatchObject({ widthDots: 200, heightDots: 200 });
    expect((await till.call('listLogos', {})).map((l) => l.name)).toEqual(['marquee', 'marquee-mark']);
    await expect(till.call('previewLogo', { fileName: 'mark.png', base64: Buffer.from('not an image').toString('base64') })).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
  });

  it('adds a logo from base64, lists it and previews it dithered', async () => {
    const bytes = readFileSync(join(sourceAssetsDir, 'logos/marquee-mark.png'));
    const info = await till.call('addLogo', { name: 'our-mark', fileName: 'mark.png', base64: bytes.toString('base64'), dither: 'floyd-steinberg' });
    expect(info).toMatchObject({ name: 'our-mark', source: 'user', type: 'png' });
    expect((await till.call('listLogos', {})).map((l) => l.name)).toEqual(['marquee', 'marquee-mark', 'our-mark']);
    const preview = await till.call('previewLogo', { name: 'our-mark', widthDots: 200 });
    expect(preview).toMatchObject({ widthDots: 200, heightDots: 200 });
  });
});
