import type { BoxOffice } from '../core/box-office.ts';
import { salesFor, type SalesEngine } from '../sales/engine.ts';
import { PrintOnce } from './print-once.ts';

/** What every counter use case needs: the box office, its sales engine, and the print-once rule. */
export interface Counter {
  office: BoxOffice;
  engine(): SalesEngine;
  prints: PrintOnce;
}

/** One per running box office (the print-once bookkeeping is shared by all windows). */
export function openCounter(office: BoxOffice): Counter {
  const engine = () => salesFor(office);
  return { office, engine, prints: new PrintOnce(engine) };
}

/** Cash moves across the counter: the drawer opens. Card, voucher and credit never open it. */
export function cashChangesHands(methods: readonly (string | undefined)[]): boolean {
  return methods.some((m) => m === 'cash');
}
