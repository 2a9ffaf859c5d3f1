import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MarqueeError } from '../../src-shared/errors.ts';
import { gunzipFile, sha256OfFile } from './compress.ts';
import { copyAndCheck } from './copy-worker.ts';
import { MANIFEST_SUFFIX, copyName } from './copy-names.ts';
import { readManifest, type DatabaseFacts, type Manifest } from './manifest.ts';
import { compareSchema, latestSchemaLevel, type SchemaComparison } from './schema-level.ts';

/**
 * A backup opened for a restore and proven before anything live is touched: its manifest read, the
 * compressed file's SHA-256 compared with the manifest, unzipped to a scratch folder, the copy's
 * integrity checked, its counts read again and compared with the manifest, and its schema compared
 * with this build's. Any failure is a sentence naming the problem.
 */
export interface CheckedBackup {
  stem: string;
  manifest: Manifest;
  /** The unzipped records copy, in a scratch folder `dispose()` removes. */
  recordsFile: string;
  facts: DatabaseFacts;
  schema: SchemaComparison;
  dispose(): void;
}

function refuse(stem: string, why: string): MarqueeError {
  return new MarqueeError('BAD_INPUT', `The backup ${stem} cannot be restored: ${why}. Nothing was changed.`);
}

/** The manifest's path for a file a manager or the command line named: the manifest itself or one of its copies. */
export function manifestPathOf(file: string): string {
  if (file.endsWith(MANIFEST_SUFFIX)) return file;
  const stem = basename(file).replace(/\.(records|station)\.sqlite\.gz$/, '');
  return join(dirname(file), `${stem}${MANIFEST_SUFFIX}`);
}

export async function checkBackup(file: string, migrationsRoot: string, scratchParent: string): Promise<CheckedBackup> {
  const manifestFile = manifestPathOf(file);
  const stem = basename(manifestFile).slice(0, -MANIFEST_SUFFIX.length);
  const manifest = readManifest(manifestFile);
  if (typeof manifest === 'string') throw refuse(stem, manifest);
  const gz = join(dirname(manifestFile), copyName(stem, 'records'));
  try {
    statSync(gz);
  } catch {
    throw refuse(stem, `its records copy ${basename(gz)} is missing`);
  }
  if ((await sha256OfFile(gz)) !== manifest.records.sha256) {
    throw refuse(stem, `its records copy does not match its manifest's SHA-256 (it was changed, damaged or cut short after it was made)`);
  }
  const scratch = mkdtempSync(join(scratchParent, '.restore-'));
  const dispose = () => rmSync(scratch, { recursive: true, force: true });
  try {
    const recordsFile = join(scratch, 'records.sqlite');
    try {
      await gunzipFile(gz, recordsFile);
    } catch {
      throw refuse(stem, 'its compressed records copy is truncated or damaged');
    }
    let checked;
    try {
      checked = await copyAndCheck(null, recordsFile, null);
    } catch (error) {
      throw refuse(stem, error instanceof Error ? error.message : 'it is not a database');
    }
    if (checked.integrity.length !== 1 || checked.integrity[0] !== 'ok') throw refuse(stem, `it fails SQLite's integrity check (${checked.integrity.slice(0, 2).join('; ')})`);
    const f = checked.facts;
    const m = manifest.records.facts;
    if (f.orders !== m.orders || f.tickets !== m.tickets || f.ledgerRows !== m.ledgerRows || f.lastLedgerSeq !== m.lastLedgerSeq) {
      throw refuse(stem, `it holds ${f.orders} orders and ${f.ledgerRows} ledger rows where its manifest says ${m.orders} and ${m.ledgerRows}`);
    }
    const schema = compareSchema(f.schemaLevel, latestSchemaLevel(migrationsRoot, 'records'));
    if (schema === 'newer') throw refuse(stem, 'it was made by a newer version of Marquee; update Marquee on this machine first');
    return { stem, manifest, recordsFile, facts: f, schema, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
