import type { ErrorCode } from '../../src-shared/errors.ts';

/** The envelope carries the code; the status lets curl and proxies see the class of failure too. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'BAD_INPUT':
    case 'PLAN_INVALID':
    case 'LAYOUT_INVALID':
    case 'IMAGE_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'LOCKED':
    case 'NOT_PAIRED':
      return 403;
    case 'SLOW_DOWN':
      return 429;
    case 'VERSION_MISMATCH':
      // The old path answers 410 itself (server.ts); a version it cannot serve is the window's to change.
      return 409;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'SEATS_UNAVAILABLE':
    case 'OFF_SALE':
    case 'HOLD_EXPIRED':
    case 'PAYMENT_SHORT':
      return 409;
    case 'PRINTER_UNAVAILABLE':
    case 'SYNC_FAILED':
    case 'HOST_UNREACHABLE':
    case 'STORAGE':
      return 503;
    case 'INTERNAL':
      return 500;
  }
}
