/**
 * `npm run reports:rebuild -- --data-dir DIR`: recompute the reports' rollups from the ledger
 * (docs/reports.md "Rollups"). A bad argument is a sentence and exit code 2, never a stack trace.
 */
import { resolve } from 'node:path';
import { rebuildReportsIn } from '../src-main/reports/rebuild-command.ts';
import { sourceMigrationsRoot } from '../src-main/paths.ts';

const args = process.argv.slice(2);
const index = args.indexOf('--data-dir');
const dataDir = index >= 0 ? args[index + 1] : undefined;
if (!dataDir) {
  console.error('Say which data folder: npm run reports:rebuild -- --data-dir DIR');
  process.exit(2);
}
try {
  const started = performance.now();
  const done = rebuildReportsIn(resolve(dataDir), sourceMigrationsRoot);
  console.log(`Rollups rebuilt from ${done.replayed} ledger rows into ${done.cells} cells in ${Math.round(performance.now() - started)} ms.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
