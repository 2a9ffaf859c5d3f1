import type Database from 'better-sqlite3';
import { compareWithLedger } from '../sales/invariants.ts';

/**
 * The ledger proves the database: replaying the insert-only ledger in sequence order rebuilds the
 * orders, tickets, payments, reservations, blocks and unit states (docs/ledger.md), and any row
 * that differs from its replay was changed behind the ledger's back (or lost). Runs after every
 * restore and when a manager asks; names each row that differs.
 */
export interface LedgerVerification {
  checkedAt: number;
  ledgerRows: number;
  lastLedgerSeq: number;
  /** Every difference, as "tickets 01J… differs from its ledger replay"; empty when all agree. */
  differences: string[];
}

export function verifyLedger(db: Database.Database, now: number): LedgerVerification {
  const read = db.transaction(() => {
    const { rows, last } = db.prepare('SELECT count(*) AS rows, coalesce(max(seq), 0) AS last FROM ledger').get() as { rows: number; last: number };
    const units = db.prepare('SELECT * FROM units').all() as Record<string, unknown>[];
    return { ledgerRows: rows, lastLedgerSeq: last, differences: compareWithLedger(db, units) };
  });
  // One read transaction: a sale committing meanwhile cannot make a table and its ledger disagree.
  return { checkedAt: now, ...read.deferred() };
}
