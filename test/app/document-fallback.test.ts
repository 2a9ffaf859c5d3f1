import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sellSeats } from '../../src-main/app/sell-seats.ts';
import { setEventLayout } from '../../src-main/print/layout-choices.ts';
import { sourceRoot } from '../../src-main/paths.ts';
import { DRAWER_PULSE, openCounterRig, textOf, type CounterRig } from './counter-rig.ts';

/**
 * Issue 11, items 4 and 20: each document of a sale is its own job, the drawer does not depend on
 * any of them, a ticket layout that cannot print falls back to the built-in one, and managers hear
 * about layouts printing works around.
 */
let c: CounterRig | undefined;
afterEach(async () => {
  await c?.rig.dispose();
  c = undefined;
});

const builtinTicket = () => JSON.parse(readFileSync(join(sourceRoot, 'layouts', 'ticket-80mm.json'), 'utf8')) as { name: string; elements: object[] };

function cashSale(c: CounterRig, labels: string[]) {
  const hold = c.hold(labels);
  const input = {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
    payments: [{ method: 'cash' as const, amountMinor: 2500 * labels.length, tenderedMinor: 2500 * labels.length }],
  };
  return sellSeats(c.counter, c.people.cashier, input, input);
}

describe('the documents of a sale', () => {
  it('a ticket layout naming a missing logo: the drawer opens, the tickets print on the built-in layout, the receipt prints, managers are told', async () => {
    c = await openCounterRig();
    const { layouts } = c.counter.assets;
    const broken = { ...builtinTicket(), name: 'Gala ticket', elements: [{ type: 'logo', name: 'gala-logo-gone' }, ...builtinTicket().elements] };
    layouts.save('ticket-gala', JSON.stringify(broken));
    setEventLayout(c.rig.office, layouts, c.show.eventId, 'ticket-gala');

    const sale = await cashSale(c, ['Stalls C-3', 'Stalls C-4']);
    expect(sale.print).toEqual({ printed: 'queued', jobSetId: expect.any(String), problem: null });
    const printed = await c.rig.fake.waitForJobs(4);
    expect(printed[0]).toEqual(DRAWER_PULSE);
    const [first, second, receipt] = printed.slice(1).map(textOf);
    expect(first).toContain(sale.tickets[0]!.code);
    expect(second).toContain(sale.tickets[1]!.code);
    expect(receipt).toContain('50.00');
    // Each document its own job: two tickets and the receipt.
    expect(c.queued()).toEqual([expect.stringMatching(/^Receipt /), 'Ticket Stalls, row C, seat 3', 'Ticket Stalls, row C, seat 4']);

    const warnings = c.counter.printWarnings.list();
    expect(warnings).toEqual([
      expect.objectContaining({ layoutId: 'ticket-gala', words: expect.stringMatching(/^The layout 'ticket-gala' could not print \(.*gala-logo-gone.*\); its documents print on the built-in layout 'ticket-80mm'/) }),
    ]);
  });

  it('opens the drawer for cash even when no document can print at all', async () => {
    c = await openCounterRig();
    // The receipt printer takes no tickets, and the station has no ticket printer: nothing but the drawer.
    await c.rig.service.savePrinter({ ...c.rig.printer, id: c.rig.printer.id, jobKinds: ['receipt'] });
    const sale = await cashSale(c, ['Stalls C-3']);
    expect(sale.print).toMatchObject({ printed: 'no-printer', jobSetId: null });
    expect(await c.rig.fake.waitForJobs(1)).toEqual([DRAWER_PULSE]);
  });

  it('a layout file broken by hand keeps printing its last good version, and managers are told so', async () => {
    c = await openCounterRig();
    const own = { ...builtinTicket(), name: 'House ticket', elements: [{ type: 'text', text: 'HOUSE TICKET' }, ...builtinTicket().elements] };
    c.counter.assets.layouts.save('ticket-house', JSON.stringify(own));
    setEventLayout(c.rig.office, c.counter.assets.layouts, c.show.eventId, 'ticket-house');
    await cashSale(c, ['Stalls C-3']);
    expect(textOf((await c.rig.fake.waitForJobs(3))[1]!)).toContain('HOUSE TICKET');
    expect(c.counter.printWarnings.list()).toEqual([]);

    // Someone edits the file by hand and breaks it.
    writeFileSync(join(c.rig.dataDir, 'layouts', 'ticket-house.json'), '{ "name": "House ticket", "kind": "ticket", ');
    await cashSale(c, ['Stalls C-4']);
    const printed = await c.rig.fake.waitForJobs(6);
    expect(textOf(printed[4]!)).toContain('HOUSE TICKET');
    expect(c.counter.printWarnings.list()).toEqual([
      expect.objectContaining({ layoutId: 'ticket-house', words: expect.stringMatching(/ticket-house\.json is broken .*; its last good version keeps printing until it is fixed\.$/) }),
    ]);
  });
});
