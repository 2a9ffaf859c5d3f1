import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppError, Result } from '../../src-shared/errors.ts';
import { answerSafely } from '../net/bounded-body.ts';
import { httpStatusFor } from './http-status.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Every answer host mode writes goes through here: JSON, the security headers, never cached,
 * and never written to a response (or socket) that is already gone.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  options: { headers?: Record<string, string> } = {},
): void {
  const headers = { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...options.headers };
  answerSafely(res, status, headers, JSON.stringify(body));
}

export function sendResult(res: ServerResponse, result: Result<unknown>, headers?: Record<string, string>): void {
  sendJson(res, result.ok ? 200 : httpStatusFor(result.error.code), result, { headers });
}

/** A refusal with its own status where the code's usual one would mislead (405, 415). */
export function sendError(res: ServerResponse, error: AppError, status = httpStatusFor(error.code)): void {
  sendJson(res, status, { ok: false, error });
}

/** After refusing a body, this much more of it is read and thrown away before the connection is cut. */
const DISCARD_LIMIT_BYTES = 8 * 1024 * 1024;
const DISCARD_FOR_MS = 3_000;

/**
 * Refuses a request whose body was not read (413). Cutting the connection at once would make the
 * kernel reset it over the unread upload, and the client would see a reset instead of the
 * sentence; so the answer goes first, then the rest of the upload is read and thrown away (kept
 * nowhere) for a short while, then the connection is closed. An upload that already went away
 * gets nothing, and nothing is written to its socket.
 */
export function refuseUnreadBody(req: IncomingMessage, res: ServerResponse, error: AppError, status: number): void {
  const headers = { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (!answerSafely(res, status, headers, JSON.stringify({ ok: false, error }))) {
    req.socket?.destroy();
    return;
  }
  let discarded = 0;
  const cut = (): void => {
    clearTimeout(timer);
    req.socket?.destroy();
  };
  const timer = setTimeout(cut, DISCARD_FOR_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) cut();
  });
  req.once('end', () => clearTimeout(timer));
  req.resume();
}
