// One box-office window in its own process with its own SQLite connection, racing another for seats,
// or sending the same sale requests (same window, same keys) as another process at the same time.
import { openBoxOffice } from '../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { MarqueeError } from '../../src-shared/errors.ts';

/** Grab pairs of units, in this worker's order. */
interface HoldJob {
  kind: 'hold';
  dataDir: string;
  actor: Actor;
  performanceId: string;
  pairs: number[][];
}

/** Sell each held basket under its request key, as a window retrying a lost answer would. */
interface BookJob {
  kind: 'book';
  dataDir: string;
  actor: Actor;
  bandId: string;
  requests: { key: string; holdId: string; unitIds: number[] }[];
}

const job = await new Promise<HoldJob | BookJob>((resolve) => process.once('message', (m) => resolve(m as HoldJob | BookJob)));
const office = openBoxOffice({ dataDir: job.dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'race' });
const engine = new SalesEngine(office);
// Both windows open their databases first, then start together on the parent's signal.
process.send!('ready');
await new Promise((resolve) => process.once('message', resolve));

if (job.kind === 'hold') {
  const won: number[][] = [];
  const lost: { pair: number[]; named: number[] }[] = [];
  for (const pair of job.pairs) {
    try {
      engine.holdSeats(job.actor, { performanceId: job.performanceId, unitIds: pair });
      won.push(pair);
    } catch (error) {
      if (!(error instanceof MarqueeError) || error.code !== 'SEATS_UNAVAILABLE') throw error;
      lost.push({ pair, named: (error.details?.unitIds as number[]) ?? [] });
    }
  }
  office.close();
  process.send!({ won, lost }, () => process.exit(0));
} else {
  const answers: { key: string; orderId: string | null; error: string | null }[] = [];
  for (const r of job.requests) {
    try {
      const total = r.unitIds.length * 2500;
      const sale = engine.book(job.actor, {
        holdId: r.holdId,
        lines: r.unitIds.map((unitId) => ({ unitId, priceBandId: job.bandId })),
        payments: [{ method: 'cash', amountMinor: total }],
        idempotencyKey: r.key,
      });
      answers.push({ key: r.key, orderId: sale.order.id, error: null });
    } catch (error) {
      answers.push({ key: r.key, orderId: null, error: error instanceof MarqueeError ? `${error.code} ${error.message}` : String(error) });
    }
  }
  office.close();
  process.send!({ answers }, () => process.exit(0));
}
