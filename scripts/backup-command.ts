/**
 * `npm run backup -- --data-dir DIR`, `npm run restore -- FILE --data-dir DIR [--other-installation]`,
 * `npm run verify -- --data-dir DIR`: the Manage → Backups actions from a terminal (docs/backups.md).
 * A bad argument or a refused copy is a sentence and exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupCommand, restoreCommand, verifyCommand } from '../src-main/app/backup-commands.ts';
import { sourceMigrationsRoot, sourceRoot } from '../src-main/paths.ts';

const [command, ...args] = process.argv.slice(2);
const version = (JSON.parse(readFileSync(join(sourceRoot, 'package.json'), 'utf8')) as { version: string }).version;

function option(name: string): string | null {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? null) : null;
}

function fail(sentence: string): never {
  console.error(sentence);
  process.exit(2);
}

const dataDirArg = option('data-dir');
if (!dataDirArg) fail(`Say which data folder: npm run ${command ?? 'backup'} -- --data-dir DIR`);
const base = { dataDir: resolve(dataDirArg), migrationsRoot: sourceMigrationsRoot, version };
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--data-dir'));

try {
  if (command === 'backup') {
    const made = await backupCommand(base);
    const f = made.manifest.records.facts;
    console.log(`Backup ${made.stem} made in ${made.folder}: ${f.orders} orders, ${f.tickets} tickets, ledger to #${f.lastLedgerSeq}.`);
    if (made.secondFolder?.sentence) console.log(made.secondFolder.sentence);
    else if (made.secondFolder) console.log('Copied to the second folder too.');
    if (made.pruned.length) console.log(`${made.pruned.length} older copies pruned.`);
  } else if (command === 'restore') {
    const file = positional[0];
    if (!file) fail('Say which backup to restore: npm run restore -- FILE --data-dir DIR (FILE is a .manifest.json or .records.sqlite.gz in the backups folder).');
    const done = await restoreCommand({ ...base, file, confirmOtherInstallation: args.includes('--other-installation') });
    console.log(`Restored ${done.restored}. The database as it was is kept as backup ${done.safetyCopy ?? '(none)'}.`);
    console.log(done.verification.differences.length ? `The ledger disagrees with ${done.verification.differences.length} rows:\n${done.verification.differences.join('\n')}` : `The ledger proves the restored database (${done.verification.ledgerRows} rows, to #${done.verification.lastLedgerSeq}).`);
  } else if (command === 'verify') {
    const v = await verifyCommand(base);
    if (v.differences.length) {
      console.log(`The ledger disagrees with ${v.differences.length} rows:\n${v.differences.join('\n')}`);
      process.exit(1);
    }
    console.log(`The ledger proves the database: ${v.ledgerRows} rows, to #${v.lastLedgerSeq}, every order, ticket, payment and seat as replayed.`);
  } else {
    fail('Use: backup, restore or verify.');
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
