import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_HEADER } from '../../src-shared/http-bridge.ts';
import { API_V1_PREFIX } from '../../src-shared/version.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import { roleAtLeast } from '../staff/actor.ts';
import type { PairedWindows } from '../windows/paired-windows.ts';
import { sendError, sendJson } from './answers.ts';
import { buildOpenApiDocument } from './openapi-document.ts';
import { windowOfRequest, notPaired } from './window-auth.ts';

/** `GET /api/v1/openapi.json`: no procedure has a dot in its name, so it cannot shadow one. */
export const OPENAPI_PATH = `${API_V1_PREFIX}openapi.json`;

let document: Record<string, unknown> | null = null;

/**
 * The API's OpenAPI document, for a manager signed in at a paired window: it names every
 * procedure and who may call it, which is nothing a cashier or a stranger needs. Built once, on
 * the first ask, and kept (the contract does not change while the host runs).
 */
export function serveOpenApi(req: IncomingMessage, res: ServerResponse, deps: { dispatcher: Dispatcher; windows: PairedWindows }): void {
  if (req.method !== 'GET') return sendError(res, { code: 'BAD_INPUT', message: 'Use GET for the API document.' }, 405);
  const window = windowOfRequest(deps.windows, req);
  if (!window.ok) return sendError(res, window.error);
  if (window.standing.state === 'pending') return sendError(res, notPaired('pending', window.standing));
  const header = req.headers[SESSION_HEADER];
  const actor = deps.dispatcher.sessions.resolve(window.standing.stationId, typeof header === 'string' && header !== '' ? header : null);
  if (!actor) return sendError(res, { code: 'UNAUTHENTICATED', message: 'Nobody is signed in at this window; a manager signs in to read the API document.' });
  if (!roleAtLeast(actor.role, 'manager')) {
    return sendError(res, { code: 'FORBIDDEN', message: `The API document is for managers; ${actor.name} is signed in as a ${actor.role}.`, details: { needed: 'manager' } });
  }
  document ??= buildOpenApiDocument();
  sendJson(res, 200, document);
}
