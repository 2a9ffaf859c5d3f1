import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import type { ProcedureName } from '../../src-shared/contract/index.ts';
import { openPrintingRig, fastOptions, type PrintingRig } from '../print/delivery/helpers.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openWindow } from '../helpers/window.ts';
import { seedStaff } from '../sales/fixtures.ts';

/**
 * The findings of "Trust nothing on the wire" about single procedures, each as it was reproduced:
 * these answered a window nobody had signed in at, or let a caller do more than it should.
 */

let temp: TempBoxOffice | undefined;
let rig: PrintingRig | undefined;
afterEach(async () => {
  temp?.dispose();
  temp = undefined;
  await rig?.dispose();
  rig = undefined;
});

const SOME_ID = '01JCZ3Z6Y8W0000000000000AB';

describe('procedures that answered without sign-in', () => {
  it('refuses every one of them to a window nobody signed in at', async () => {
    rig = await openPrintingRig({ service: fastOptions });
    const api = createApi(composeForTest(rig.office), { checkOutput: true });
    const anonymous = openWindow(api);
    const reproduced: [ProcedureName, unknown][] = [
      ['previewLogo', { name: 'marquee-mark' }],
      ['previewLayout', { layoutId: 'ticket-80mm', orderId: 'ABCDEF' }],
      ['testPrint', { printerId: rig.printer.id }],
      ['reprintJob', { jobId: SOME_ID }],
      ['cancelPrintJob', { jobId: SOME_ID }],
      ['retryPrintJob', { jobId: SOME_ID }],
      ['movePrintJob', { jobId: SOME_ID, printerId: rig.printer.id }],
      ['printLayoutSample', { layoutId: 'ticket-80mm', printerId: rig.printer.id }],
      ['listPrintJobs', {}],
      ['readPrinterStatus', { printerId: rig.printer.id }],
      ['listLayouts', {}],
      ['getSyncStatus', {}],
      ['listPerformances', {}],
      ['getSeatMap', { performanceId: SOME_ID }],
      ['listVenues', {}],
      ['listPriceBands', { performanceId: SOME_ID }],
      ['getOrder', { orderId: SOME_ID }],
      ['findReservation', { reference: 'ABCDEF' }],
    ];
    for (const [name, input] of reproduced) {
      expect(await anonymous.fail(name, input as never), name).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    // Nothing reached the printer.
    expect(rig.fake.jobs).toHaveLength(0);
  });
});

describe('loadDemo only where it belongs', () => {
  it('never adds the demo manager (PIN in the README) to an installation with staff and venues but no performances', async () => {
    temp = openTempBoxOffice();
    const people = seedStaff(temp.office);
    temp.office.records.$client.prepare(`insert into venues (id, name) values ('${SOME_ID}', 'Real Hall')`).run();
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    expect(await openWindow(api).fail('loadDemo', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Not even an admin of that installation can: the demo belongs to a brand-new one.
    const admin = openWindow(api);
    await admin.signIn(people.admin.staffId, people.pins.admin);
    expect(await admin.fail('loadDemo', {})).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('3 staff members, 1 venue') });
    const names = temp.office.records.$client.prepare('select name from staff').all() as { name: string }[];
    expect(names.map((n) => n.name)).not.toContain('Morgan Hale');
  });

  it('loads on the first-start screen of a new installation', async () => {
    temp = openTempBoxOffice();
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    const first = openWindow(api);
    expect((await first.call('getStationInfo', {})).isEmpty).toBe(true);
    expect((await first.call('loadDemo', {})).performances).toBeGreaterThan(5);
    expect((await first.call('getStationInfo', {})).isEmpty).toBe(false);
  });
});

describe('reprinting a print job', () => {
  it('is a manager\'s, and leaves an audit row saying who reprinted which job', async () => {
    rig = await openPrintingRig({ service: fastOptions });
    const people = seedStaff(rig.office);
    const api = createApi(composeForTest(rig.office), { checkOutput: true });
    const [job] = rig.service.submit({ jobs: [{ kind: 'ticket', bytes: Buffer.from('TICKET\n') }] }).jobs;
    const cashier = openWindow(api);
    await cashier.signIn(people.cashier.staffId, people.pins.cashier);
    expect(await cashier.fail('reprintJob', { jobId: job!.id })).toMatchObject({ code: 'FORBIDDEN' });
    const manager = openWindow(api);
    await manager.signIn(people.manager.staffId, people.pins.manager);
    const again = await manager.call('reprintJob', { jobId: job!.id });
    expect(again.id).not.toBe(job!.id);
    const audit = rig.office.records.$client
      .prepare("select staff_id as staffId, details from audit_log where action = 'print.job-reprinted'")
      .all() as { staffId: string; details: string }[];
    expect(audit).toEqual([{ staffId: people.manager.staffId, details: expect.stringContaining(job!.id) }]);
  });
});

describe('loadDemo in an installation that only has a first admin', () => {
  it('is refused as well', async () => {
    temp = openTempBoxOffice();
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    const first = openWindow(api);
    const admin = await first.call('createFirstAdmin', { name: 'First Admin', pin: '13579' });
    await first.signIn(admin.id, '13579');
    expect(await first.fail('loadDemo', {})).toMatchObject({ code: 'CONFLICT' });
  });
});
