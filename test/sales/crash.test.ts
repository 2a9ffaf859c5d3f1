import { expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ulid } from 'ulid';
import { openBoxOffice } from '../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedShow } from './fixtures.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Runs the selling child until a random moment after it starts, then SIGKILLs it; answers its complete lines. */
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
      if (!killed && lines.length >= killAfterLines) {
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

it('survives SIGKILL mid-sale several times: file intact, every reported sale present, invariants hold', async () => {
  const temp = openTempBoxOffice();
  const show = seedShow(temp.office, { rows: 6, seatsPerRow: 12, standing: 0 });
  temp.office.close();
  const args = [temp.dataDir, show.performanceId, show.bands.adult, ulid(), ulid()];
  const reported = new Map<string, number>();
  const refunded = new Set<string>();
  try {
    for (let round = 0; round < 4; round++) {
      // Kill somewhere between the 20th and 300th line: mid-transaction as often as not.
      const lines = await sellUntilKilled(args, 20 + Math.floor(Math.random() * 280));
      for (const line of lines) {
        const [what, id, total] = line.split(' ');
        if (what === 'ORDER') reported.set(id!, Number(total));
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
      } finally {
        office.close();
      }
    }
    expect(reported.size).toBeGreaterThan(20);
  } finally {
    temp.dispose();
  }
}, 120_000);
