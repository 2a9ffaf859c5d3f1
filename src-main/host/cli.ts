import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBoxOffice } from '../core/box-office.ts';
import { startFailureSentence } from '../db/storage-errors.ts';
import { isFreshInstallation, loadDemo } from '../demo/load-demo.ts';
import { sourceMigrationsRoot, sourceRoot } from '../paths.ts';
import { parseHostCli } from './cli-options.ts';
import { startHostServer } from './server.ts';
import { prepareHostTls, type HostTls } from './tls.ts';
import { namesForHost } from './client-address.ts';
import { composeBoxOffice } from '../app/compose.ts';
import { prepareDataFolder } from '../app/backup-at-start.ts';
import { startDemoPrinter, type DemoPrinter } from '../print/demo-printer.ts';
import { LogFile, sendConsoleTo } from './cli-log-file.ts';

let options;
try {
  options = parseHostCli(process.argv.slice(2), process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

// A service has no terminal: with --log-file everything the host says goes to that file, rotated by
// size; SIGHUP reopens it after an outside tool (logrotate) moved it away.
let log: LogFile | null = null;
if (options.logFile) {
  try {
    log = new LogFile(options.logFile, { maxBytes: options.logMaxBytes, keep: options.logKeep });
  } catch (error) {
    console.error(`The log file ${options.logFile} cannot be written: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  console.log(`Marquee host mode logs to ${options.logFile}`);
  sendConsoleTo(log);
  const opened = log;
  process.on('SIGHUP', () => {
    opened.reopen();
    console.log('SIGHUP: log file reopened.');
  });
  process.on('uncaughtException', (error) => {
    console.error('[marquee] host mode stopped on an unexpected error', error);
    process.exit(1);
  });
}

// With --lan the host speaks HTTPS only, so its certificate is checked (or made) before anything opens.
let tls: HostTls | null = null;
if (options.lan) {
  try {
    tls = await prepareHostTls({ dataDir: options.dataDir, names: namesForHost(options.host, options.names), certFile: options.tlsCert ?? undefined, keyFile: options.tlsKey ?? undefined });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}

const version = (JSON.parse(readFileSync(join(sourceRoot, 'package.json'), 'utf8')) as { version: string }).version;
/** A bad data folder (missing, read-only, full, damaged file) is a sentence and exit code 2, never a stack trace. */
function orExit<T>(dataDir: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    console.error(startFailureSentence(error, dataDir));
    process.exit(2);
  }
}

// Before opening (which migrates): lost records are noticed, and a database about to be migrated is backed up (docs/backups.md).
await prepareDataFolder(options.dataDir, sourceMigrationsRoot, version).catch((error: unknown) => orExit(options.dataDir, () => { throw error; }));
const office = orExit(options.dataDir, () =>
  openBoxOffice({
    dataDir: options.dataDir,
    migrationsRoot: sourceMigrationsRoot,
    mode: 'host',
    version,
    stationName: options.stationName,
  }),
);

if (options.demo) {
  if (isFreshInstallation(office.records)) {
    const demo = orExit(options.dataDir, () => loadDemo(office.records, { now: office.clock.now(), assetsDir: office.assetsDir }));
    console.log(`Demo loaded: ${demo.performances} performances, ${demo.seats} seats.`);
  } else {
    console.log('The database already has staff, venues or performances; the demo was not loaded.');
  }
}

// Built once: every browser window this host serves shares the one engine, print queue and sync.
const boxOffice = composeBoxOffice(office);
let demoPrinter: DemoPrinter | null = null;
if (options.demo) {
  demoPrinter = await startDemoPrinter(office, boxOffice.printing);
  console.log(`Simulated counter printer on ${demoPrinter.printer.uri}; printed jobs go to ${demoPrinter.outDir}`);
}
const server = await startHostServer({
  boxOffice,
  host: options.host,
  port: options.port,
  rendererDir: join(sourceRoot, 'dist', 'renderer'),
  allowLan: options.lan,
  tls: tls ? { cert: tls.cert, key: tls.key } : undefined,
  names: options.names,
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${options.port} is already in use; pick another with --port.`
      : `Host mode could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  office.close();
  process.exit(1);
});

console.log(`Marquee host mode is serving ${options.dataDir}`);
console.log(`Open ${server.url} in a browser (Ctrl+C to stop).`);
if (tls) {
  console.log(`Certificate SHA-256 fingerprint (${tls.source === 'supplied' ? 'supplied by the venue' : tls.status}): ${tls.fingerprint}`);
  console.log('A window on another computer shows this fingerprint while it waits to be paired: check that they match.');
  for (const warning of tls.warnings) console.log(warning);
}

/** How long a stop may take before the host gives up waiting and exits with 1. */
const STOP_LIMIT_MS = 30_000;
let stopping = false;

/**
 * A service manager's stop (SIGTERM) or Ctrl+C: stop accepting, let calls in flight finish (a sale
 * half answered is worse than a slow stop), stop the print queue and sync, close the databases
 * (a clean WAL checkpoint), then exit 0. A second signal while stopping changes nothing.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping; calls already under way finish first.`);
  setTimeout(() => {
    console.error(`Host mode did not stop within ${STOP_LIMIT_MS / 1000} s; exiting anyway.`);
    process.exit(1);
  }, STOP_LIMIT_MS).unref();
  try {
    await server.close();
    await boxOffice.stop();
    await demoPrinter?.stop();
    office.close();
  } catch (error) {
    console.error('[marquee] host mode could not stop cleanly', error);
    process.exit(1);
  }
  console.log('Host mode stopped; the databases are closed.');
  log?.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
