import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningBoxOffice } from '../../src-main/app/compose.ts';
import { openBoxOffice, type BoxOffice } from '../../src-main/core/box-office.ts';
import type { Clock } from '../../src-main/core/clock.ts';
import { loadDemo } from '../../src-main/demo/load-demo.ts';
import { namesForHost } from '../../src-main/host/client-address.ts';
import { startHostServer } from '../../src-main/host/server.ts';
import { CERT_FILE, fingerprintOf, prepareHostTls, TLS_DIR } from '../../src-main/host/tls.ts';
import { sourceMigrationsRoot, sourceRoot } from '../../src-main/paths.ts';
import { runHostCli } from '../helpers/host-cli.ts';
import { composeForTest } from '../helpers/temp-box-office.ts';

/** A running host mode the browser windows of a test open. */
export interface RunningHost {
  url: string;
  dataDir: string;
  /** The host's certificate (PEM) when it serves HTTPS (--lan), else null. */
  cert: string | null;
  /** That certificate's SHA-256 fingerprint as the pairing screen shows it, or null. */
  fingerprint: string | null;
  /** The office itself, when the host runs in this process; null for the CLI child. */
  office: BoxOffice | null;
  /** The running box office over it (its one engine and print service), when in this process; else null. */
  boxOffice: RunningBoxOffice | null;
  /** What the host printed (the CLI's stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface HostOptions {
  /** Load the demo (staff, venues, performances and, for the CLI, its simulated printer). Default true. */
  demo?: boolean;
  /** Serve HTTPS with a certificate of its own, as --lan does. */
  lan?: boolean;
  /** More CLI arguments (child process only). */
  hostArgs?: string[];
  /**
   * Run the host in this process instead of the CLI, for a test that must reach the office: a clock
   * that moves only when told, or pairing windows as if loopback were another computer (with `lan`).
   */
  inProcess?: boolean | { clock?: Clock };
  /** Run this built host bundle (dist/host/marquee-host.mjs or a test's own build) instead of the CLI through tsx. */
  bundle?: string;
}

/**
 * Starts host mode exactly as `npm run serve` does (the real CLI in a child process, its own temp
 * data folder, a free port) and waits for the URL it prints.
 */
async function startCliHost(options: HostOptions): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-e2e-'));
  const args = ['--data-dir', dataDir, ...(options.demo === false ? [] : ['--demo']), ...(options.lan ? ['--lan'] : []), ...(options.hostArgs ?? [])];
  // 50 s: a loaded CI machine compiles the CLI slowly; the file's hook timeout is 60 s.
  const run = await runHostCli(args, /Open (https?:\/\/\S+) in a browser/, 50_000, { bundle: options.bundle }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const stop = async () => {
    await run.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = /Open (https?:\/\/\S+) in a browser/.exec(run.output)?.[1];
  if (!url) {
    await stop();
    throw new Error(`host mode exited with ${run.code}:\n${run.output}`);
  }
  const cert = options.lan ? readFileSync(join(dataDir, TLS_DIR, CERT_FILE), 'utf8') : null;
  return { url, dataDir, cert, fingerprint: cert ? fingerprintOf(cert) : null, office: null, boxOffice: null, output: () => run.output, stop };
}

/** The same host server in this process, over an office the test can reach. */
async function startHostInProcess(options: HostOptions, clock: Clock | undefined): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-e2e-'));
  const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'test', stationName: 'Host station', ...(clock ? { clock } : {}) });
  if (options.demo !== false) loadDemo(office.records, { now: office.clock.now(), assetsDir: office.assetsDir });
  const tls = options.lan ? await prepareHostTls({ dataDir, names: namesForHost('127.0.0.1') }) : null;
  // One engine and print queue for every window, as the CLI builds it, but quiet: no sweeper, sync or print API.
  const boxOffice = composeForTest(office);
  const server = await startHostServer({
    boxOffice,
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(sourceRoot, 'dist', 'renderer'),
    // Loopback plays "another computer": every window must be paired, as at a venue's LAN.
    ...(tls ? { allowLan: true, tls: { cert: tls.cert, key: tls.key }, localClientAddresses: [] } : {}),
  });
  return {
    url: server.url,
    dataDir,
    cert: tls?.cert ?? null,
    fingerprint: tls?.fingerprint ?? null,
    office,
    boxOffice,
    output: () => '',
    async stop() {
      await server.close();
      await boxOffice.stop();
      office.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function startHost(options: HostOptions = {}): Promise<RunningHost> {
  if (!options.inProcess) return startCliHost(options);
  return startHostInProcess(options, options.inProcess === true ? undefined : options.inProcess.clock);
}
