import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceAssetsDir } from '../../../src-main/paths.ts';
import { FakePrinter } from '../../../src-main/print/fake-printer/fake-printer.ts';
import { decodeEscPos, sampleData } from '../../../src-main/print/render/index.ts';
import type { PrinterView } from '../../../src-shared/contract/printing.ts';
import { openCounter, type Counter } from '../../helpers/counter.ts';
import { makeTempDir } from '../../helpers/temp-box-office.ts';
import type { TestWindow } from '../../helpers/window.ts';
import type { ShowFixture } from '../../sales/fixtures.ts';
import { fastOptions, printerSettings } from '../delivery/helpers.ts';

const outDir = makeTempDir('marquee-fake-printer-');
let counter: Counter;
/** The office's own window; refusals are read from its raw results. */
let till: TestWindow;
let fake: FakePrinter;
let show: ShowFixture;
let printer: PrinterView;

beforeAll(async () => {
  counter = await openCounter({ show: true, signedIn: null, compose: { print: fastOptions } });
  ({ till, show } = counter);
  fake = await FakePrinter.start({ outDir });
  await counter.signInAs('manager');
  printer = (await till.call('savePrinter', printerSettings({ interface: fake.uri }))) as PrinterView;
});
afterAll(async () => {
  await counter.running.stop();
  await fake.stop();
  counter.dispose();
  rmSync(outDir, { recursive: true, force: true });
});

