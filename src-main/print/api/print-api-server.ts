import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { isMarqueeError, MarqueeError, type ErrorCode } from '../../../src-shared/errors.ts';
import { describeIssues } from '../../../src-shared/describe-issues.ts';
import { createHostCheck, type HostCheck } from '../../net/allowed-hosts.ts';
import { answerSafely, canAnswer, readBoundedBody } from '../../net/bounded-body.ts';
import { withoutHostPaths } from '../../net/host-paths.ts';
import { decodePathSegments } from '../../net/safe-path.ts';
import type { PrintApiPort } from './print-api-port.ts';
import { drawerCommandsIn } from './drawer-in-bytes.ts';
import { PreviewQuery, SubmitJobBody } from './print-api-schemas.ts';
import { matchRoute, PRINT_API_SCOPES, scopeRefusal, type PrintApiRouteName, type PrintApiScope } from './print-api-routes.ts';

/** Base64 of a few megabytes of ESC/POS (a long report with images) plus JSON around it. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The audit_log action written when raw bytes from the print API may open the cash drawer. */
export const DRAWER_AUDIT_ACTION = 'print-api.drawer-opened';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The caller hung up before its request was read: there is nobody to answer. */
class CallerGone extends Error {}

const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LAYOUT_INVALID: 422,
  IMAGE_INVALID: 422,
  PRINTER_UNAVAILABLE: 503,
  STORAGE: 503,
};

const CODE_FOR_STATUS: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

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

/**
 * The names a request may call this server by, besides loopback: the address it listens on, or
 * with the LAN bind (every interface) this computer's addresses and its name.
 */
