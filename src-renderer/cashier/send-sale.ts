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
export async function sendSale<K extends SaleProcedure>(name: K, input: SaleInput<K>, onChecking?: (words: string | null) => void): Promise<OutputOf<K>> {
  const result = await requests.send(name, input, onChecking);
  if (!result.ok && name === 'bookSeats' && result.error.details?.confirm === 'afterCurtainUp' && askLateSale(result.error.message)) {
    // The core refuses a sale after curtain-up until the cashier says so: the same sale, confirmed.
    return sendSale(name, { ...input, afterCurtainUp: true } as SaleInput<K>, onChecking);
  }
  if (!result.ok) throw new MarqueeError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

/** The cashier's yes to selling after curtain-up (Enter confirms, Esc keeps the sale unmade). */
function askLateSale(sentence: string): boolean {
  return typeof window !== 'undefined' && typeof window.confirm === 'function' && window.confirm(`${sentence}\n\nSell anyway?`);
}
