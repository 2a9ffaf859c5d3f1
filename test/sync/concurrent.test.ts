import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { ulid } from 'ulid';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { ensureInstallationId, readCursor } from '../../src-main/sync/sync-config.ts';
import { createCentralTestDb } from './helpers/central-db.ts';
import { insertLedgerRows, seedReference } from './helpers/ledger-fixtures.ts';
import { pushOnce } from './helpers/push.ts';

describe('several installations and stations pushing at once', () => {
  const cleanups = cleanUpAfterEach();

  it('keeps every row of every station apart, exactly once', async () => {
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const a = openTempBoxOffice();
    const b = openTempBoxOffice();
    cleanups.push(() => a.dispose(), () => b.dispose());

    // Installation A is a host with two stations writing one ledger; B is a desktop of its own.
    const refA = seedReference(a.office);
    const secondStation = ulid();
    insertLedgerRows(a.office, 700, { performanceIds: refA.performanceIds });
    insertLedgerRows(a.office, 500, { stationId: secondStation, performanceIds: refA.performanceIds, at: 1_795_000_000_000 });
    insertLedgerRows(a.office, 300, { performanceIds: refA.performanceIds, at: 1_796_000_000_000 });
    seedReference(b.office);
    insertLedgerRows(b.office, 900);

    // Both installations at once, and installation A twice over (a restarted host racing itself).
    const [ra1, ra2, rb] = await Promise.all([pushOnce(a.office, db.target, 100), pushOnce(a.office, db.target, 100), pushOnce(b.office, db.target, 100)]);
    expect(ra1.pushedRows + ra2.pushedRows).toBe(1500);
    expect(rb.pushedRows).toBe(900);

    const idA = ensureInstallationId(a.office.records);
    const idB = ensureInstallationId(b.office.records);
    expect(idA).not.toBe(idB);
    const perStation = await db.rows<{ installation_id: string; station_id: string; n: number; d: number }>(
      'select installation_id, station_id, count(*) as n, count(distinct seq) as d from ledger_entries group by installation_id, station_id',
    );
    const counts = Object.fromEntries(perStation.map((r) => [`${r.installation_id}/${r.station_id}`, [Number(r.n), Number(r.d)]]));
    expect(counts).toEqual({
      [`${idA}/${a.office.identity.id}`]: [1000, 1000],
      [`${idA}/${secondStation}`]: [500, 500],
      [`${idB}/${b.office.identity.id}`]: [900, 900],
    });
    // Installation-scoped keys: B's seq 1 does not overwrite A's seq 1, nor its unit ids.
    const [seqOne] = await db.rows<{ n: number }>('select count(*) as n from ledger_entries where seq = 1');
    expect(Number(seqOne!.n)).toBe(2);
    const [unitOne] = await db.rows<{ n: number }>('select count(*) as n from units where id = 1');
    expect(Number(unitOne!.n)).toBe(2);
    expect(readCursor(a.office.station).lastPushedSeq).toBe(1500);
    expect(readCursor(b.office.station).lastPushedSeq).toBe(900);
    const venues = await db.rows('select id from venues');
    expect(venues).toHaveLength(2);
  });
});