export function namesForBind(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((entry) => (entry ? [entry.address] : []));
  const name = hostname().toLowerCase();
  return [...addresses, name, `${name}.local`];
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Who is calling, as far as the token tells. */
interface PrintApiCaller {
  holder: string;
  /** Names the token in the audit log without revealing it: the start of its SHA-256. */
  tokenFingerprint: string;
  scopes: ReadonlySet<PrintApiScope>;
}

interface RouteCall {
  req: IncomingMessage;
  res: ServerResponse;
  id: string;
  query: URLSearchParams;
  caller: PrintApiCaller;
}

type RouteHandlers = { [K in PrintApiRouteName]: (call: RouteCall) => Promise<void> };

/**
 * The local print API (/v1): other programs on this computer (a kiosk, a web shop's pick-up
 * desk) list printers and layouts, submit jobs and read their state. Every call needs the bearer
 * token; callers from other machines are refused unless a manager switched the LAN bind on; the
 * Host and Origin a request carries must name this server. No request can take the process down:
 * every failure is caught and answered with a sentence, and answers go only to sockets still open.
 */
export class PrintApiServer {
  private server: Server | null = null;
  private url: string | null = null;
  private problem: string | null = null;
  private allowLan = false;
  private hostCheck: HostCheck | null = null;

  /** One handler per route of PRINT_API_ROUTES: the type demands each, and allows no other. */
  readonly handlers: RouteHandlers = {
    listPrinters: async ({ res }) => this.json(res, 200, { printers: this.service.listPrinters() }),
    listLayouts: async ({ res }) => this.json(res, 200, { layouts: await this.service.requireLayouts().list() }),
    previewLayoutPng: (call) => this.preview(call),
    previewLayout: (call) => this.preview(call),
    submitJob: async ({ req, res, caller }) => this.json(res, 201, { job: await this.submitJob(await this.readJson(req), caller, req) }),
    readJob: async ({ res, id }) => this.json(res, 200, { job: this.service.queue.view(id) }),
  };

  constructor(private readonly service: PrintApiPort) {}

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
      this.handle(req, res).catch((error: unknown) => this.fail(req, res, error));
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
          : `The print API could not listen on port ${options.port} (${code ?? 'unknown error'}).`;
      this.url = null;
      return;
    }
    server.on('error', (error) => console.error('[marquee] print API server error', error));
    const port = (server.address() as AddressInfo).port;
    this.hostCheck = createHostCheck({ names: namesForBind(host), port, scheme: 'http' });
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
    this.checkHostAndOrigin(req);
    const caller = this.authenticate(req);
    const rawUrl = req.url ?? '/';
    const segments = decodePathSegments(rawUrl);
    if (segments === null) {
      throw new HttpProblem(400, 'The address is not a valid path (it has a broken %-escape); check how the URL is built.');
    }
    const path = `/${segments.join('/')}`;
    if (segments[0] !== 'v1') throw new HttpProblem(404, `There is nothing at ${path}; the print API lives under /v1.`);
    const match = matchRoute(req.method ?? '', segments.slice(1));
    if (match.kind === 'none') throw new HttpProblem(404, `There is nothing at ${path}.`);
    if (match.kind === 'wrong-method') {
      throw new HttpProblem(405, `${req.method} is not allowed on ${path}; use ${match.allowed.join(' or ')}.`, { allow: match.allowed.join(', ') });
    }
    const refusal = scopeRefusal(match.route, caller.scopes);
    if (refusal) throw new HttpProblem(403, refusal);
    const queryAt = rawUrl.indexOf('?');
    const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1).split('#')[0]);
    await this.handlers[match.name]({ req, res, id: match.id ?? '', query, caller });
  }

  /** DNS rebinding: a web page under another name reaching 127.0.0.1 must not be served. */
  private checkHostAndOrigin(req: IncomingMessage): void {
    const check = this.hostCheck;
    if (!check || !check.hostAllowed(req.headers.host)) {
      throw new HttpProblem(403, 'This print API answers only to the names of this computer (such as 127.0.0.1 or localhost) with its own port.');
    }
    if (!check.originAllowed(req.headers.origin)) {
      throw new HttpProblem(403, 'Calls from web pages of other sites are refused; call the print API from a program on this computer.');
    }
  }

  private authenticate(req: IncomingMessage): PrintApiCaller {
    const header = req.headers.authorization;
    const challenge = { 'www-authenticate': 'Bearer realm="marquee-print"' };
    if (!header) {
      throw new HttpProblem(401, "Send the print API token as 'Authorization: Bearer <token>'; managers find it in Settings → Printing.", challenge);
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = this.service.apiToken();
    if (!match || !sameToken(match[1]!, token)) {
      throw new HttpProblem(401, 'That print API token is not valid (it may have been rotated); ask a manager for the current one.', challenge);
    }
    // The station has one token and it holds every scope; the table still checks each route,
    // so a narrower token (a kiosk that may only print) needs no change to the routes.
    return {
      holder: "the station's print API token (managers see it in Settings → Printing)",
      tokenFingerprint: createHash('sha256').update(token).digest('hex').slice(0, 12),
      scopes: new Set(PRINT_API_SCOPES),
    };
  }

  private async preview({ res, id, query }: RouteCall): Promise<void> {
    const parsed = PreviewQuery.safeParse(Object.fromEntries(query));
    if (!parsed.success) throw new HttpProblem(400, `Bad preview request: ${describeIssues(parsed.error)}`);
    const png = await this.service.requireLayouts().previewPng(id, parsed.data.widthDots);
    answerSafely(res, 200, { 'content-type': 'image/png', 'cache-control': 'no-store' }, png);
  }

  private async submitJob(body: unknown, caller: PrintApiCaller, req: IncomingMessage) {
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
    const kind = job.kind ?? 'ticket';
    const label = job.label ?? 'Raw ESC/POS from the print API';
    // The printer is chosen here, not by the queue, so the bytes are checked in its command set.
    const printer = job.printerId ? this.service.printerView(job.printerId) : this.service.listPrinters().find((p) => p.jobKinds.includes(kind));
    if (!printer) return this.service.submit({ source: 'api', jobs: [{ kind, bytes, label }] }).jobs[0]!;

    const drawer = drawerCommandsIn(bytes, printer.type);
    if (drawer.count > 0) {
      if (!caller.scopes.has('drawer')) throw new HttpProblem(403, "This print API token may not open the cash drawer: it needs the 'drawer' scope.");
      if (!job.drawer) {
        throw new HttpProblem(
          403,
          `These bytes would open the cash drawer (${drawer.first.join(', ')}). The print API opens it only when the job says who asks and why: add "drawer": {"by": "...", "reason": "..."}; the opening is written to the audit log.`,
        );
      }
    }
    const queued = this.service.submit({ source: 'api', jobs: [{ kind, bytes, label, printerId: printer.id }] }).jobs[0]!;
    if (drawer.count > 0 && job.drawer) {
      // Synchronous with the submit: the queue sends nothing before this code returns, so a job
      // whose audit row could not be written is cancelled before a byte goes out.
      try {
        this.service.recordAudit(DRAWER_AUDIT_ACTION, {
          jobId: queued.id,
          printerId: printer.id,
          printerName: printer.name,
          label,
          by: job.drawer.by,
          reason: job.drawer.reason,
          commands: drawer.first,
          count: drawer.count,
          holder: caller.holder,
          tokenFingerprint: caller.tokenFingerprint,
          from: req.socket.remoteAddress ?? null,
        });
      } catch (error) {
        this.service.queue.cancel(queued.id);
        console.error('[marquee] print API: the drawer opening could not be audited', error);
        throw new MarqueeError('STORAGE', 'The job would open the cash drawer, but the audit log could not be written, so it was not printed; try again once the disk is fine.');
      }
    }
    return queued;
  }

  private async readJson(req: IncomingMessage): Promise<unknown> {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new HttpProblem(415, "Send the job as JSON with 'Content-Type: application/json'.");
    }
    const body = await readBoundedBody(req, MAX_BODY_BYTES);
    if (!body.ok) {
      if (body.reason === 'aborted') throw new CallerGone();
      throw new HttpProblem(413, `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { connection: 'close' });
    }
    const text = body.body.toString('utf8');
    if (text.trim() === '') throw new HttpProblem(400, 'The body is empty; send a JSON object describing the job.');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new HttpProblem(400, 'The body is not valid JSON.');
    }
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, close = false): void {
    answerSafely(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }, JSON.stringify(body), { close });
  }

  /** Never throws: it runs where a throw would be an unhandled rejection. */
  private fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    try {
      if (error instanceof CallerGone) return;
      let status = 500;
      let message = 'Something went wrong in the print API; it has been logged.';
      let code: string = 'INTERNAL';
      let headers: Record<string, string> = {};
      if (error instanceof HttpProblem) {
        status = error.status;
        message = error.message;
        headers = { ...error.headers };
        code = CODE_FOR_STATUS[status] ?? 'BAD_INPUT';
      } else if (isMarqueeError(error) && error.code !== 'INTERNAL') {
        status = STATUS_FOR[error.code] ?? 500;
        message = withoutHostPaths(error.message);
        code = error.code;
      } else {
        console.error('[marquee] print API request failed', error);
      }
      if (!canAnswer(res)) {
        if (!res.destroyed) res.destroy();
        return;
      }
      // A body left unread (refused before or while reading it) is not read on: the connection closes.
      const close = headers['connection'] === 'close' || !req.complete;
      delete headers['connection'];
      this.json(res, status, { error: { code, message } }, headers, close);
    } catch (failure) {
      console.error('[marquee] print API could not answer a failed request', failure);
      res.destroy();
    }
  }
}
