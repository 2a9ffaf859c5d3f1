import { createHash } from 'node:crypto';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { SalesContext } from './context.ts';

/**
 * Idempotent sales. A window names each sale, reservation, refund or exchange it asks for with a
 * key of its own; the answer is recorded under (window, key) in the same transaction as the change
 * itself, so a window that lost the answer (a connection reset after the commit) asks again with
 * the same key and gets the first answer instead of a second sale or a confusing refusal.
 */

export type SaleProcedure = 'bookSeats' | 'reserveSeats' | 'refundTickets' | 'exchangeTickets';

const PROCEDURE_WORDS: Record<SaleProcedure, [article: string, noun: string]> = {
  bookSeats: ['a', 'sale'],
  reserveSeats: ['a', 'reservation'],
  refundTickets: ['a', 'refund'],
  exchangeTickets: ['an', 'exchange'],
};

/** How long a window can come back for a lost answer; older records are pruned by the sweeper. */
const SALE_REQUEST_DAYS = 7;
const SALE_REQUEST_KEEP_MS = SALE_REQUEST_DAYS * 86_400_000;

export interface SaleRequest {
  procedure: SaleProcedure;
  key: string;
  /** SHA-256 of what was asked, without the key: the same key with other details is refused. */
  hash: string;
}

/** What was recorded for a request, as the engine answered it the first time. */
export interface RecordedAnswer<T> {
  answer: T;
  /** What printing did after the first answer was committed, once the handler noted it. */
  print?: unknown;
}

/**
 * JSON with object keys sorted at every level, so the same request hashes the same whichever way a
 * caller built its object. `undefined` members are left out, as JSON.stringify would.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The request a window asked for, or null when it sent no key (old callers: no replay protection).
 * The manager's PIN of an approval is left out of the hash: a stored hash of a few known fields
 * and a 4-to-8-digit PIN would give the PIN away to anyone who can read the records file.
 */
export function saleRequestOf(procedure: SaleProcedure, asked: object): SaleRequest | null {
  const key = (asked as { idempotencyKey?: unknown }).idempotencyKey;
  if (typeof key !== 'string') return null;
  // `approver` is what the host made of the approval after checking its PIN, not part of the request.
  const { idempotencyKey: _key, approver: _approver, ...rest } = asked as Record<string, unknown>;
  const approval = rest.approval as { staffId?: unknown } | null | undefined;
  if (approval) rest.approval = { staffId: approval.staffId };
  const hash = createHash('sha256').update(canonical({ procedure, asked: rest })).digest('hex');
  return { procedure, key, hash };
}

interface StoredRow {
  procedure: string;
  requestHash: string;
  answer: string;
}

/**
 * The answer recorded for this window and key, or undefined when there is none. The same key with
 * another procedure or other details is refused: a key names one request, never two.
 */
export function findRecordedAnswer<T>(ctx: SalesContext, stationId: string, request: SaleRequest): RecordedAnswer<T> | undefined {
  const row = ctx.st.saleRequest.get(stationId, request.key) as StoredRow | undefined;
  if (!row) return undefined;
  if (row.procedure !== request.procedure || row.requestHash !== request.hash) {
    const earlier = PROCEDURE_WORDS[row.procedure as SaleProcedure];
    const first = earlier ? earlier.join(' ') : 'another request';
    throw new MarqueeError(
      'CONFLICT',
      `This window already used that request key for ${first} with other details, so this ${PROCEDURE_WORDS[request.procedure][1]} was not made; nothing was changed. Start it again from the screen.`,
      { procedure: row.procedure },
    );
  }
  return JSON.parse(row.answer) as RecordedAnswer<T>;
}

/** Records the answer; must run in the same transaction as the change it answers for. */
export function recordAnswer(ctx: SalesContext, stationId: string, request: SaleRequest, answer: unknown): void {
  const stored: RecordedAnswer<unknown> = { answer };
  ctx.st.insertSaleRequest.run(stationId, request.key, request.procedure, request.hash, JSON.stringify(stored), ctx.clock.now());
}

/**
 * Adds what printing did to a recorded answer, so a replay can say whether the tickets reached
 * the print queue the first time instead of printing them twice.
 */
export function notePrint(ctx: SalesContext, stationId: string, key: string, print: unknown): void {
  ctx.st.noteSaleRequestPrint.run(JSON.stringify(print), stationId, key);
}

/** Forgets answers older than the replay window; answers how many went. */
export function pruneSaleRequests(ctx: SalesContext, now: number): number {
  return ctx.st.pruneSaleRequests.run(now - SALE_REQUEST_KEEP_MS).changes;
}
