import { randomUUID } from 'node:crypto';
import type { EventName, PayloadOf, ProcedureName } from '../../src-shared/contract/index.ts';
import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import type { TerminalJoin } from '../../src-shared/contract/terminal-join.ts';
import type { AppError, Result } from '../../src-shared/errors.ts';
import { createHttpBridge, type HttpBridge, type PairingState, type WindowTokenStore } from '../../src-shared/http-bridge.ts';
import { PRINTS_HERE_HEADER, WINDOW_PRINT_FIELD, type WindowPrint } from '../app/print-at-window.ts';
import type { DocumentPrinting } from '../app/print-documents.ts';
import { openBoxOffice, type BoxOffice, type BoxOfficeOptions } from '../core/box-office.ts';
import { openPrintAssets } from '../print/print-assets.ts';
import { PrintService, type PrintServiceOptions } from '../print/print-service.ts';
import { PrintWarnings } from '../print/print-warnings.ts';
import { renderedLayouts } from '../print/render-layouts.ts';
import { FileSecretStore, type SecretStore } from '../sync/secret-store.ts';
import { callLocal, isLocalProcedure, type Joining } from './local-procedures.ts';
import { printAtThisWindow } from './local-printing.ts';
import { pinnedFetch, pinnedWebSocket, readHostCertificate, type PinnedHost } from './pinned-link.ts';
import { noteAction, readAction, readJoinedHost, unsettledActions, writeJoinedHost, type JournalEntry } from './terminal-store.ts';

export interface TerminalOptions extends Pick<BoxOfficeOptions, 'dataDir' | 'migrationsRoot' | 'version' | 'layoutsDir' | 'assetsDir' | 'clock'> {
  stationName?: string;
  /** Where the window token is kept: safeStorage in the desktop app, a 0600 file by default. */
  secrets?: SecretStore;
  /** This terminal's print queue: transports and timings (its printers are in its own station.sqlite). */
  print?: PrintServiceOptions;
  /** Settling actions whose answer was lost: first wait and the longest wait between tries. */
  retry?: { firstMs: number; maxMs: number };
  /** Test seam: called once an action's answer is journalled and before it prints. */
  afterAnswer?: (entry: JournalEntry) => void;
}

/**
 * A desktop app that joined a box office instead of opening its own records: the main process's
 * half of a terminal, without Electron. Every procedure goes to the host over HTTPS with this
 * window's token (the http bridge, the same scheme as a browser window), events come back on the
 * host's WebSocket, and what the host sends back to print is printed here, on this terminal's own
 * printers, through its own print queue in its own station.sqlite.
 */
export class Terminal {
  readonly office: BoxOffice;
  readonly printing: PrintService;
  private readonly local: DocumentPrinting;
  private readonly secrets: SecretStore;
  private bridge: HttpBridge | null = null;
  /** Documents that came back with an answer, by the idempotency key of the request that asked. */
  private readonly arrived = new Map<string, WindowPrint[]>();
  private settling: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private closed = false;

  constructor(private readonly options: TerminalOptions) {
    this.office = openBoxOffice({ ...options, mode: 'desktop', stationName: options.stationName ?? 'Terminal' });
    const assets = openPrintAssets(this.office);
    this.printing = new PrintService(this.office, { ...options.print, layouts: options.print?.layouts ?? renderedLayouts(assets) });
    const printWarnings = new PrintWarnings(assets.layouts, this.office.clock, () => undefined);
    this.local = { office: this.office, printing: this.printing, printWarnings };
    this.secrets = options.secrets ?? new FileSecretStore(options.dataDir, 'terminal-window.secret');
    this.retryMs = options.retry?.firstMs ?? 500;
    const joined = readJoinedHost(this.office.station);
    if (joined) this.connect(joined);
  }

  /** The host this terminal joined, or null before it has. */
  host(): PinnedHost | null {
    return readJoinedHost(this.office.station);
  }

  /**
   * Joins the box office at `url` whose certificate has this fingerprint (read off the host's
   * Windows screen). Answers where pairing stands: `pending` with the code a manager approves on
   * the host, or `paired` at once for a window on the host's own computer.
   */
  async join(url: string, fingerprint: string, windowName: string): Promise<PairingState> {
    const pin = await readHostCertificate(url, fingerprint);
    this.bridge?.close();
    this.secrets.setPassword(null);
    writeJoinedHost(this.office.station, { ...pin, windowName, joinedAt: this.office.clock.now() });
    return this.connect({ ...pin, windowName }).pairing.refresh();
  }

