import type { IncomingMessage } from 'node:http';
import { WINDOW_HEADER, type NotPairedReason } from '../../src-shared/http-bridge.ts';
import type { AppError } from '../../src-shared/errors.ts';
import type { PairedWindows, WindowStanding } from '../windows/paired-windows.ts';

const SENTENCES: Record<Exclude<NotPairedReason, 'pending'>, string> = {
  missing: 'This browser window has not registered with the box office; reload the page.',
  unknown: 'The box office does not know this window (its request may have expired); reload the page to register again.',
  revoked: 'A manager has removed this window from the box office; ask a manager to pair it again.',
};

/** The one refusal an unpaired window gets, whatever it asked for. */
export function notPaired(reason: NotPairedReason, standing?: WindowStanding): AppError {
  if (reason === 'pending') {
    return {
      code: 'NOT_PAIRED',
      message: `This window is waiting to be paired: a signed-in manager approves code ${standing?.pairingCode ?? ''} on their Windows screen.`,
      details: { reason, pairingCode: standing?.pairingCode ?? null, expiresAt: standing?.expiresAt ?? null },
    };
  }
  return { code: 'NOT_PAIRED', message: SENTENCES[reason], details: { reason } };
}

/**
 * The window a request comes from, named by the token in its `x-marquee-window` header (issued by
 * this host), or the NOT_PAIRED refusal. A pending window is returned as such: the caller decides
 * what it may still ask (its pairing status, nothing else).
 */
export function windowOfRequest(windows: PairedWindows, req: IncomingMessage): { ok: true; standing: WindowStanding } | { ok: false; error: AppError } {
  const header = req.headers[WINDOW_HEADER];
  if (typeof header !== 'string' || header === '') return { ok: false, error: notPaired('missing') };
  const standing = windows.lookup(header);
  if (!standing) return { ok: false, error: notPaired('unknown') };
  if (standing.state === 'revoked') return { ok: false, error: notPaired('revoked') };
  return { ok: true, standing };
}
