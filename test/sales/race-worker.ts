// One box-office window in its own process with its own SQLite connection, racing another for seats.
import { openBoxOffice } from '../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { salesFor } from '../../src-main/sales/engine.ts';
import type { Actor } from '../../src-main/sales/actor.ts';
import { MarqueeError } from '../../src-shared/errors.ts';

interface Job {
  dataDir: string;
  actor: Actor;
  performanceId: string;
  /** Pairs of units to grab, in this worker's order. */
  pairs: number[][];
}

const job = await new Promise<Job>((resolve) => process.once('message', (m) => resolve(m as Job)));
const office = openBoxOffice({ dataDir: job.dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'race' });
const engine = salesFor(office);
// Both windows open their databases first, then start together on the parent's signal.
process.send!('ready');
await new Promise((resolve) => process.once('message', resolve));

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
