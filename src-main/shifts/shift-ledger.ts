import type { RecordsDb } from '../db/open.ts';
import { LedgerWriter, type LedgerEntry } from '../sales/ledger.ts';

/**
 * Shift rows name the ledger seq of the row that carries them (a shift's open and close, a cash
 * movement), so what a window sold in between is found by the ledger's own order, never by clock
 * time. Inside the write transaction the next seq is known: the ledger's AUTOINCREMENT hands out
 * one more than the largest it ever gave. The append checks it got exactly that seq, or the whole
 * transaction rolls back.
 */
export class ShiftLedger {
  private readonly writer: LedgerWriter;
  private readonly lastSeq;

  constructor(private readonly records: RecordsDb) {
    this.writer = new LedgerWriter(records.$client);
    this.lastSeq = records.$client.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'ledger'`).pluck();
  }

  /** The seq the next ledger row will get; only meaningful inside a write transaction. */
  nextSeq(): number {
    return ((this.lastSeq.get() as number | undefined) ?? 0) + 1;
  }

  /** Appends the row that was announced as `seq`; anything else is a programming error and rolls back. */
  append(seq: number, entry: LedgerEntry): void {
    const got = this.writer.append(entry);
    if (got !== seq) throw new Error(`The ledger gave seq ${got} where ${seq} was expected; nothing was written.`);
  }

  /** The newest seq written, for an X report "so far". */
  currentSeq(): number {
    return (this.lastSeq.get() as number | undefined) ?? 0;
  }

  /** One BEGIN IMMEDIATE transaction: every shift change and its ledger row commit together or not at all. */
  immediate<T>(work: () => T): T {
    return this.records.$client.transaction(work).immediate();
  }
}
