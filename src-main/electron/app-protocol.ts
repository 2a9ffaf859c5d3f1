import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { securityHeaders } from '../host/security-headers.ts';
import { APP_HOST, APP_SCHEME } from './app-scheme.ts';

// The types the built renderer contains (and a few it may one day). Anything else goes out as
// octet-stream, which with `nosniff` the page cannot run or style with.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** What the handler reads of the request Electron hands it (a fetch Request). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export type AppProtocolHandler = (request: AppRequest) => Promise<Response>;

/** The slice of Electron's `protocol` module used here. */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  unhandle(scheme: string): void;
}

type Located = { file: string } | { status: 400 | 404 | 405; message: string };

/**
 * The handler for `app://marquee/…`: the files of `rendererDir` and nothing else. Traversal in any
 * spelling (`..`, `%2e%2e`, an encoded slash or backslash), a symbolic link that leads out of the
 * folder, a malformed escape or another host is refused with a 4xx; the promise never rejects, so
 * no request can surface Electron's own error page or an unhandled rejection.
 */
export function serveRenderer(rendererDir: string): AppProtocolHandler {
  return async (request) => {
    try {
      const located = locate(request, rendererDir);
      if ('status' in located) return answer(located.status, located.message);
      return await readInside(rendererDir, located.file, request.method === 'HEAD');
    } catch (error) {
      console.error('[marquee] the app:// handler failed', error);
      return answer(500, 'The box-office screen could not be loaded; the error has been logged.');
    }
  };
}

/** Registers the handler on the default session's `app:` scheme; returns how to remove it. */
export function handleAppProtocol(protocol: ProtocolLike, rendererDir: string): () => void {
  protocol.handle(APP_SCHEME, serveRenderer(rendererDir));
  return () => protocol.unhandle(APP_SCHEME);
}

/** Turns the URL into a path under `rendererDir`, checking every segment after decoding it. */
function locate(request: AppRequest, rendererDir: string): Located {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, message: 'The box-office screens can only be read.' };
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { status: 400, message: 'That address is not a valid URL.' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { status: 404, message: 'There is nothing at that address.' };
  }
  const raw = url.pathname === '' || url.pathname === '/' ? ['index.html'] : url.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { status: 400, message: 'That address has a malformed %-escape.' };
    }
    // Checked after decoding, so `%2e%2e`, `..%2f` and `..%5c` (a separator on Windows) count too.
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) {
      return { status: 400, message: 'That address tries to leave the box-office screens.' };
    }
    // An empty segment (`//`, a trailing slash) names a folder, and dot-files are never part of a build.
    if (segment === '' || segment.startsWith('.')) return { status: 404, message: 'There is nothing at that address.' };
    segments.push(segment);
  }
  return { file: join(rendererDir, ...segments) };
}

/** Reads the file once its real path (links resolved) is known to be inside the folder. */
async function readInside(rendererDir: string, file: string, headOnly: boolean): Promise<Response> {
  let root: string;
  try {
    root = await realpath(rendererDir);
  } catch {
    return answer(503, 'The screens are not built yet: run `npm run build:renderer`.');
  }
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return answer(404, 'There is nothing at that address.');
  }
  if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return answer(404, 'There is nothing at that address.');
  }
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) return answer(404, 'There is nothing at that address.');
  const body = headOnly ? null : await readFile(real);
  return new Response(body, {
    status: 200,
    headers: {
      ...securityHeaders,
      'content-type': CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
    },
  });
}

function answer(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' },
  });
}
