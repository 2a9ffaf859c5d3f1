import { describe, expect, it } from 'vitest';
import { describeSyncError } from '../../src-main/sync/describe-sync-error.ts';
import { MarqueeError } from '../../src-shared/errors.ts';

const target = { host: 'central.example', port: 3306, user: 'boxoffice', database: 'marquee' };

/**
 * A full disk on the server cannot be produced on this machine, so the mapping of MySQL's
 * disk-full errors is proven here on the error shapes mysql2 hands over.
 */
describe('sync errors in words', () => {
  const diskFull = [
    { code: 'ER_RECORD_FILE_FULL', errno: 1114, sqlMessage: "The table 'ledger_entries' is full" },
    { code: 'ER_DISK_FULL', errno: 1021, sqlMessage: 'Disk full (/var/lib/mysql/x); waiting for someone to free some space...' },
    { code: 'ER_ERROR_ON_WRITE', errno: 3, sqlMessage: "Error writing file './marquee/ledger_entries.ibd' (Errcode: 28 \"No space left on device\")" },
    { code: 'ER_GET_ERRNO', errno: 1030, sqlMessage: 'Got error 28 "No space left on device" from storage engine InnoDB' },
  ];
  for (const error of diskFull) {
    it(`names a full server disk for ${error.code} (${error.errno})`, () => {
      expect(describeSyncError(Object.assign(new Error(error.sqlMessage), error), target)).toBe(
        'The disk of the central server at central.example:3306 is full, so it cannot store more sales; they stay safe here and will be sent once its administrator frees space.',
      );
    });
  }

  it('explains a cut connection, a timeout and an unknown server error', () => {
    expect(describeSyncError(Object.assign(new Error('x'), { code: 'PROTOCOL_CONNECTION_LOST' }), target)).toMatch(
      /^The connection to the central server at central\.example:3306 was cut during the push/,
    );
    expect(describeSyncError(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), target)).toBe(
      'The central server at central.example:3306 did not answer in time; the network may be down.',
    );
    expect(describeSyncError(Object.assign(new Error('boom'), { code: 'ER_SOMETHING', errno: 9999, sqlMessage: 'Something odd' }), target)).toBe(
      'The central server at central.example:3306 answered with an error: Something odd.',
    );
  });

  it('passes a MarqueeError through as it is', () => {
    expect(describeSyncError(new MarqueeError('SYNC_FAILED', 'Already in words.'))).toBe('Already in words.');
  });
});
