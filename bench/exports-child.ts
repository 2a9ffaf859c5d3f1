/**
 * One export in a process of its own (bench/exports.ts starts it), so its RSS is the export's and
 * not the seeding's: opens the box office, runs the export through the real queue, and prints
 * rows, bytes, seconds, RSS before and at its peak, and the longest event-loop pause meanwhile.
 */
import { ExportRequestSchema } from '../src-shared/contract/exports.ts';
import { openBoxOffice } from '../src-main/core/box-office.ts';
import { ExportService } from '../src-main/exports/export-service.ts';
import { sourceMigrationsRoot } from '../src-main/paths.ts';

const [dataDir, kind, date] = process.argv.slice(2) as [string, string, string];
const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'bench' });
const service = new ExportService(office);
const before = process.memoryUsage().rss;
let peak = before;
let longestPause = 0;
let last = performance.now();
const started = performance.now();
const watch = setInterval(() => {
  const now = performance.now();
  if (process.env.MARQUEE_BENCH_PAUSES && now - last - 5 > 50) console.error(`pause ${Math.round(now - last - 5)} ms at ${Math.round(now - started)} ms`);
  longestPause = Math.max(longestPause, now - last - 5);
  last = now;
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
const job = service.enqueue(ExportRequestSchema.parse({ kind, filters: { from: date, to: date } }), 'Bench');
await service.idle();
const seconds = (performance.now() - started) / 1000;
clearInterval(watch);
const done = service.queue.get(job.id)!;
await service.stop();
office.close();
process.stdout.write(`${JSON.stringify({ state: done.state, failure: done.failure, rows: done.rows, bytes: done.bytes, seconds, before, peak, longestPause })}\n`);
