import { expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ulid } from 'ulid';
import { openBoxOffice } from '../../src-main/core/box-office.ts';
import type { BookInput } from '../../src-main/sales/book.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedShow } from './fixtures.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/**
 * Runs the selling child until a random moment after it starts, then SIGKILLs it as it sends a sale
 * (the kill lands during the sale or just after it, before or after its commit); answers its complete lines.
 */
function sellUntilKilled(args: string[], killAfterLines: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    const lines: string[] = [];
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      if (!killed && lines.length >= killAfterLines && lines.at(-1)!.startsWith('BOOK ')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`selling child stopped by itself: ${stderr}`));
    });
  });
}

it('survives SIGKILL mid-sale several times: file intact, every reported sale present, invariants hold, the sale in flight sells once on retry', async () => {
  const temp = openTempBoxOffice();
  const show = seedShow(temp.office, { rows: 6, seatsPerRow: 12, standing: 0 });
  temp.office.close();
  const [stationId, staffId] = [ulid(), ulid()];
  const args = [temp.dataDir, show.performanceId, show.bands.adult, stationId, staffId];
  const reported = new Map<string, number>();
  const refunded = new Set<string>();
  const retried = { committedBefore: 0, soldOnRetry: 0 };
  try {
    for (let round = 0; round < 4; round++) {
      // Kill somewhere between the 20th and 300th line: mid-transaction as often as not.
      const lines = await sellUntilKilled(args, 20 + Math.floor(Math.random() * 280));
      // The sale the window was sending when it died: sent, never answered.
      let inFlight: (BookInput & { idempotencyKey: string }) | null = null;
      for (const line of lines) {
        const [what, id, total] = line.split(' ');
        if (what === 'BOOK') inFlight = JSON.parse(line.slice('BOOK '.length)) as BookInput & { idempotencyKey: string };
        if (what === 'ORDER') {
          reported.set(id!, Number(total));
          inFlight = null;
        }
        if (what === 'REFUND') refunded.add(id!);
      }
      const office = openBoxOffice({ dataDir: temp.dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'check' });
      try {
        const db = office.records.$client;
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const orders = new Map(
          (db.prepare('SELECT id, total_minor AS total, state FROM orders').all() as { id: string; total: number; state: string }[]).map((o) => [o.id, o]),
        );
        for (const [id, total] of reported) {
          expect(orders.get(id)?.total, `order ${id} was reported committed`).toBe(total);
          expect(orders.get(id)?.state).toBe(refunded.has(id) ? 'refunded' : 'paid');
        }
        expect(checkInvariants(db, Date.now())).toEqual([]);
        if (inFlight) {
          // The window comes back and asks again with the same key: the committed sale, or one sale now.
          const recorded = db.prepare('SELECT answer FROM sale_requests WHERE station_id = ? AND key = ?').pluck().get(stationId, inFlight.idempotencyKey) as string | undefined;
          const ordersBefore = db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
          const actor = { stationId, staffId, role: 'manager' as const };
          const engine = new SalesEngine(office);
          const sale = engine.book(actor, inFlight);
          const ordersAfter = db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
          if (recorded) {
            expect(sale.order.id).toBe((JSON.parse(recorded) as { answer: { order: { id: string } } }).answer.order.id);
            expect(ordersAfter).toBe(ordersBefore);
            retried.committedBefore += 1;
          } else {
            expect(ordersAfter).toBe(ordersBefore + 1);
            retried.soldOnRetry += 1;
          }
          expect(engine.book(actor, inFlight).order.id).toBe(sale.order.id);
          expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(ordersAfter);
          expect(checkInvariants(db, Date.now())).toEqual([]);
          reported.set(sale.order.id, sale.order.totalMinor);
        }
      } finally {
        office.close();
      }
    }
    expect(reported.size).toBeGreaterThan(20);
    if (process.env.CRASH_STATS) console.log(`[crash] sales in flight at the kill: ${retried.committedBefore} had committed, ${retried.soldOnRetry} sold on retry`);
  } finally {
    temp.dispose();
  }
}, 120_000);
