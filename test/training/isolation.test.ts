import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { createWindowApi, type WindowApi } from '../../src-main/api/window-api.ts';
import { stations } from '../../src-main/db/records/schema.ts';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { sell } from '../helpers/sales.ts';
import { openWindow, type TestWindow } from '../helpers/window.ts';

const cleanups = cleanUpAfterEach();

/** The live box office served as host mode serves it (createWindowApi), a manager at the till and a second window to train at. */
async function trainingCounter(): Promise<{ counter: Counter; api: WindowApi; manager: TestWindow; trainee: TestWindow }> {
  const counter = await openCounter({ show: true, signedIn: 'manager' });
  cleanups.push(() => counter.dispose());
  const api = createWindowApi(counter.running, { checkOutput: true, training: { sweeper: false } });
  cleanups.push(() => api.close());
  // A second window, as host mode registers one: a row of the live stations table.
  const stationId = ulid();
  counter.office.records.insert(stations).values({ id: stationId, name: 'Window 2' }).run();
  const manager = openWindow(api, counter.office.identity.id);
  await manager.signIn(counter.people.manager.staffId, counter.people.pins.manager);
  const trainee = openWindow(api, stationId);
  return { counter, api, manager, trainee };
}

/** The live records file, its WAL and its ledger, as bytes and rows: what a training session must leave exactly as it was. */
function liveFingerprint(counter: Counter) {
  const db = counter.office.records.$client;
  const file = join(counter.office.dataDir, 'records.sqlite');
  const sha = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent');
  return {
    records: sha(file),
    wal: sha(`${file}-wal`),
    ledger: db.prepare('SELECT seq, kind, payload FROM ledger ORDER BY seq').all(),
  };
}

describe('training mode', () => {
  it('serves a training window from its own box office and never writes the live database', async () => {
    const { counter, api, manager, trainee } = await trainingCounter();
    const { performanceId } = counter.show;
    // A live sale first, so the live ledger has something to keep.
    await sell(manager, performanceId, 2);
    await trainee.signIn(counter.people.cashier.staffId, counter.people.pins.cashier);
    expect(await trainee.call('getTrainingState', {})).toEqual({ training: false });

    const setup = await manager.call('setTraining', { on: true, stationId: trainee.stationId });
    expect(setup.windows).toEqual([{ stationId: trainee.stationId, name: 'Window 2' }]);
    expect(setup.thisWindow).toBe(false);
    expect(await trainee.call('getTrainingState', {})).toEqual({ training: true });
    // The live session means nothing to the training box office: the window signs in there.
    expect((await trainee.fail('listPerformances', { days: 30 })).code).toBe('UNAUTHENTICATED');

    counter.office.records.$client.pragma('wal_checkpoint(TRUNCATE)');
    const before = liveFingerprint(counter);

    await trainee.signIn(counter.people.cashier.staffId, counter.people.pins.cashier);
    await trainee.call('openShift', { amountMinor: 5_000 });
    const cash = await sell(trainee, performanceId, 3, { name: 'Trainee Customer' }, { method: 'cash' });
    const card = await sell(trainee, performanceId, 1, { name: 'Trainee Customer' });
    await trainee.call('refundTickets', { orderId: cash.order.id, ticketIds: [cash.tickets[0]!.ticketId], method: 'cash' });
    await trainee.call('refundTickets', { orderId: card.order.id, method: 'card' });
    expect(await trainee.call('findOrders', { query: 'Trainee' })).toHaveLength(2);
    // Backups and restores belong to live windows.
    expect((await trainee.fail('backupNow', {})).message).toMatch(/training mode/);

    expect(liveFingerprint(counter)).toEqual(before);
    // Nor is anything of it in the live records: the live orders list does not show it.
    expect(await manager.call('findOrders', { query: 'Trainee' })).toEqual([]);
    // No central sync for the training office.
    expect(api.training.running().sync).toBeNull();

    // Its tickets never pass the live door, and the door says why.
    const door = await manager.call('checkInTicket', { code: cash.tickets[1]!.code, performanceId });
    expect(door.status).toBe('unknown');
    expect(door.message).toMatch(/TRAINING ticket/);
  });

  it('starts the training records from the live catalogue, with every seat free and its own ticket secret', async () => {
    const { counter, api, manager, trainee } = await trainingCounter();
    await sell(manager, counter.show.performanceId, 4);
    await manager.call('setTraining', { on: true, stationId: trainee.stationId });
    const training = api.training.running().office.records.$client;
    const live = counter.office.records.$client;
    const count = (db: typeof live, sql: string) => (db.prepare(sql).pluck().get() as number);
    for (const table of ['venues', 'performances', 'price_bands', 'staff', 'units']) {
      expect(count(training, `SELECT count(*) FROM ${table}`), table).toBe(count(live, `SELECT count(*) FROM ${table}`));
    }
    expect(count(training, `SELECT count(*) FROM units WHERE state <> 'available'`)).toBe(0);
    for (const table of ['orders', 'tickets', 'payments', 'ledger', 'staff_sessions']) expect(count(training, `SELECT count(*) FROM ${table}`), table).toBe(0);
    const secret = (db: typeof live) => db.prepare(`SELECT value FROM settings WHERE key = 'tickets.secret'`).pluck().get();
    expect(secret(live)).toBeTruthy();
    expect(secret(training)).toBeUndefined();
  });

  it('resets the training data with one call, and a manager turns training off from inside it', async () => {
    const { counter, manager, trainee } = await trainingCounter();
    await manager.call('setTraining', { on: true, stationId: trainee.stationId });
    await trainee.signIn(counter.people.manager.staffId, counter.people.pins.manager);
    await trainee.call('openShift', { amountMinor: 0 });
    await sell(trainee, counter.show.performanceId, 2, { name: 'Trainee Customer' });
    expect(await trainee.call('findOrders', { query: 'Trainee' })).toHaveLength(1);

    const reset = await manager.call('resetTraining', {});
    expect(reset.windows.map((w) => w.stationId)).toEqual([trainee.stationId]);
    // A new training box office: everyone signs in again, and nothing sold there is left.
    expect((await trainee.fail('findOrders', { query: 'Trainee' })).code).toBe('UNAUTHENTICATED');
    await trainee.signIn(counter.people.manager.staffId, counter.people.pins.manager);
    expect(await trainee.call('findOrders', { query: 'Trainee' })).toEqual([]);

    const off = await trainee.call('setTraining', { on: false });
    expect(off).toMatchObject({ windows: [], thisWindow: false });
    expect(await trainee.call('getTrainingState', {})).toEqual({ training: false });
  });

  it('puts every window of the host in training, and refuses a window it does not know or a cashier', async () => {
    const { counter, api, manager, trainee } = await trainingCounter();
    expect((await manager.fail('setTraining', { on: true, stationId: ulid() })).message).toMatch(/no such window/);
    await trainee.signIn(counter.people.cashier.staffId, counter.people.pins.cashier);
    expect((await trainee.fail('setTraining', { on: true })).code).toBe('FORBIDDEN');
    const all = await manager.call('setTraining', { on: true, scope: 'host' });
    expect(all).toMatchObject({ wholeHost: true, thisWindow: true });
    expect(await trainee.call('getTrainingState', {})).toEqual({ training: true });
    expect(await manager.call('getTrainingState', {})).toEqual({ training: true });
    // A window registered after the catalogue was copied is named in training as it is live.
    const late = ulid();
    counter.office.records.insert(stations).values({ id: late, name: 'Window 3' }).run();
    expect((await openWindow(api, late).call('getStationInfo', {})).stationName).toBe('Window 3');
  });
});
