import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { SyncStatus } from '../../src-shared/contract/sync.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { closeCentral, connectCentral } from './central-connection.ts';
import { knownSchemaVersion, loadCentralMigrations } from './central-migrate.ts';
import { pushToCentral, type PushProgress } from './central-push.ts';
import { formatCentralUrl, parseCentralUrl } from './central-url.ts';
import { describeSyncError } from './describe-sync-error.ts';
import { referenceDigests } from './reference-push.ts';
import type { SecretStore } from './secret-store.ts';
import {
  countPending,
  ensureInstallationId,
  readCursor,
  readSyncConfig,
  recordFailure,
  recordSuccess,
  writeSyncConfig,
} from './sync-config.ts';
import { testCentralConnection, type ConnectionTestResult } from './test-connection.ts';

export interface SyncServiceOptions {
  /** Folder of the generated central migrations; differs once packaged. */
  migrationsFolder?: string;
  batchSize?: number;
  /** How often an idle service looks for work nobody announced. */
  idleIntervalMs?: number;
  /** A sale announced on the event bus is pushed after this pause, so bursts share a push. */
  afterChangeDelayMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A push that makes no progress for this long has its connection cut and is retried. */
  stallTimeoutMs?: number;
  random?: () => number;
}

export interface ConfigureSyncInput {
  url: string | null;
  password?: string | null;
  tls: boolean;
  enabled: boolean;
}

export interface TestConnectionInput {
  url?: string;
  password?: string | null;
  tls?: boolean;
}

export interface SyncService {
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  configure(input: ConfigureSyncInput): SyncStatus;
  testConnection(input: TestConnectionInput): Promise<ConnectionTestResult>;
  stop(): Promise<void>;
}

/** The status as the databases tell it, for when no service runs (tests, a build without sync). */
export function readSyncStatus(office: BoxOffice, live?: Partial<SyncStatus>): SyncStatus {
  const config = readSyncConfig(office.station);
  const cursor = readCursor(office.station);
  return {
    enabled: config.enabled,
    url: config.url,
    tls: config.tls,
    hasPassword: false,
    state: config.enabled ? 'idle' : 'off',
    pendingRows: countPending(office.records, cursor.lastPushedSeq),
    lastPushedSeq: cursor.lastPushedSeq,
    lastSuccessAt: cursor.lastSuccessAt,
    lastError: cursor.lastError,
    lastErrorAt: cursor.lastErrorAt,
    nextAttemptAt: null,
    progress: null,
    ...live,
  };
}

function sameDigests(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * The pusher's lifetime: one per running box office (src-main/app/compose.ts makes it and hands
 * it to the handlers), idle unless sync is switched on. It pushes shortly
 * after sales, looks again every idle interval, and after a failure retries with exponential
 * backoff; selling never waits for it, and the ledger simply accumulates while it cannot push.
 */
