import type { BoxOffice } from '../core/box-office.ts';
import type { PrintAssets } from '../print/print-assets.ts';
import type { PrintService } from '../print/print-service.ts';
import type { PrintWarnings } from '../print/print-warnings.ts';
import type { SalesEngine } from '../sales/engine.ts';
import type { PrintOnce } from './print-once.ts';

/**
 * What every counter use case needs: the box office, its one sales engine, its one print service
 * and print assets, and the print-once rule. The running box office (compose.ts) is a Counter:
 * nothing here is looked up by office, so every window and transport shares these very objects.
 */
export interface Counter {
  readonly office: BoxOffice;
  engine(): SalesEngine;
  readonly printing: PrintService;
  readonly assets: PrintAssets;
  /** Layout problems printing works around, for managers (a fallback to the built-in, a file broken by hand). */
  readonly printWarnings: PrintWarnings;
  readonly prints: PrintOnce;
}

/** Cash moves across the counter: the drawer opens. Card, voucher and credit never open it. */
export function cashChangesHands(methods: readonly (string | undefined)[]): boolean {
  return methods.some((m) => m === 'cash');
}
