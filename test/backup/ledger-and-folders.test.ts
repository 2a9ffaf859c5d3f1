import { describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { useBackupTest } from './lifecycle.ts';
import { sell } from '../helpers/sales.ts';

const test = useBackupTest();
const manager = () => test.open({ show: true });

describe('the ledger proves the database', () => {
  it('finds a ticket and a payment changed behind its back, naming them', async () => {
    const c = await manager();
    const sale = await sell(c.till, c.show.performanceId, 2);
    expect(await c.till.call('verifyLedger', {})).toMatchObject({ differences: [], differenceCount: 0 });
    const db = c.office.records.$client;
    const ticketId = sale.tickets[0]!.ticketId;
    db.prepare('UPDATE tickets SET total_minor = 1 WHERE id = ?').run(ticketId);
    db.prepare('DELETE FROM payments WHERE order_id = ?').run(sale.order.id);
    const verification = await c.till.call('verifyLedger', {});
    expect(verification.differences).toContain(`tickets ${ticketId} differs from its ledger replay`);
    expect(verification.differences.some((d) => d.startsWith('payments: 0 rows but the ledger rebuilds 1'))).toBe(true);
    expect(verification.differenceCount).toBe(verification.differences.length);
  });
});

describe('the second backup folder', () => {
  it('gets every copy too; when it is missing the managers are told and the copy in the first folder is still made', async () => {
    const c = await manager();
    const second = test.folder('marquee-usb-');
    const settings = await c.till.call('getBackupSettings', {});
    expect(settings).toMatchObject({ everyHours: 4, keepToday: 6, keepDaily: 14, keepWeekly: 8, keepMonthly: 12, secondFolder: '' });
    await c.till.call('saveBackupSettings', { ...settings, secondFolder: second });
    await sell(c.till, c.show.performanceId, 1);
    const first = await c.till.call('backupNow', {});
    expect(first.secondFolderProblem).toBeNull();
    expect(readdirSync(second).sort()).toEqual([`${first.backup.stem}.manifest.json`, `${first.backup.stem}.records.sqlite.gz`, `${first.backup.stem}.station.sqlite.gz`]);
    expect((await c.till.call('listBackups', {}))[0]!.inSecondFolder).toBe(true);

    // The USB stick is pulled out: selling goes on, the copy is made, the managers see why it is not on the stick.
    rmSync(second, { recursive: true });
    const status = await c.till.call('getDataStatus', {});
    expect(status.sellingStopped).toBe(false);
    expect(status.backupWarning).toMatch(/second backup folder .* is not there/);
    const next = await c.till.call('backupNow', {});
    expect(next.secondFolderProblem).toMatch(/is not there \(a USB stick not plugged in/);
    await sell(c.till, c.show.performanceId, 1);
    expect((await c.till.call('getBackupStatus', {})).secondFolder?.problem).toMatch(/is not there/);
  });

  it('refuses settings a manager mistyped, with a sentence', async () => {
    const c = await manager();
    const settings = await c.till.call('getBackupSettings', {});
    const error = await c.till.fail('saveBackupSettings', { ...settings, keepToday: 0 });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/keep at least one of today's copies/);
  });
});
