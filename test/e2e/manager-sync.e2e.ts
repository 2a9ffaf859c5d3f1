import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { demoManager, keepScreenshot, sell, useBoxOffice } from './box-office.ts';

const MARIADB = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const host = useBoxOffice();
const database = `marquee_e2e_${randomBytes(5).toString('hex')}`;

beforeAll(async () => {
  const admin = await mysql.createConnection(MARIADB);
  await admin.query(`create database \`${database}\``);
  await admin.end();
});
afterAll(async () => {
  const admin = await mysql.createConnection(MARIADB);
  await admin.query(`drop database if exists \`${database}\``);
  await admin.end();
});

describe('central sync screen', () => {
  it('a manager tests the connection, switches sync on and sees the sales arrive centrally', async () => {
    const window2 = await host.contract();
    // The soonest Lyric performance still to begin (a sale after curtain-up needs the cashier's confirmation).
    const [tonight] = (await window2.call('listPerformances', {})).filter((p) => p.startsAt > Date.now() && p.venueName === 'The Lyric Theatre');
    // By card: a window without a shift open sells by card (cash would need one, and its own ledger row).
    const adults = { band: 'Adult', method: 'card' } as const;
    await sell(window2, tonight!.id, 2, undefined, { ...adults, category: 'Stalls' });
    await sell(window2, tonight!.id, 3, undefined, { ...adults, category: 'Circle' });

    const page = await host.signedIn(demoManager);
    await page.keyboard.press('Alt+9');
    await page.getByTestId('sync-status').waitFor();
    expect(await page.getByTestId('sync-state').textContent()).toBe('Switched off');
    expect(await page.getByTestId('sync-pending').textContent()).toBe('2');

    // A wrong address answers in words before anything is saved.
    await page.getByTestId('sync-url').fill('mysql://root@127.0.0.1:1/nowhere');
    await page.getByTestId('sync-test').click();
    await expect.poll(() => page.getByTestId('sync-message').textContent()).toMatch(/127\.0\.0\.1:1/);

    await page.getByTestId('sync-url').fill(`mysql://root@127.0.0.1:3306/${database}`);
    await page.getByTestId('sync-test').click();
    await expect.poll(() => page.getByTestId('sync-message').getAttribute('class')).toBe('ok');
    await page.getByTestId('sync-enabled').check();
    await page.getByTestId('sync-save').click();
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 20_000 }).toBe('0');
    expect(await page.getByTestId('sync-last-error').textContent()).toBe('none');
    expect(await page.getByTestId('sync-last-success').textContent()).not.toBe('never');
    await keepScreenshot(page, 'manager-sync');

    const central = await mysql.createConnection({ ...MARIADB, database });
    const [rows] = await central.query('select kind, count(*) as n from ledger_entries group by kind');
    await central.end();
    expect(rows).toEqual([{ kind: 'order.booked', n: 2 }]);
    await page.close();
    window2.close();
  });

  it('is not offered to cashiers, and the core refuses them too', async () => {
    const page = await host.signedIn();
    expect(await page.getByTestId('tab-sync').count()).toBe(0);
    const cashier = await host.contract();
    const refused = await cashier.bridge.configureSync({ url: null, enabled: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/manager/) } });
    cashier.close();
    await page.close();
  });
});
