import type Database from 'better-sqlite3';

/** A receipt's number, as the ledger carries it (`rows.receipt_numbers`): keyed by the order's id. */
export interface ReceiptNumberRow {
  id: string;
  number: number;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * The next receipt number of the installation, taken for this order inside the sale's own
 * transaction: one more than the largest so far, so numbers run 1, 2, 3 … with none skipped (a sale
 * that rolls back takes its number with it) and none repeated (the number is the table's key).
 */
export function takeReceiptNumber(db: Database.Database, orderId: string): ReceiptNumberRow {
  let take = statements.get(db);
  if (!take) {
    take = db.prepare(`INSERT INTO receipt_numbers (id, number) SELECT ?, coalesce(max(number), 0) + 1 FROM receipt_numbers RETURNING number`).pluck();
    statements.set(db, take);
  }
  return { id: orderId, number: take.get(orderId) as number };
}

/** The receipt number of an order, or null for one sold before receipts were numbered. */
export function receiptNumberOf(db: Database.Database, orderId: string): number | null {
  return (db.prepare(`SELECT number FROM receipt_numbers WHERE id = ?`).pluck().get(orderId) as number | undefined) ?? null;
}