  /** Forgets the host (a terminal moving to another box office); its printers and queue stay. */
  leave(): void {
    this.bridge?.close();
    this.bridge = null;
    this.secrets.setPassword(null);
    writeJoinedHost(this.office.station, null);
  }

  pairing(): PairingState | null {
    return this.bridge?.pairing.current() ?? null;
  }

  /** The "Join a box office" screen's side of joining (local-procedures.ts): where it stands, asked of the host. */
  private readonly joining: Joining = {
    joinState: async () => {
      const host = this.host();
      if (!host || !this.bridge) return joinOf(null, null);
      return joinOf(host, await this.bridge.pairing.refresh());
    },
    joinHost: async (address, fingerprint, windowName) => {
      const pairing = await this.join(address.trim(), fingerprint.trim(), windowName.trim());
      return joinOf(this.host(), pairing);
    },
  };

  /**
   * One procedure, as the renderer asked it. A counter action with an idempotency key is written
   * to this terminal's journal before it is sent, so a lost answer (the host gone, this terminal
   * stopped) is settled later by the same key: sold once, printed once.
   */
  async call(name: ProcedureName, input: unknown): Promise<Result<unknown>> {
    // This terminal's own printers and queue: answered here, for whoever the host says is signed in.
    if (isLocalProcedure(name)) return callLocal({ printing: this.printing, joining: this.joining }, name, input, () => this.signedIn());
    const bridge = this.requireBridge();
    if (!bridge.ok) return bridge;
    const key = idempotencyKeyOf(input);
    if (key === null) return this.plainCall(name, input);
    const entry = readAction(this.office.station, key) ?? { key, procedure: name, input, state: 'sent', print: [], at: this.office.clock.now() };
    if (entry.state === 'sent') noteAction(this.office.station, entry);
    return this.send(entry);
  }

  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
    const bridge = this.bridge;
    if (!bridge) return () => undefined;
    return (bridge.on as (e: E, l: (p: PayloadOf<E>) => void) => () => void)(event, listener);
  }

  /**
   * Settles every action whose answer never arrived or whose documents never printed: asks the
   * host again with the same key (it answers the first sale, never sells twice) and prints what
   * comes back. Runs at start, and by itself with back-off while the host is away.
   */
  settle(): Promise<void> {
    this.settling ??= (async () => {
      try {
        for (const entry of unsettledActions(this.office.station)) {
          if (entry.state === 'answered') await printAtThisWindow(this.local, entry);
          else if ((await this.send(entry)).ok === false && this.unreachable) break;
        }
      } finally {
        this.settling = null;
      }
      this.scheduleRetry();
    })();
    return this.settling;
  }

  /** Actions still waiting for the host's answer or for printing. */
  unsettled(): JournalEntry[] {
    return unsettledActions(this.office.station);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.bridge?.close();
    await this.printing.stop();
    this.office.close();
  }

  private unreachable = false;

  private async signedIn(): Promise<StaffSummary | null> {
    if (!this.bridge) return null;
    const who = await this.plainCall('currentStaff', {});
    return who.ok ? (who.value as StaffSummary | null) : null;
  }

  private async send(entry: JournalEntry): Promise<Result<unknown>> {
    const result = await this.plainCall(entry.procedure as ProcedureName, entry.input, entry.key);
    if (!result.ok) {
      this.unreachable = result.error.code === 'HOST_UNREACHABLE';
      // Refused for what was asked (bad input, sold out): nothing happened on the host. Refused for
      // who asked or how it went (signed out, host trouble): it may have, so it is asked again later.
      if (!SETTLE_LATER.has(result.error.code)) noteAction(this.office.station, { ...entry, state: 'done', print: [], input: null });
      else this.scheduleRetry();
      return result;
    }
    this.unreachable = false;
    const answered: JournalEntry = { ...entry, state: 'answered', print: this.arrived.get(entry.key) ?? [] };
    this.arrived.delete(entry.key);
    noteAction(this.office.station, answered);
    this.options.afterAnswer?.(answered);
    const outcome = await printAtThisWindow(this.local, answered);
    return withLocalOutcome(result, outcome);
  }

  /** A call straight to the host; documents in the answer are kept under `key`, or printed now when the call had none. */
  private async plainCall(name: ProcedureName, input: unknown, key?: string): Promise<Result<unknown>> {
    const bridge = this.requireBridge();
    if (!bridge.ok) return bridge;
    const result = await (bridge.value as unknown as Record<string, (i: unknown) => Promise<Result<unknown>>>)[name]!(input);
    const print = key === undefined ? this.arrived.get(`call:${name}`) : undefined;
    if (print && result.ok) {
      this.arrived.delete(`call:${name}`);
      const entry: JournalEntry = { key: `local-${randomUUID()}`, procedure: name, input: null, state: 'answered', print, at: this.office.clock.now() };
      noteAction(this.office.station, entry);
      return withLocalOutcome(result, await printAtThisWindow(this.local, entry));
    }
    return result;
  }

  private requireBridge(): { ok: true; value: HttpBridge } | { ok: false; error: AppError } {
    if (this.bridge) return { ok: true, value: this.bridge };
    return { ok: false, error: { code: 'NOT_PAIRED', message: 'This terminal has not joined a box office yet: enter the host’s address, fingerprint and pairing code.' } };
  }

  private connect(host: PinnedHost & { windowName: string }): HttpBridge {
    const fetchPinned = pinnedFetch(host, { [PRINTS_HERE_HEADER]: '1' });
    // The answer's documents are taken out before the bridge reads it, and kept for the call that asked.
    const fetchForBridge = (async (url: string | URL, init?: RequestInit) => {
      const response = await fetchPinned(url, init);
      if (!String(url).includes('/api/') || !(response.headers.get('content-type') ?? '').includes('json')) return response;
      const body = (await response.json()) as Record<string, unknown>;
      const print = body[WINDOW_PRINT_FIELD] as WindowPrint[] | undefined;
      if (print) {
        delete body[WINDOW_PRINT_FIELD];
        const key = idempotencyKeyOf(parseBody(init?.body)) ?? `call:${new URL(String(url)).pathname.split('/').pop()}`;
        this.arrived.set(key, print);
      }
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    }) as typeof fetch;
    const tokens: WindowTokenStore = { read: () => this.secrets.getPassword(), write: (token) => this.secrets.setPassword(token) };
    this.bridge = createHttpBridge(host.url, { windowName: host.windowName, tokenStore: tokens, fetch: fetchForBridge, WebSocket: pinnedWebSocket(host) });
    return this.bridge;
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer || !this.unsettled().some((e) => e.state === 'sent')) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.retry?.maxMs ?? 8000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.settle().then(() => {
        if (!this.unreachable) this.retryMs = this.options.retry?.firstMs ?? 500;
      });
    }, wait);
    this.retryTimer.unref();
  }
}

