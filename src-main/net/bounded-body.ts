import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Reading a request body with a size limit, in a way that cannot crash the process. The old
 * 413 path threw out of a `for await` loop, which destroyed the request (and with it the
 * socket) and then wrote the 413 to that socket. Here the body is read with listeners that
 * are removed when the limit is passed; the request is paused, not destroyed, and the caller
 * answers through `answerSafely`, which writes only to a response that can still be written
 * and closes the connection afterwards so the rest of the upload is never read.
 */

export type BoundedBody = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/** Resolves with the body, or why there is none. Never rejects. */
export function readBoundedBody(req: IncomingMessage, limitBytes: number): Promise<BoundedBody> {
  return new Promise<BoundedBody>((resolve) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limitBytes) {
      // Known too large before a byte is read: leave the body unread.
      req.pause();
      resolve({ ok: false, reason: 'too-large' });
      return;
    }
    if (req.readableEnded) {
      resolve({ ok: true, body: Buffer.alloc(0) });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;

    const settle = (result: BoundedBody): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      // Stays attached: a late socket error on this request must not become an uncaught 'error'.
      req.on('error', ignore);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limitBytes) {
        chunks.length = 0;
        req.pause();
        settle({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => settle({ ok: true, body: Buffer.concat(chunks, size) });
    const onClose = (): void => settle({ ok: false, reason: 'aborted' });
    const onError = (): void => settle({ ok: false, reason: 'aborted' });

    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.on('error', onError);
  });
}

function ignore(): void {}

/** True while an answer can still be written: not ended, and neither the response nor its socket destroyed. */
export function canAnswer(res: ServerResponse): boolean {
  return !res.writableEnded && !res.destroyed && !res.headersSent && res.socket !== null && !res.socket.destroyed;
}

/**
 * Writes a complete answer if the response can still take one, otherwise does nothing.
 * With `close: true` (every answer that leaves a body unread, such as 413) the connection is
 * closed once the answer is out, so the unread rest of the upload is dropped, not read.
 * Returns whether the answer was written.
 */
export function answerSafely(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body: string | Buffer,
  options: { close?: boolean } = {},
): boolean {
  if (!canAnswer(res)) return false;
  try {
    const all: Record<string, string | number> = { ...headers, 'content-length': Buffer.byteLength(body) };
    if (options.close) all['connection'] = 'close';
    res.writeHead(status, all);
    res.end(body);
    if (options.close) {
      const socket = res.socket;
      res.once('finish', () => socket?.destroy());
    }
    return true;
  } catch {
    // The socket went away between the check and the write: nobody is left to answer.
    res.destroy();
    return false;
  }
}
