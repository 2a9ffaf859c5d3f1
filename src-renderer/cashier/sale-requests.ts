import type { InputOf, OutputOf } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/errors.ts';

/**
 * The screens' side of idempotent sales. Each press of Pay, Reserve, Refund or Exchange is one
 * request with one key; when the connection drops before the answer arrives (HOST_UNREACHABLE) the
 * same request goes again, with the same key, a few times with growing pauses: the host answers
 * the first sale if it went through, or makes it now if it never arrived. Never a second sale.
 * No React and no transport here, so the same code runs in tests over a real socket.
 */

export type SaleProcedure = 'bookSeats' | 'reserveSeats' | 'refundTickets' | 'exchangeTickets';
export type SaleInput<K extends SaleProcedure> = Omit<InputOf<K>, 'idempotencyKey'>;
export type SendSale = <K extends SaleProcedure>(name: K, input: InputOf<K>) => Promise<Result<OutputOf<K>>>;

const NOUN: Record<SaleProcedure, string> = { bookSeats: 'sale', reserveSeats: 'reservation', refundTickets: 'refund', exchangeTickets: 'exchange' };

/** What the cashier reads while the screen asks again. */
export function checkingWords(name: SaleProcedure): string {
  return `The connection dropped; checking whether the ${NOUN[name]} went through…`;
}

/** What the cashier reads when the host could not be reached again: unknown, and what to do. */
export function stillUnknownWords(name: SaleProcedure): string {
  return (
    `The connection to the box office dropped and it could not be reached again, so it is not known whether the ${NOUN[name]} went through. ` +
    `Once the connection is back, press the same button again: this ${NOUN[name]} is asked for again, never made twice.`
  );
}

/** Pauses before each retry: about eight seconds of asking in all. */
export const RETRY_PAUSES_MS: readonly number[] = [250, 500, 1000, 2000, 4000];

/**
 * A fresh key. crypto.randomUUID needs a secure context (HTTPS, localhost, the desktop's own
 * scheme); getRandomValues works everywhere, so a window opened some other way still gets keys.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SaleRequests {
  /**
   * Sends one sale-changing request with its key, asking again on HOST_UNREACHABLE. `onChecking`
   * hears the sentence to show while asking again, then null once the real answer is in.
   */
  send<K extends SaleProcedure>(name: K, input: SaleInput<K>, onChecking?: (words: string | null) => void): Promise<Result<OutputOf<K>>>;
}

export function createSaleRequests(options: {
  send: SendSale;
  newKey?: () => string;
  pausesMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}): SaleRequests {
  const newKey = options.newKey ?? newRequestKey;
  const pauses = options.pausesMs ?? RETRY_PAUSES_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // The one request whose answer is still unknown after every retry. Pressing the button again for
  // the very same request asks about it under its key; anything else is a new request, a new key.
  let unanswered: { name: SaleProcedure; asked: string; key: string } | null = null;

  return {
    async send(name, input, onChecking) {
      const asked = JSON.stringify(input);
      const key = unanswered && unanswered.name === name && unanswered.asked === asked ? unanswered.key : newKey();
      unanswered = { name, asked, key };
      const request = { ...input, idempotencyKey: key } as InputOf<typeof name>;
      let result = await options.send(name, request);
      for (const pause of pauses) {
        if (result.ok || result.error.code !== 'HOST_UNREACHABLE') break;
        onChecking?.(checkingWords(name));
        await sleep(pause);
        result = await options.send(name, request);
      }
      onChecking?.(null);
      if (!result.ok && result.error.code === 'HOST_UNREACHABLE') {
        return { ok: false, error: { code: 'HOST_UNREACHABLE', message: stillUnknownWords(name) } };
      }
      unanswered = null;
      return result;
    },
  };
}