const SETTLE_LATER = new Set(['HOST_UNREACHABLE', 'UNAUTHENTICATED', 'NOT_PAIRED', 'INTERNAL', 'STORAGE']);

function parseBody(body: unknown): unknown {
  try {
    return typeof body === 'string' ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}

function idempotencyKeyOf(input: unknown): string | null {
  const key = input && typeof input === 'object' ? (input as { idempotencyKey?: unknown }).idempotencyKey : undefined;
  return typeof key === 'string' && key !== '' ? key : null;
}

/** The screen hears what this terminal's own queue did with the documents, not the host's placeholder. */
function withLocalOutcome(result: Result<unknown>, outcome: PrintOutcome): Result<unknown> {
  if (!result.ok || !result.value || typeof result.value !== 'object' || !('print' in result.value)) return result;
  return { ok: true, value: { ...result.value, print: outcome } };
}

/** What the join screen shows: the host as joined (or none yet) and where its pairing stands. */
function joinOf(host: (PinnedHost & { windowName?: string }) | null, pairing: PairingState | null): TerminalJoin {
  const phase = host ? (pairing?.phase ?? 'unknown') : 'not-joined';
  return {
    joining: phase !== 'paired',
    phase,
    address: host?.url ?? null,
    fingerprint: host?.fingerprint ?? null,
    windowName: pairing?.windowName ?? host?.windowName ?? null,
    pairingCode: phase === 'pending' ? (pairing?.pairingCode ?? null) : null,
    expiresAt: phase === 'pending' ? (pairing?.expiresAt ?? null) : null,
    problem: pairing?.problem ?? null,
  };
}

/** Opens a terminal in its data folder and settles what its last run left unfinished. */
export async function openTerminal(options: TerminalOptions): Promise<Terminal> {
  const terminal = new Terminal(options);
  if (terminal.host()) await terminal.settle();
  return terminal;
}
