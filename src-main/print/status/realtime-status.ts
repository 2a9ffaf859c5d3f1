import type { PrinterState, PrinterStatus } from '../../../src-shared/contract/printing.ts';

/**
 * ESC/POS real-time status (DLE EOT n, `10 04 n`). The printer answers each request with one
 * byte at once, even while it cannot print; bits 1 and 4 are always 1 and bits 0 and 7 always 0,
 * which is how an answer is told apart from noise.
 */
const DLE_EOT_PRINTER = Buffer.from([0x10, 0x04, 0x01]);
const DLE_EOT_OFFLINE_CAUSE = Buffer.from([0x10, 0x04, 0x02]);
const DLE_EOT_ERROR_CAUSE = Buffer.from([0x10, 0x04, 0x03]);
const DLE_EOT_PAPER = Buffer.from([0x10, 0x04, 0x04]);

/** The four requests in order; the answer is four bytes in the same order. */
export const STATUS_REQUEST = Buffer.concat([DLE_EOT_PRINTER, DLE_EOT_OFFLINE_CAUSE, DLE_EOT_ERROR_CAUSE, DLE_EOT_PAPER]);
export const STATUS_REPLY_LENGTH = 4;

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export interface RealtimeStatus {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperLow: boolean;
  /** Stopped by a cutter, unrecoverable or auto-recoverable (e.g. head too hot) error. */
  error: 'cutter' | 'unrecoverable' | 'auto-recoverable' | null;
  drawerPin3High: boolean;
}

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;

/** Decodes the answers to DLE EOT 1, 2, 3 and 4 (in that order). */
export function decodeRealtimeStatus(reply: ArrayLike<number>): RealtimeStatus {
  const [printer = 0x12, offline = 0x12, error = 0x12, paper = 0x12] = Array.from(reply);
  return {
    offline: bit(printer, 3),
    coverOpen: bit(offline, 2),
    // Either the paper-end sensor (n=4, bits 5-6) or "stopped by paper end" (n=2, bit 5).
    paperOut: bit(paper, 5) || bit(paper, 6) || bit(offline, 5),
    paperLow: bit(paper, 2) || bit(paper, 3),
    error: bit(error, 3) ? 'cutter' : bit(error, 5) ? 'unrecoverable' : bit(error, 6) ? 'auto-recoverable' : null,
    drawerPin3High: bit(printer, 2),
  };
}

/** Builds the status bytes a printer in this condition would send; the fake printer answers with these. */
export function encodeRealtimeStatus(status: Partial<RealtimeStatus>): Buffer {
  let printer = 0x12;
  let offline = 0x12;
  let error = 0x12;
  let paper = 0x12;
  const stopped = Boolean(status.coverOpen || status.paperOut || status.error || status.offline);
  if (status.drawerPin3High) printer |= 1 << 2;
  if (stopped) printer |= 1 << 3;
  if (status.coverOpen) offline |= 1 << 2;
  if (status.paperOut) offline |= 1 << 5;
  if (status.error) offline |= 1 << 6;
  if (status.error === 'cutter') error |= 1 << 3;
  if (status.error === 'unrecoverable') error |= 1 << 5;
  if (status.error === 'auto-recoverable') error |= 1 << 6;
  if (status.paperLow || status.paperOut) paper |= (1 << 2) | (1 << 3);
  if (status.paperOut) paper |= (1 << 5) | (1 << 6);
  return Buffer.from([printer, offline, error, paper]);
}

const ERROR_WORDS = {
  cutter: 'Cutter jammed',
  unrecoverable: 'Printer fault: switch it off and on',
  'auto-recoverable': 'Print head too hot: waiting for it to cool',
} as const;

/** The one state and sentence staff see; the most actionable problem wins. */
export function describeRealtimeStatus(status: RealtimeStatus): { state: PrinterState; words: string } {
  if (status.coverOpen) return { state: 'cover_open', words: 'Cover open' };
  if (status.paperOut) return { state: 'paper_out', words: 'Paper out' };
  if (status.error) return { state: 'error', words: ERROR_WORDS[status.error] };
  if (status.offline) return { state: 'offline', words: 'Offline' };
  if (status.paperLow) return { state: 'paper_low', words: 'Paper low' };
  return { state: 'ready', words: 'Ready' };
}

/** Only these states stop a job from being sent; 'paper_low' still prints. */
export function canPrint(state: PrinterState): boolean {
  return state === 'ready' || state === 'paper_low' || state === 'unknown';
}

export function unknownStatus(): PrinterStatus {
  return { state: 'unknown', words: 'Not checked yet', reportsStatus: false, checkedAt: null };
}
