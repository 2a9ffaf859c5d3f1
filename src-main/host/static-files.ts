import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { answerSafely } from '../net/bounded-body.ts';
import { securityHeaders } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built renderer. `pathname` is already decoded (a malformed escape was answered 400
 * before this). Paths are resolved inside `root` only; anything else that is not a file falls back
 * to index.html so the renderer's own routes load. A file that fails while it is read ends the
 * response; it never throws out of the request.
 */
export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const candidate = normalize(join(root, pathname));
  const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
  const file = inside && (await isFile(candidate)) ? candidate : join(root, 'index.html');
  if (!(await isFile(file))) {
    answerSafely(
      res,
      503,
      { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' },
      'The screens are not built yet: run `npm run build:renderer` (npm run serve does it for you).',
    );
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  if (res.destroyed || res.headersSent) return;
  res.writeHead(200, { ...securityHeaders, 'content-type': type, 'cache-control': cache });
  pipeline(createReadStream(file), res, () => {
    // Read errors and clients that leave half-way end here: the response is simply closed.
  });
}