export function startSyncService(office: BoxOffice, secrets: SecretStore, options: SyncServiceOptions = {}): SyncService {
  const migrations = loadCentralMigrations(options.migrationsFolder ?? join(office.migrationsRoot, 'central'));
  const batchSize = options.batchSize ?? 1000;
  const idleIntervalMs = options.idleIntervalMs ?? 30_000;
  const afterChangeDelayMs = options.afterChangeDelayMs ?? 2_000;
  const retryBaseMs = options.retryBaseMs ?? 5_000;
  const retryMaxMs = options.retryMaxMs ?? 300_000;
  const stallTimeoutMs = options.stallTimeoutMs ?? 120_000;
  const random = options.random ?? Math.random;

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let nextAttemptAt: number | null = null;
  let failures = 0;
  let progress: PushProgress | null = null;
  let running: Promise<string | null> | null = null;
  let connection: Connection | null = null;
  /** Reference digests central held after our last success; with no pending rows, no need to connect. */
  let confirmedDigests: Map<string, string> | null = null;
  let lastEmitAt = 0;

  const now = () => office.clock.now();

  function status(): SyncStatus {
    let hasPassword = false;
    try {
      hasPassword = secrets.getPassword() !== null;
    } catch {
      hasPassword = false;
    }
    const config = readSyncConfig(office.station);
    const state = !config.enabled ? 'off' : running ? 'pushing' : failures > 0 ? 'retrying' : 'idle';
    return readSyncStatus(office, { hasPassword, state, nextAttemptAt: config.enabled ? nextAttemptAt : null, progress });
  }

  function emit(force = true): void {
    const t = Date.now();
    if (!force && t - lastEmitAt < 250) return;
    lastEmitAt = t;
    office.bus.emit('syncStatusChanged', status());
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = null;
    nextAttemptAt = null;
    if (!readSyncConfig(office.station).enabled) return;
    nextAttemptAt = now() + delayMs;
    timer = setTimeout(() => {
      timer = null;
      nextAttemptAt = null;
      void run(false);
    }, delayMs);
    // The timer alone must not keep a closing process (or a test runner) alive.
    timer.unref();
  }

  function backoff(): number {
    const exp = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(failures - 1, 20));
    return Math.round(exp * (0.75 + random() * 0.5));
  }

  /** One attempt; resolves to the failure in words, or null when everything pending went up. */
  async function attempt(manual: boolean): Promise<string | null> {
    const config = readSyncConfig(office.station);
    if (!config.enabled || !config.url) return null;
    if (!manual && confirmedDigests && failures === 0) {
      const pending = countPending(office.records, readCursor(office.station).lastPushedSeq);
      if (pending === 0 && sameDigests(referenceDigests(office.records), confirmedDigests)) {
        schedule(idleIntervalMs);
        return null;
      }
    }
    let target;
    let watchdog: NodeJS.Timeout | null = null;
    const kick = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => connection?.destroy(), stallTimeoutMs);
      watchdog.unref();
    };
    try {
      target = parseCentralUrl(config.url);
      progress = { done: 0, total: 0 };
      emit();
      kick();
      connection = await connectCentral(target, secrets.getPassword(), { tls: config.tls });
      const result = await pushToCentral(office, connection, {
        installationId: ensureInstallationId(office.records),
        migrations,
        batchSize,
        now,
        onProgress(p) {
          progress = p;
          kick();
          emit(p.done === 0 || p.done >= p.total);
        },
      });
      failures = 0;
      confirmedDigests = result.referenceDigests;
      recordSuccess(office.station, now());
      await closeCentral(connection);
      return null;
    } catch (error) {
      // A failed connection may never answer a polite goodbye.
      connection?.destroy();
      if (stopped) return null;
      failures += 1;
      confirmedDigests = null;
      const message = describeSyncError(error, target);
      recordFailure(office.station, message, now());
      return message;
    } finally {
      if (watchdog) clearTimeout(watchdog);
      connection = null;
      progress = null;
    }
  }

  function run(manual: boolean): Promise<string | null> {
    if (running) return running;
    if (timer) clearTimeout(timer);
    timer = null;
    nextAttemptAt = null;
    running = attempt(manual).finally(() => {
      running = null;
      if (!stopped) {
        const pending = countPending(office.records, readCursor(office.station).lastPushedSeq);
        schedule(failures > 0 ? backoff() : pending > 0 ? afterChangeDelayMs : idleIntervalMs);
        emit();
      }
    });
    return running;
  }

  const unsubscribe = office.bus.subscribe((event) => {
    if (event === 'syncStatusChanged' || stopped || running || failures > 0) return;
    // Something changed (a sale, a new performance): push soon, unless already due sooner.
    if (nextAttemptAt === null || nextAttemptAt > now() + afterChangeDelayMs) schedule(afterChangeDelayMs);
  });

  const service: SyncService = {
    status,
    async syncNow() {
      const config = readSyncConfig(office.station);
      if (!config.enabled || !config.url) {
        throw new MarqueeError('SYNC_FAILED', 'Central sync is switched off; set the central server in settings and switch it on first.');
      }
      const failure = await (running ? running.then(() => run(true)) : run(true));
      if (failure) throw new MarqueeError('SYNC_FAILED', failure);
      return status();
    },
    configure(input) {
      const url = input.url === null ? null : formatCentralUrl(parseCentralUrl(input.url));
      if (input.enabled && url === null) {
        throw new MarqueeError('BAD_INPUT', 'Sync cannot be switched on without the central server URL.');
      }
      if (input.password !== undefined) secrets.setPassword(input.password);
      writeSyncConfig(office.station, { url, tls: input.tls, enabled: input.enabled });
      confirmedDigests = null;
      failures = 0;
      if (input.enabled) schedule(0);
      else schedule(idleIntervalMs); // clears the timer: schedule() does nothing while off
      emit();
      return status();
    },
    async testConnection(input) {
      const config = readSyncConfig(office.station);
      const url = input.url ?? config.url;
      if (!url) {
        return { ok: false, message: 'No central server is set yet: enter its URL first.', serverVersion: null, schemaVersion: null, knownSchemaVersion: knownSchemaVersion(migrations) };
      }
      const target = parseCentralUrl(url);
      const password = input.password !== undefined ? input.password : secrets.getPassword();
      return testCentralConnection(target, password, { tls: input.tls ?? config.tls, knownSchemaVersion: knownSchemaVersion(migrations) });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      unsubscribe();
      connection?.destroy();
      await running?.catch(() => undefined);
    },
  };
  if (readSyncConfig(office.station).enabled) schedule(1_000);
  return service;
}
