import type { InputOf, OutputOf } from '../../src-shared/contract/index.ts';
import { MarqueeError, type Result } from '../../src-shared/errors.ts';
import { bridge } from '../transport/api.ts';
import { createSaleRequests, type SaleInput, type SaleProcedure } from './sale-requests.ts';

/** This window's sale requests: one instance, so a press after an unknown outcome reuses its key. */
const requests = createSaleRequests({
  send: (name, input) => (bridge[name] as unknown as (input: InputOf<typeof name>) => Promise<Result<OutputOf<typeof name>>>)(input),
});

/**
 * Sells, reserves, refunds or exchanges with a request key, asking again by itself when the answer
 * was lost (see sale-requests.ts); a failure becomes a MarqueeError with its sentence, as `call` does.
 */
export async function sendSale<K extends SaleProcedure>(
  name: K,
  input: SaleInput<K>,
  onChecking?: (words: string | null) => void,
  confirmLate: (sentence: string) => Promise<boolean> = askLateSale,
): Promise<OutputOf<K>> {
  const result = await requests.send(name, input, onChecking);
  if (!result.ok && name === 'bookSeats' && result.error.details?.confirm === 'afterCurtainUp') {
    // The core refuses a sale after curtain-up until the cashier says so: the same sale, confirmed.
    if (await confirmLate(result.error.message)) return sendSale(name, { ...input, afterCurtainUp: true } as SaleInput<K>, onChecking, confirmLate);
    throw new MarqueeError('OFF_SALE', `Not sold. ${result.error.message}`);
  }
  if (!result.ok) throw new MarqueeError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

/**
 * The browser's own question, for screens without a panel of their own to ask in (Collect); the
 * Sell screen asks in its pay panel (cashier/sell/LateSaleConfirm.tsx).
 */
async function askLateSale(sentence: string): Promise<boolean> {
  return typeof window !== 'undefined' && typeof window.confirm === 'function' && window.confirm(`${sentence}\n\nSell anyway?`);
}
