import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMarqueeError, type ErrorCode } from '../../../src-shared/errors.ts';
import { describeIssues } from '../../api/dispatcher.ts';
import type { PrintService } from '../print-service.ts';
import { PreviewQuery, SubmitJobBody } from './print-api-schemas.ts';

/** Base64 of a few megabytes of ESC/POS (a long report with images) plus JSON around it. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LAYOUT_INVALID: 422,
  IMAGE_INVALID: 422,
  PRINTER_UNAVAILABLE: 503,
};

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Callers from other machines are refused unless the LAN bind is on. */
export function refuseForeignCaller(remoteAddress: string | undefined, allowLan: boolean): void {
  if (!allowLan && !isLoopback(remoteAddress)) {
    throw new HttpProblem(403, 'The print API only accepts calls from this computer; a manager can allow the local network in Settings → Printing.');
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The local print API (/v1): other programs on this computer (a kiosk, a web shop's pick-up
 * desk) list printers and layouts, submit jobs and read their state. Every call needs the bearer
 * token; callers from other machines are refused unless a manager switched the LAN bind on.
 */
export class PrintApiServer {
  private server: Server | null = null;
  private url: string | null = null;
  private problem: string | null = null;
  private allowLan = false;

  constructor(private readonly service: PrintService) {}

  state(): { running: boolean; url: string | null; problem: string | null } {
    return { running: this.server !== null, url: this.url, problem: this.problem };
  }

  /** (Re)starts on the given port; a taken port becomes `problem`, never an exception. */
  async listen(options: { port: number; allowLan: boolean; host?: string | undefined }): Promise<void> {
    await this.close();
    this.allowLan = options.allowLan;
    // `host` is for tests that need a non-loopback caller to reach the refusal below.
    const host = options.host ?? (options.allowLan ? '0.0.0.0' : '127.0.0.1');
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.fail(res, error));
    });
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.problem =
        code === 'EADDRINUSE'
          ? `Port ${options.port} is already used by another program; choose another port for the print API.`
          : `The print API could not listen on port ${options.port}: ${(error as Error).message}`;
      this.url = null;
      return;
    }
    server.on('error', (error) => console.error('[marquee] print API server error', error));
    const port = (server.address() as AddressInfo).port;
    this.server = server;
    this.problem = null;
    this.url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/v1`;
  }

  /** The address actually bound: 127.0.0.1 unless the LAN bind is on. */
  get boundAddress(): string | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.address : null;
  }

  get port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : null;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.url = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    refuseForeignCaller(req.socket.remoteAddress, this.allowLan);
    this.authenticate(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'v1') throw new HttpProblem(404, `There is nothing at ${url.pathname}; the print API lives under /v1.`);
    const route = `${req.method} /${parts.slice(1).map((p, i) => (i === 1 ? ':id' : p)).join('/')}`;
    const id = parts[2] === undefined ? '' : decodeURIComponent(parts[2]);

    switch (route) {
      case 'GET /printers':
        return this.json(res, 200, { printers: this.service.listPrinters() });
      case 'GET /layouts':
        return this.json(res, 200, { layouts: await this.service.requireLayouts().list() });
      case 'GET /jobs/:id':
        return this.json(res, 200, { job: this.service.queue.view(id) });
      case 'POST /jobs':
        return this.json(res, 201, { job: await this.submitJob(await this.readJson(req)) });
      case 'GET /layouts/:id/preview.png':
      case 'GET /layouts/:id/preview': {
        const query = PreviewQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) throw new HttpProblem(400, `Bad preview request: ${describeIssues(query.error)}`);
        const png = await this.service.requireLayouts().previewPng(id, query.data.widthDots);
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' });
        res.end(png);
        return;
      }
    }
    const known = ['/printers', '/layouts', '/jobs', '/jobs/:id', '/layouts/:id/preview.png', '/layouts/:id/preview'];
    const path = route.slice(route.indexOf(' ') + 1);
    if (known.includes(path)) throw new HttpProblem(405, `${req.method} is not allowed on ${url.pathname}.`);
    throw new HttpProblem(404, `There is nothing at ${url.pathname}.`);
  }

  private authenticate(req: IncomingMessage): void {
    const header = req.headers.authorization;
    const challenge = { 'www-authenticate': 'Bearer realm="marquee-print"' };
    if (!header) {
      throw new HttpProblem(401, "Send the print API token as 'Authorization: Bearer <token>'; managers find it in Settings → Printing.", challenge);
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !sameToken(match[1]!, this.service.apiToken())) {
      throw new HttpProblem(401, 'That print API token is not valid (it may have been rotated); ask a manager for the current one.', challenge);
    }
  }

  private async submitJob(body: unknown) {
    const parsed = SubmitJobBody.safeParse(body);
    if (!parsed.success) throw new HttpProblem(400, `Bad print job: ${describeIssues(parsed.error)}`);
    const job = parsed.data;
    if (job.layout !== undefined) {
      return this.service.submitLayout({
        layoutId: job.layout,
        data: job.data ?? {},
        ...(job.kind ? { kind: job.kind } : {}),
        printerId: job.printerId,
        label: job.label,
        source: 'api',
      });
    }
    const bytes = Buffer.from(job.bytes!, 'base64');
    return this.service.submit({
      source: 'api',
      jobs: [{ kind: job.kind ?? 'ticket', bytes, label: job.label ?? 'Raw ESC/POS from the print API', printerId: job.printerId }],
    }).jobs[0]!;
  }

  private async readJson(req: IncomingMessage): Promise<unknown> {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new HttpProblem(415, "Send the job as JSON with 'Content-Type: application/json'.");
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) throw new HttpProblem(413, `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { connection: 'close' });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw new HttpProblem(413, `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { connection: 'close' });
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') throw new HttpProblem(400, 'The body is empty; send a JSON object describing the job.');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new HttpProblem(400, 'The body is not valid JSON.');
    }
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(text);
  }

  private fail(res: ServerResponse, error: unknown): void {
    let status = 500;
    let message = 'Something went wrong in the print API; it has been logged.';
    let code: string = 'INTERNAL';
    let headers: Record<string, string> = {};
    if (error instanceof HttpProblem) {
      status = error.status;
      message = error.message;
      headers = error.headers;
      code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'BAD_INPUT';
    } else if (isMarqueeError(error)) {
      status = STATUS_FOR[error.code] ?? 500;
      message = error.message;
      code = error.code;
    } else {
      console.error('[marquee] print API request failed', error);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    this.json(res, status, { error: { code, message } }, headers);
    if (headers['connection'] === 'close') res.once('finish', () => res.req.socket.destroy());
  }
}
