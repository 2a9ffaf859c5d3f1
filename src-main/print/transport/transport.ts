import { MarqueeError } from '../../../src-shared/errors.ts';

/** What a quick look at the printer found. */
export interface StatusProbe {
  reachable: boolean;
  /** The four answers to DLE EOT 1..4, or null when the printer did not answer them. */
  reply: Buffer | null;
  /** Why it could not be reached, in words ("Not answering at 127.0.0.1:9100"). */
  problem: string | null;
}

export interface SendOptions {
  /** Ask the printer's status (DLE EOT) first; skipped for printers known not to answer. */
  askStatus: boolean;
  /**
   * Called once, right before the job's first byte, with the status answer (null if not asked):
   * null goes ahead; a sentence ("Paper out") stops it with nothing written (`notReady`).
   */
  beforeFirstByte(probe: StatusProbe | null): string | null;
}

/**
 * How bytes reach one printer. The queue only knows this interface, so tests and other
 * connections (a serial library, a cloud relay) can be plugged in without touching it.
 */
export interface PrinterTransport {
  /** The address in words, for status sentences. */
  readonly where: string;
  probe(): Promise<StatusProbe>;
  /** Resolves once the printer (or the OS spooler) has taken every byte. */
  send(bytes: Buffer, options?: SendOptions): Promise<void>;
}

/**
 * A failure that waiting will not cure (no driver module, bad address): the job stops as
 * 'failed' instead of retrying, and staff move or cancel it.
 */
export function permanentFailure(message: string): MarqueeError {
  return new MarqueeError('PRINTER_UNAVAILABLE', message, { permanent: true });
}

/** The printer answered but cannot print now (paper out, cover open): nothing was sent. */
export function notReady(words: string): MarqueeError {
  return new MarqueeError('PRINTER_UNAVAILABLE', words, { notReady: true });
}

export function isNotReady(error: unknown): boolean {
  return error instanceof MarqueeError && error.details?.['notReady'] === true;
}

/** For transports that cannot ask in-band: a separate look first, then the go-ahead. */
export async function goAhead(transport: PrinterTransport, options: SendOptions | undefined): Promise<void> {
  if (!options) return;
  const objection = options.beforeFirstByte(options.askStatus ? await transport.probe() : null);
  if (objection !== null) throw notReady(objection);
}

export function isPermanentFailure(error: unknown): boolean {
  return error instanceof MarqueeError && error.details?.['permanent'] === true;
}

/** Libraries reject with strings and bare objects too; this always gives a sentence. */
export function errorWords(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'unknown error';
}
