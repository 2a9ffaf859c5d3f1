import type { IncomingMessage, ServerResponse } from 'node:http';
import { procedures, type ProcedureName } from '../../src-shared/contract/index.ts';
import { SESSION_HEADER } from '../../src-shared/http-bridge.ts';
import type { CallContext, Dispatcher } from '../api/dispatcher.ts';
import { callPrintingAtWindow, PRINTS_HERE_HEADER, WINDOW_PRINT_FIELD } from '../app/print-at-window.ts';
import { readBoundedBody } from '../net/bounded-body.ts';
import type { PairedWindows } from '../windows/paired-windows.ts';
import { refuseUnreadBody, sendError, sendResult } from './answers.ts';
import { notPaired, windowOfRequest } from './window-auth.ts';

/** Large enough for a plan import or a logo; anything bigger is refused before it is kept. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** The one procedure a window waiting for a manager may call. */
const WHILE_PENDING: ProcedureName = 'pairingStatus';

/**
 * `POST /api/<procedure>`: the window is named by its token first (an unpaired caller gets
 * NOT_PAIRED and nothing else, before its body is even read), then the body is read within the
 * limit and the one dispatcher does the rest.
 */
export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  deps: { dispatcher: Dispatcher; windows: PairedWindows },
): Promise<void> {
  const window = windowOfRequest(deps.windows, req);
  if (!window.ok) return sendError(res, window.error);
  const { standing } = window;
  if (standing.state === 'pending' && name !== WHILE_PENDING) return sendError(res, notPaired('pending', standing));

  if (req.method !== 'POST') return sendError(res, { code: 'BAD_INPUT', message: 'Use POST for procedures.' }, 405);
  if (!Object.hasOwn(procedures, name)) return sendError(res, { code: 'NOT_FOUND', message: 'There is no such procedure.' });
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, { code: 'BAD_INPUT', message: 'Send the request body as application/json.' }, 415);
  }
  const body = await readBoundedBody(req, MAX_BODY_BYTES);
  if (!body.ok) return refuseUnreadBody(req, res, { code: 'BAD_INPUT', message: 'The request body is larger than 25 MB.' }, 413);
  let input: unknown;
  try {
    const text = body.body.toString('utf8');
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable';
    return sendError(res, { code: 'BAD_INPUT', message: `The request body is not valid JSON: ${detail}.` });
  }
  const sessionHeader = req.headers[SESSION_HEADER];
  const given = typeof sessionHeader === 'string' && sessionHeader !== '' ? sessionHeader : null;
  const ctx: CallContext = { transport: 'http', stationId: standing.stationId, peer: req.socket.remoteAddress ?? 'unknown', sessionSecret: given };
  const call = () => deps.dispatcher.call(name as ProcedureName, input, ctx);
  // A terminal prints its own documents (app/print-at-window.ts): they travel back in the answer.
  const atWindow = req.headers[PRINTS_HERE_HEADER] === '1' ? await callPrintingAtWindow(call) : { answer: await call(), print: [] };
  const result = atWindow.print.length > 0 && atWindow.answer.ok ? { ...atWindow.answer, [WINDOW_PRINT_FIELD]: atWindow.print } : atWindow.answer;
  // Sign-in issued a secret (or sign-out cleared it): the window keeps it and sends it back.
  sendResult(res, result, ctx.sessionSecret !== given ? { [SESSION_HEADER]: ctx.sessionSecret ?? '' } : undefined);
}
