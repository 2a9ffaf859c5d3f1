import { z } from 'zod';

/** Every failure that crosses the contract is one of these codes, with a sentence a cashier can read. */
export const errorCodes = [
  'BAD_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'SEATS_UNAVAILABLE',
  'OFF_SALE',
  'PLAN_INVALID',
  'LAYOUT_INVALID',
  'IMAGE_INVALID',
  'PRINTER_UNAVAILABLE',
  'PAYMENT_SHORT',
  'HOLD_EXPIRED',
  'LOCKED',
  'SYNC_FAILED',
  'HOST_UNREACHABLE',
  /** Host mode: this browser window has not been paired by a manager yet. */
  'NOT_PAIRED',
  /** Wrong PINs from this window: it must wait before the next try. */
  'SLOW_DOWN',
  /** The disk or the database file failed (full, read-only, damaged). */
  'STORAGE',
  /** The window runs a Marquee the host cannot serve (src-shared/version.ts): the message says which to update. */
  'VERSION_MISMATCH',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Thrown by the core and by the renderer's client alike; the dispatcher turns it into an
 * `AppError` value so that only `code`, `message` and `details` ever leave the process.
 */
export class MarqueeError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'MarqueeError';
    this.code = code;
    this.details = details;
  }

  toAppError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isMarqueeError(value: unknown): value is MarqueeError {
  return value instanceof MarqueeError;
}
