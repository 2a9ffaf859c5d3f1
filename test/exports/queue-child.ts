/**
 * A box office in a process of its own, for queue-survives-kill.test.ts: `start` queues the export
 * given as JSON and keeps working until it is killed; `finish` starts the box office (which puts a
 * cut-off job back in the queue), waits for the queue to empty and prints the jobs as JSON.
 */
import { composeBoxOffice } from '../../src-main/app/compose.ts';
import { openBoxOffice } from '../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';

const [dataDir, mode, request] = process.argv.slice(2) as [string, 'start' | 'finish', string | undefined];
const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'test' });
const running = composeBoxOffice(office, { sweeper: false, sync: false, print: { api: false }, backups: { timers: false } });
if (mode === 'start') {
  const job = running.exports.enqueue(JSON.parse(request!), 'Queue test');
  process.stdout.write(`${JSON.stringify({ queued: job.id })}\n`);
  // Keep the process alive: the test kills it part-way through the export.
  setInterval(() => undefined, 1000);
} else {
  await running.exports.idle();
  process.stdout.write(`${JSON.stringify(running.exports.list())}\n`);
  await running.stop();
  office.close();
}