describe('manager-only printing and layout procedures', () => {
  it('refuses a cashier every procedure that changes printing, and lets them read the printers and queue', async () => {
    const { text } = (await till.call('getLayoutText', { id: 'ticket-80mm' })) as { text: string };
    await counter.signInAs('cashier');
    const logo = readFileSync(join(sourceAssetsDir, 'logos/marquee-mark.png')).toString('base64');
    const attempts = [
      till.result('savePrinter', printerSettings({ interface: fake.uri, name: 'Sneaky' })),
      till.result('removePrinter', { printerId: printer.id }),
      till.result('getPrintApiSettings', {}),
      till.result('setPrintApiSettings', { port: 9999, allowLan: true }),
      till.result('rotatePrintApiToken', {}),
      till.result('saveLayout', { id: 'ticket-80mm', text }),
      till.result('addLogo', { name: 'sneaky', fileName: 'mark.png', base64: logo }),
      till.result('restoreLayout', { id: 'ticket-80mm' }),
      till.result('setEventLayout', { eventId: show.eventId, layoutId: 'ticket-58mm' }),
      till.result('setPriceBandLayout', { priceBandId: show.bands.adult, layoutId: 'ticket-58mm' }),
      // Layouts, logos and sample prints can show sold tickets and read files: managers only too.
      till.result('getLayoutText', { id: 'ticket-80mm' }),
      till.result('listLayouts', {}),
      till.result('previewLayout', { text }),
      till.result('previewLogo', { fileName: 'mark.png', base64: logo }),
      till.result('testPrint', { printerId: printer.id }),
      till.result('reprintJob', { jobId: '01JCZ3Z6Y8W0000000000000AB' }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!result.ok) expect(result.error.message).toMatch(/needs a manager; Cass Cashier is signed in as a cashier/);
    }
    expect(((await till.call('listPrinters', {})) as PrinterView[]).map((p) => p.name)).toEqual(['Front desk']);
    expect((await till.result('listPrintJobs', { printerId: printer.id })).ok).toBe(true);

    await till.result('signOut', {});
    expect(await till.result('rotatePrintApiToken', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await counter.signInAs('manager');
  });

  it('answers a test print within the contract', async () => {
    expect(await till.result('testPrint', { printerId: printer.id })).toMatchObject({ ok: true, value: { state: 'queued', lastError: null, printedAt: null } });
    await fake.waitForJobs(1);
    fake.jobs.length = 0;
  });

  it('keeps default layouts per printer and refuses one that prints another kind of document', async () => {
    const saved = (await till.call('savePrinter', { ...printerSettings({ interface: fake.uri }), id: printer.id, defaultLayouts: { ticket: 'ticket-58mm', receipt: 'receipt-80mm' } })) as PrinterView;
    expect(saved.defaultLayouts).toEqual({ ticket: 'ticket-58mm', receipt: 'receipt-80mm' });
    // Saving the settings without defaults keeps them.
    const again = (await till.call('savePrinter', { ...printerSettings({ interface: fake.uri, name: 'Front desk 1' }), id: printer.id })) as PrinterView;
    expect(again).toMatchObject({ name: 'Front desk 1', defaultLayouts: { ticket: 'ticket-58mm', receipt: 'receipt-80mm' } });
    const wrong = await till.result('savePrinter', { ...printerSettings({ interface: fake.uri }), id: printer.id, defaultLayouts: { ticket: 'receipt-80mm' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await till.call('savePrinter', { ...printerSettings({ interface: fake.uri }), id: printer.id, defaultLayouts: {} });
  });

  it('chooses ticket layouts per event and per price band', async () => {
    expect(await till.result('setEventLayout', { eventId: show.eventId, layoutId: 'ticket-58mm' })).toMatchObject({ ok: true });
    expect(await till.result('setPriceBandLayout', { priceBandId: show.bands.concession, layoutId: 'ticket-80mm' })).toMatchObject({ ok: true });
    expect(await till.result('setEventLayout', { eventId: show.eventId, layoutId: 'receipt-80mm' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await till.result('setEventLayout', { eventId: show.eventId, layoutId: 'no-such-layout' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const choices = (await till.call('listLayoutChoices', {})) as { events: Array<{ id: string; layoutId: string | null; priceBands: Array<{ id: string; layoutId: string | null }> }> };
    const event = choices.events.find((e) => e.id === show.eventId)!;
    expect(event.layoutId).toBe('ticket-58mm');
    expect(event.priceBands.find((b) => b.id === show.bands.concession)?.layoutId).toBe('ticket-80mm');
    expect(event.priceBands.find((b) => b.id === show.bands.adult)?.layoutId).toBeNull();
    expect(await till.result('setPriceBandLayout', { priceBandId: show.bands.concession, layoutId: null })).toMatchObject({ ok: true, value: { layoutId: null } });
  });

  it('prints a layout saved on the screen on the very next job, and the built-in again once restored', async () => {
    const service = counter.running.printing;
    // The built-in prints the seat inverted at double size; the edit adds a plain double-height line.
    const seatLine = (bytes: Buffer) =>
      decodeEscPos(bytes).ops.flatMap((op) => (op.op === 'text' ? op.runs : [])).find((r) => r.text === 'Stalls, row F, seat 14');
    const printTicket = async (n: number) => {
      await service.submitLayout({ layoutId: 'ticket-80mm', data: sampleData('ticket') as unknown as Record<string, unknown>, printerId: printer.id });
      return (await fake.waitForJobs(n)).at(-1)!;
    };
    const before = await printTicket(1);

    const { text } = (await till.call('getLayoutText', { id: 'ticket-80mm' })) as { text: string };
    const layout = JSON.parse(text) as { elements: Array<Record<string, unknown>> };
    layout.elements.push({ type: 'text', text: '{seat.label}', size: 'double-height' });
    const saved = await till.call('saveLayout', { id: 'ticket-80mm', text: JSON.stringify(layout, null, 2) });
    expect(saved).toMatchObject({ source: 'user', overridesBuiltin: true });

    const after = await printTicket(2);
    expect(seatLine(before)).toBeUndefined();
    expect(seatLine(after)?.style).toMatchObject({ width: 1, height: 2 });

    expect(await till.call('restoreLayout', { id: 'ticket-80mm' })).toMatchObject({ source: 'builtin', overridesBuiltin: false });
    expect(await till.result('restoreLayout', { id: 'ticket-80mm' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const restored = await printTicket(3);
    expect(seatLine(restored)).toBeUndefined();
  });

  it('lists the placeholders a ticket and a receipt can use', async () => {
    const ticket = (await till.call('layoutFields', { kind: 'ticket' })) as { fields: Array<{ name: string; type: string }> };
    expect(ticket.fields).toContainEqual({ name: 'seat.label', type: 'text' });
    expect(ticket.fields).toContainEqual({ name: 'price', type: 'money' });
    const receipt = (await till.call('layoutFields', { kind: 'receipt' })) as { lists: Array<{ name: string; item: string }> };
    expect(receipt.lists.map((l) => l.name)).toEqual(['lines', 'taxLines', 'payments', 'seats', 'changeGiven', 'paymentReferences', 'sellerLines', 'discounts', 'footerLines']);
  });
});
