// A box-office window selling as fast as it can until it is killed; prints each sale after commit,
// and before each sale what it is about to send (its request key), so the parent can retry it.
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openBoxOffice } from '../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { MarqueeError } from '../../src-shared/errors.ts';

const [dataDir, performanceId, bandId, stationId, staffId] = process.argv.slice(2) as [string, string, string, string, string];
const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'crash' });
const engine = new SalesEngine(office);
const actor: Actor = { stationId, staffId, role: 'manager' };
// After a restart, carry on refunding what earlier lives of this window sold.
const sold = office.records.$client.prepare(`SELECT id FROM orders WHERE state = 'paid'`).pluck().all() as string[];
const reserved = office.records.$client.prepare(`SELECT id FROM reservations WHERE state = 'active'`).pluck().all() as string[];
const say = (line: string) => writeSync(1, line + '\n');
const pause = new Int32Array(new SharedArrayBuffer(4));
say('READY');

for (;;) {
  try {
    if (sold.length && Math.random() < 0.25) {
      const orderId = sold.splice(Math.floor(Math.random() * sold.length), 1)[0]!;
      engine.refund(actor, { orderId, method: 'cash', idempotencyKey: randomUUID() });
      say(`REFUND ${orderId}`);
      continue;
    }
    const hold = engine.holdBestAvailable(actor, { performanceId, quantity: 1 + Math.floor(Math.random() * 3) });
    if (Math.random() < 0.1) {
      const r = engine.reserveSeats(actor, { holdId: hold.holdId, customer: { name: 'Crash', phone: '1' }, idempotencyKey: randomUUID() });
      reserved.push(r.id);
      say(`RESERVE ${r.id}`);
      continue;
    }
    const total = hold.unitIds.length * 2500;
    const input = {
      holdId: hold.holdId,
      lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: bandId })),
      payments: [{ method: 'cash' as const, amountMinor: total, tenderedMinor: total + 500 }],
      idempotencyKey: randomUUID(),
    };
    say(`BOOK ${JSON.stringify(input)}`);
    const result = engine.book(actor, input);
    // The answer takes a moment to reach the window (printing, the network): a kill in this
    // moment leaves a committed sale its window never heard of.
    Atomics.wait(pause, 0, 0, Math.random() * 2);
    sold.push(result.order.id);
    say(`ORDER ${result.order.id} ${result.order.totalMinor}`);
  } catch (error) {
    // Sold out: refunds above make room again; anything else is a real failure.
    if (!(error instanceof MarqueeError) || error.code !== 'SEATS_UNAVAILABLE') throw error;
    const reservationId = reserved.pop();
    if (reservationId) engine.cancelReservation(actor, { reservationId });
    else if (sold.length === 0) throw error;
  }
}
