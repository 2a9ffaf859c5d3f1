import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { SESSION_HEADER, WINDOW_HEADER } from '../../src-shared/http-bridge.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { roleAtLeast } from '../staff/actor.ts';
import type { SessionActor, SessionStore } from '../staff/sessions.ts';
import type { ExportService } from '../exports/export-service.ts';
import type { PairedWindows } from '../windows/paired-windows.ts';
import { sendError } from './answers.ts';
import { securityHeaders } from './security-headers.ts';
import { windowOfRequest } from './window-auth.ts';

/** `GET /exports/<job id>/download`: a finished export's file. */
export const EXPORT_DOWNLOAD = /^\/exports\/([0-9A-HJKMNP-TV-Z]{26})\/download$/;

const TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface DownloadDeps {
  exports: ExportService;
  sessions: SessionStore;
  windows: PairedWindows;
  now: () => number;
}

/**
 * Who is asking: a one-use ticket from exportDownloadLink (a browser following a link), or the
 * window's token and session headers (a client that can send them). Either way the session must
 * still be a signed-in manager now, not only when the link was made.
 */
function askerOf(req: IncomingMessage, jobId: string, deps: DownloadDeps): SessionActor | null {
  const ticket = new URL(req.url ?? '/', 'http://host').searchParams.get('ticket');
  if (ticket) {
    const holder = deps.exports.tickets.redeem(ticket, jobId, deps.now());
    return holder ? deps.sessions.resolve(holder.stationId, holder.sessionSecret, { touch: false }) : null;
  }
  if (typeof req.headers[WINDOW_HEADER] !== 'string') return null;
  const window = windowOfRequest(deps.windows, req);
  const secret = req.headers[SESSION_HEADER];
  if (!window.ok || window.standing.state !== 'paired' || typeof secret !== 'string' || secret === '') return null;
  return deps.sessions.resolve(window.standing.stationId, secret, { touch: false });
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name, so "Zoë" survives every browser. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function handleExportDownload(req: IncomingMessage, res: ServerResponse, jobId: string, deps: DownloadDeps): void {
  if (req.method !== 'GET') return sendError(res, { code: 'BAD_INPUT', message: 'Only GET is served.' }, 405);
  const asker = askerOf(req, jobId, deps);
  if (!asker) return sendError(res, { code: 'UNAUTHENTICATED', message: 'Sign in as a manager and download the export from its Download link (each link works once, for a minute).' });
  if (!roleAtLeast(asker.role, 'manager')) return sendError(res, { code: 'FORBIDDEN', message: `Exports are for managers; ${asker.name} is signed in as a ${asker.role}.` });
  let file;
  try {
    file = deps.exports.file(jobId);
  } catch (error) {
    if (error instanceof MarqueeError) return sendError(res, error.toAppError());
    throw error;
  }
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': TYPES[extname(file.fileName)] ?? 'application/octet-stream',
    'content-length': String(file.bytes),
    'content-disposition': disposition(file.fileName),
    'cache-control': 'no-store',
  });
  createReadStream(file.path).on('error', () => res.destroy()).pipe(res);
}
