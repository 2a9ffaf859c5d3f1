import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { sell } from '../helpers/sales.ts';

/** The audit log says what happened in words, with the window's one name (issue 11, items 8, 10, 19). */
let counter: Counter;
beforeAll(async () => {
  counter = await openCounter({ boxOffice: { stationName: 'Box office 2' }, show: true, signedIn: 'manager' });
});
afterAll(async () => {
  await counter.running.stop();
  counter.dispose();
});

const said = async (kind: string) => (await counter.till.call('queryAuditLog', { kind, limit: 5 })).entries[0]?.summary;

describe('the audit log in words', () => {
  it('says who signed in at which window, by the name a manager gave it', async () => {
    expect(await said('staff.signed-in')).toBe('Mona Manager signed in at Box office 2.');
    // Manage → Windows renames it: the log (read now) says the new name.
    counter.office.records.$client.prepare('update stations set name = ? where id = ?').run('Front desk', counter.office.identity.id);
    expect(await said('staff.signed-in')).toBe('Mona Manager signed in at Front desk.');
    counter.office.records.$client.prepare('update stations set name = ? where id = ?').run('Box office 2', counter.office.identity.id);
  });

  it('says sales and refunds with money and the 8-character order reference', async () => {
    const sale = await sell(counter.till, counter.show.performanceId, 3, undefined, { method: 'cash' });
    const ref = orderReference(sale.order.id);
    expect(ref).toHaveLength(8);
    expect(await said('order.booked')).toMatch(new RegExp(`^Mona Manager sold 3 tickets for £[0-9.]+ \\(order ${ref}\\) at Box office 2\\.$`));
    await counter.till.call('refundTickets', { orderId: sale.order.id, method: 'cash' });
    expect(await said('order.refunded')).toMatch(new RegExp(`^Mona Manager refunded 3 tickets \\(£[0-9.]+ by cash\\) \\(order ${ref}\\) at Box office 2, approved by Mona Manager\\.$`));
  });

  it('names changed settings by their labels', async () => {
    await counter.till.call('updateSettings', { changes: { taxNumber: 'GB 1', holdMinutes: 12 } });
    expect(await said('settings.')).toBe('Mona Manager changed the VAT number and the hold time at Box office 2.');
  });
});
