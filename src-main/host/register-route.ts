import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WindowRegistration } from '../../src-shared/contract/windows.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { readBoundedBody } from '../net/bounded-body.ts';
import type { WindowRegistration as Registration } from '../windows/window-registration.ts';
import { refuseUnreadBody, sendError, sendResult } from './answers.ts';

/** A name is all a registration carries. */
const MAX_REGISTRATION_BYTES = 4096;

/**
 * `POST /window/register {"name": "..."}`: a browser window asks for its token. One on this
 * computer is paired at once; one from elsewhere waits with a code for a manager (who hears
 * `windowsChanged`). The limits live in WindowRegistration.
 */
export async function handleRegistration(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { office: BoxOffice; registration: Registration; isLocal: (address: string) => boolean; fingerprint: string | null },
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, { code: 'BAD_INPUT', message: 'Use POST to register a window.' }, 405);
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, { code: 'BAD_INPUT', message: 'Send the request body as application/json.' }, 415);
  }
  const body = await readBoundedBody(req, MAX_REGISTRATION_BYTES);
  if (!body.ok) return refuseUnreadBody(req, res, { code: 'BAD_INPUT', message: 'A window registration carries only a name.' }, 413);
  let name: unknown = '';
  try {
    const text = body.body.toString('utf8');
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (parsed && typeof parsed === 'object') name = (parsed as { name?: unknown }).name ?? '';
  } catch {
    return sendError(res, { code: 'BAD_INPUT', message: 'The registration is not valid JSON.' });
  }
  const address = req.socket.remoteAddress ?? 'unknown';
  let registered: ReturnType<Registration['register']>;
  try {
    registered = deps.registration.register({ local: deps.isLocal(address), address, name });
  } catch (error) {
    if (error instanceof MarqueeError) return sendError(res, error.toAppError());
    throw error;
  }
  const { token, standing } = registered;
  if (standing.state === 'pending') deps.office.bus.emit('windowsChanged', {});
  const value: WindowRegistration = {
    token,
    state: standing.state === 'pending' ? 'pending' : 'paired',
    windowName: standing.name,
    pairingCode: standing.pairingCode,
    expiresAt: standing.expiresAt,
    fingerprint: deps.fingerprint,
  };
  sendResult(res, { ok: true, value });
}
