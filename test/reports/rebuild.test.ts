import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport } from '../../src-main/reports/report-service.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { buildSeason, type Season } from './dataset.ts';
import { allRollups } from './naive-figures.ts';

const run = promisify(execFile);
const rebuild = (dir: string) => run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/reports-rebuild.ts', '--data-dir', dir], { cwd: process.cwd() });

let s: Season;
beforeAll(() => {
  s = buildSeason();
});
afterAll(() => s?.temp.dispose());

describe('npm run reports:rebuild', () => {
  it('recomputes damaged rollups from the ledger, equal to the ones kept up to date', async () => {
    const db = s.temp.office.records.$client;
    const kept = allRollups(db);
    db.prepare(`UPDATE report_sales SET amount = amount + 1 WHERE dim = 'total'`).run();
    db.prepare(`DELETE FROM report_sales WHERE dim = 'band'`).run();
    expect(allRollups(db)).not.toEqual(kept);
    const { stdout } = await rebuild(s.temp.dataDir);
    // Seven ledger rows change figures: four sales (one a collected reservation), a refund, an exchange and a check-in.
    expect(stdout).toMatch(/^Rollups rebuilt from 7 ledger rows into \d+ cells in \d+ ms\.\n$/);
    expect(allRollups(db)).toEqual(kept);
  }, 60_000);

  it('says what is wrong with a folder that holds no box office', async () => {
    const failed = await rebuild(makeTempDir()).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringMatching(/^There is no records\.sqlite in .+: say the data folder of an installation\.\n$/) });
  }, 60_000);

  it('an installation that sold before the rollups existed gets them on its first report', () => {
    const db = s.temp.office.records.$client;
    const kept = allRollups(db);
    db.prepare('DELETE FROM report_sales').run();
    const r = getReport(s.temp.office.records, s.clock, { from: '2026-12-01', to: '2026-12-04', basis: 'payment', granularity: 'day' });
    expect(r.totals).toEqual({ tickets: 4, gross: 8800, net: 7333, tax: 1467 });
    expect(allRollups(db)).toEqual(kept);
  });
});
