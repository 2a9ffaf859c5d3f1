import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { startHostServer, type HostServer } from '../../src-main/host/server.ts';
import type { SalesEngine } from '../../src-main/sales/engine.ts';
import { sell } from '../helpers/sales.ts';
import { bridgeCall, contractCalls, openWindow } from '../helpers/window.ts';
import { signedIn } from '../host/host-client.ts';
import { openPrintingRig, type PrintingRig } from '../print/delivery/helpers.ts';
import { seedShow, seedStaff } from '../sales/fixtures.ts';

let rig: PrintingRig | undefined;
let server: HostServer | undefined;
afterEach(async () => {
  await server?.close();
  await rig?.dispose();
  server = undefined;
  rig = undefined;
});

describe('the composed box office', () => {
  it('serves a window in process and a browser through host mode with one engine and one print service', async () => {
    rig = await openPrintingRig();
    const { boxOffice } = rig;
    const people = seedStaff(rig.office);
    const show = seedShow(rig.office);

    // Note who reaches the one engine and the one print service, whichever transport asked.
    const engine: SalesEngine = boxOffice.engine();
    const booked: string[] = [];
    const book = engine.book.bind(engine);
    engine.book = (who, input, asked) => {
      booked.push(who.stationId);
      return book(who, input, asked);
    };
    const submitted: string[] = [];
    const submit = boxOffice.printing.submit.bind(boxOffice.printing);
    boxOffice.printing.submit = (request) => {
      submitted.push(request.source ?? '');
      return submit(request);
    };

    const till = openWindow(createApi(boxOffice, { checkOutput: true }), rig.office.identity.id);
    await till.signIn(people.cashier.staffId, people.pins.cashier);
    server = await startHostServer({ boxOffice, port: 0 });
    const browser = contractCalls(bridgeCall(await signedIn(server.url, people.cashier.staffId, people.pins.cashier, 'Box office 2')));

    const here = await sell(till, show.performanceId, 1);
    const there = await sell(browser, show.performanceId, 2);
    expect([here.print.printed, there.print.printed]).toEqual(['queued', 'queued']);

    expect(new Set(booked).size).toBe(2);
    expect(booked).toHaveLength(2);
    expect(submitted).toEqual(['sale', 'sale']);
    // Both sales' tickets and receipts came out of the one queue: 1 + 1 and 2 + 1 jobs.
    expect(await rig.fake.waitForJobs(5)).toHaveLength(5);

    // What one transport learns, the other sees: the printer's status lives in the one queue's memory.
    const read = await browser.call('readPrinterStatus', { printerId: rig.printer.id });
    expect(read.state).toBe('ready');
    const listed = await till.call('listPrinters', {});
    expect(listed.find((p) => p.id === rig!.printer.id)?.status).toEqual(read);
  });
});
