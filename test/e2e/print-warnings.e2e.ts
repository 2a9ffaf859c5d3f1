import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { demoManager, keepScreenshot, seatedPerformances, sell, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

const builtinTicket = () => JSON.parse(readFileSync(join(sourceRoot, 'layouts', 'ticket-80mm.json'), 'utf8')) as { name: string; elements: object[] };
const layoutsDir = () => join(host.dataDir, 'layouts');
const stripWarnings = (page: import('playwright-core').Page) => page.getByTestId('status-strip').getByTestId('print-warning').allInnerTexts();

/**
 * Issue 11, items 4 and 20, in the browser: what printing works around reaches the manager on the
 * Sell screen's status strip, not only a log line — a ticket layout naming a logo that is gone
 * (its tickets print on the built-in layout), and a layout file broken by hand.
 */
describe('print warnings on the status strip', () => {
  it('a ticket layout whose logo is gone: the sale prints on the built-in layout and the manager’s strip says so', async () => {
    const manager = await host.contract(demoManager);
    const cashier = await host.contract();
    const [show] = await seatedPerformances(cashier);
    const gala = { ...builtinTicket(), name: 'Gala ticket', elements: [{ type: 'logo', name: 'gala-logo-gone' }, ...builtinTicket().elements] };
    // A layout naming a logo the venue never added (or deleted since): it saves, but cannot print.
    await manager.call('saveLayout', { id: 'ticket-gala', text: JSON.stringify(gala, null, 2) });
    await manager.call('setEventLayout', { eventId: show!.eventId, layoutId: 'ticket-gala' });

    const page = await host.counterPage(demoManager);
    await page.getByTestId('status-strip').waitFor();
    const sale = await sell(cashier, show!.id, 1);
    expect(sale.print.printed).toBe('queued');
    await expect.poll(() => stripWarnings(page), { timeout: 15_000 }).toEqual([expect.stringMatching(/^The layout 'ticket-gala' could not print \(.*gala-logo-gone.*\); its documents print on the built-in layout 'ticket-80mm' until it is fixed\.$/)]);
    await keepScreenshot(page, 'print-warning-logo-gone');
    // A cashier's strip shows nothing of it: the warning is for managers.
    const counter = await host.counterPage();
    await counter.getByTestId('status-strip').waitFor();
    await expect.poll(() => counter.getByTestId('status-strip').innerText()).toMatch(/Printer/);
    expect(await stripWarnings(counter)).toEqual([]);
    await manager.call('setEventLayout', { eventId: show!.eventId, layoutId: null });
    await counter.context().close();
    await page.context().close();
  });

  it('a layout file broken by hand shows on the manager’s strip as soon as the screen opens', async () => {
    mkdirSync(layoutsDir(), { recursive: true });
    writeFileSync(join(layoutsDir(), 'ticket-house.json'), '{ "name": "House ticket", "kind": "ticket", ');
    const page = await host.counterPage(demoManager);
    await expect.poll(() => stripWarnings(page), { timeout: 15_000 }).toContainEqual(expect.stringMatching(/^The layout file .*ticket-house\.json is broken \(.+\)/));
    await keepScreenshot(page, 'print-warning-broken-file');
    await page.context().close();
  });
});
