import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../src-main/api/create-api.ts';
import { composeBoxOffice } from '../src-main/app/compose.ts';
import type { CallContext } from '../src-main/api/dispatcher.ts';
import { openBoxOffice } from '../src-main/core/box-office.ts';
import { loadDemo } from '../src-main/demo/load-demo.ts';
import { sourceMigrationsRoot } from '../src-main/paths.ts';
import { median, percentile, row, type BenchArea, type BenchRow } from './types.ts';

const CALLS = 20_000;

/**
 * What "trust nothing on the wire" costs every call: the dispatcher resolves the session secret
 * (one prepared SELECT and a SHA-256) and checks the declared access before anything else. Measured
 * on `currentStaff` (a cashier-visible call that does nothing else) beside the floor of the bare
 * prepared SELECT of the session row.
 */
export const accessBench: BenchArea = {
  area: 'access',
  async run(): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'marquee-bench-access-'));
    const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'bench' });
    try {
      loadDemo(office.records, { now: Date.now() });
      const api = createApi(composeBoxOffice(office, { sweeper: false, sync: false, print: { api: false } }), { checkOutput: false });
      const db = office.records.$client;
      const cashier = (db.prepare("select id from staff where name = 'Priya Shah'").get() as { id: string }).id;
      const ctx: CallContext = { transport: 'test', stationId: 'bench-window', peer: 'bench', sessionSecret: null };
      const signedIn = await api.call('signIn', { staffId: cashier, pin: '1111' }, ctx);
      if (!signedIn.ok) throw new Error(signedIn.error.message);

      const lookup = db.prepare('select staff_id, secret_hash, last_seen_at from staff_sessions where station_id = ?');
      const floorTimes: number[] = [];
      const callTimes: number[] = [];
      for (let round = 0; round < 5; round++) {
        let start = performance.now();
        for (let i = 0; i < CALLS; i++) lookup.get('bench-window');
        floorTimes.push(((performance.now() - start) * 1000) / CALLS);
        start = performance.now();
        for (let i = 0; i < CALLS; i++) await api.call('currentStaff', {}, ctx);
        callTimes.push(((performance.now() - start) * 1000) / CALLS);
      }
      const single: number[] = [];
      for (let i = 0; i < 5000; i++) {
        const t = performance.now();
        await api.call('currentStaff', {}, ctx);
        single.push((performance.now() - t) * 1000);
      }
      const floor = median(floorTimes);
      return [
        row('dispatcher call with session + access check (currentStaff), median', median(callTimes), 'µs', floor, '<= 50 µs', (v) => v <= 50),
        row('same, p99 of single calls', percentile(single, 99), 'µs', floor, '<= 200 µs', (v) => v <= 200),
      ];
    } finally {
      office.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
