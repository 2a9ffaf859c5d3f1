import type { ReservationFound } from '../../src-shared/contract/orders.ts';
import { startOfLocalDay } from '../catalog/performance-list.ts';
import type { RecordsDb } from '../db/open.ts';
import { orderStatements } from './statements.ts';

/**
 * What is waiting to be collected: unpaid reservations for today's and later performances whose
 * deadline has not passed, soonest performance first, then soonest deadline (at most 500, enough
 * for a busy week; the screen narrows the list as the cashier types).
 */
export function waitingReservations(records: RecordsDb, now: number): ReservationFound[] {
  return orderStatements(records).waitingReservations.all({ from: startOfLocalDay(now), now }) as ReservationFound[];
}
