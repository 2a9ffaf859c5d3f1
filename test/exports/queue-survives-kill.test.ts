import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import type { ExportJob } from '../../src-shared/contract/exports.ts';
import { wallClock } from '../../src-shared/zoned-time.ts';
import { EXPORTS_FOLDER } from '../../src-main/exports/export-service.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedBulkSales } from './bulk-season.ts';

const TICKETS = 150_000;
const temp = openTempBoxOffice();
const { day } = seedBulkSales(temp.office, TICKETS);
const date = wallClock(day, 'Europe/London').date;
temp.office.close();
afterAll(() => temp.dispose());

function child(mode: 'start' | 'finish', request?: unknown): { process: ChildProcess; output: Promise<string> } {
  const args = ['--import', 'tsx', join(import.meta.dirname, 'queue-child.ts'), temp.dataDir, mode, ...(request ? [JSON.stringify(request)] : [])];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { process: proc, output: new Promise((resolve) => proc.on('exit', () => resolve(out))) };
}

const jobRow = () => {
  const db = new Database(join(temp.dataDir, 'station.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT state, progress FROM export_jobs').get() as { state: string; progress: number } | undefined;
  } finally {
    db.close();
  }
};

it('an export cut off by SIGKILL is run again by the next process, and its file is whole', async () => {
  const first = child('start', { kind: 'attendees-csv', filters: { from: date, to: date } });
  // Wait until the export is well under way, then kill the process without warning.
  const deadline = Date.now() + 60_000;
  let seen: { state: string; progress: number } | undefined;
  while (Date.now() < deadline) {
    seen = jobRow();
    if (seen?.state === 'running' && seen.progress >= 0.1) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(seen?.state).toBe('running');
  expect(seen!.progress).toBeLessThan(1);
  first.process.kill('SIGKILL');
  await first.output;
  const folder = join(temp.dataDir, EXPORTS_FOLDER);
  expect(readdirSync(folder).filter((f) => f.endsWith('.csv'))).toEqual([]);
  expect(jobRow()?.state).toBe('running');

  const second = child('finish');
  const jobs = JSON.parse((await second.output).trim()) as ExportJob[];
  expect(jobs).toHaveLength(1);
  const job = jobs[0]!;
  expect(job.state).toBe('done');
  expect(job.rows).toBe(TICKETS);
  const files = readdirSync(folder);
  expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
  const file = join(folder, `${job.id}-${job.fileName}`);
  expect(existsSync(file)).toBe(true);
  const lines = readFileSync(file, 'utf8').split('\r\n');
  expect(lines).toHaveLength(TICKETS + 2); // heading, rows, and the empty string after the last CRLF
}, 120_000);
