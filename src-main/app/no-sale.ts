import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import type { Actor } from '../staff/actor.ts';
import type { Till } from '../shifts/till.ts';
import type { Counter } from './counter.ts';
import { collectForWindow, printsAtWindow } from './print-at-window.ts';

/**
 * Opening the drawer without a sale: the till writes it to the ledger with its reason first
 * (refused, nothing written, without an open shift of the cashier's), then the print service pulses
 * the drawer, as it does for every drawer opening. The pulse never throws: a drawer that did not
 * open comes back as a sentence, and the no-sale stays counted.
 */
export async function openDrawerNoSale(counter: Pick<Counter, 'printing'>, till: Till, who: Actor, reason: string): Promise<{ noSales: number; print: PrintOutcome }> {
  const { noSales } = till.noSale(who, reason);
  // A terminal's no-sale opens the terminal's own drawer (app/print-at-window.ts), never the host's.
  if (printsAtWindow()) return { noSales, print: await collectForWindow({ source: 'no-sale', openDrawer: true }, () => Promise.resolve()) };
  const drawer = await counter.printing.openDrawer();
  const print: PrintOutcome = drawer.opened ? { printed: 'queued', jobSetId: null, problem: null } : { printed: 'no-printer', jobSetId: null, problem: drawer.reason };
  return { noSales, print };
}
