import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isIP } from 'node:net';

export interface HostCliOptions {
  port: number;
  host: string;
  lan: boolean;
  dataDir: string;
  demo: boolean;
  stationName: string;
  /** The venue's own certificate and key (PEM) for --lan; without them Marquee makes and keeps one. */
  tlsCert: string | null;
  tlsKey: string | null;
  /** More names browsers use to reach the host (a DNS name such as boxoffice.local): answered to, and put in the certificate. */
  names: string[];
  /** Write the log here instead of the terminal, rotated by size (a service has no terminal). */
  logFile: string | null;
  logMaxBytes: number;
  logKeep: number;
}

export const DEFAULT_PORT = 5180;
const DEFAULT_LOG_MAX = '10M';
const DEFAULT_LOG_KEEP = 5;

export const HOST_USAGE = `Usage: npm run serve -- [--port N] [--data-dir DIR] [--demo] [--station-name NAME] [--host ADDR --lan [--name NAME]… [--tls-cert FILE --tls-key FILE]] [--log-file FILE [--log-max-size SIZE] [--log-keep N]]

  --port N           port to listen on (env MARQUEE_PORT, default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir DIR     where records.sqlite and station.sqlite live (env MARQUEE_DATA_DIR,
                     default ~/.marquee/host)
  --demo             fill an empty database with the demo theatre, shows, prices and staff
  --station-name N   the name this host's own station shows
  --host ADDR --lan  answer other computers too (default: only 127.0.0.1), over HTTPS only:
                     with --lan the host makes its own certificate on first start and keeps it in
                     DATA_DIR/tls (browsers show a warning; compare the fingerprint the host prints)
  --name NAME        with --lan: another name browsers use for this host (e.g. boxoffice.local);
                     may be given more than once
  --tls-cert FILE    with --lan: the venue's own certificate (PEM, chain after it) instead
  --tls-key FILE     with --lan: the unencrypted PEM private key of that certificate
  --log-file FILE    write the log to FILE instead of the terminal (env MARQUEE_LOG_FILE); SIGHUP
                     reopens it (after logrotate moved it)
  --log-max-size S   rotate the log file past this size: bytes, or with k or M (default ${DEFAULT_LOG_MAX})
  --log-keep N       rotated files kept beside it, FILE.1 newest (default ${DEFAULT_LOG_KEEP})`;

/** '10M', '512k' or '2048' to bytes; a sentence for anything else. */
function sizeInBytes(text: string): number {
  const match = /^(\d+)\s*([kKmM]?)[bB]?$/.exec(text.trim());
  const unit = match?.[2]?.toLowerCase();
  const bytes = match ? Number(match[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024) throw new Error(`--log-max-size must be a size of at least 1k, such as 10M or 512k, not '${text}'.`);
  return bytes;
}

/** Flags win over environment variables, which win over defaults. Throws a sentence on bad input. */
export function parseHostCli(argv: string[], env: NodeJS.ProcessEnv): HostCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      lan: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'station-name': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      name: { type: 'string', multiple: true },
      'log-file': { type: 'string' },
      'log-max-size': { type: 'string' },
      'log-keep': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(HOST_USAGE);
  const portText = values.port ?? env.MARQUEE_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not '${portText}'.`);
  const host = values.host ?? env.MARQUEE_HOST ?? '127.0.0.1';
  const lan = values.lan ?? false;
  const loopback = host === '127.0.0.1' || host === '::1' || host === 'localhost';
  if (!loopback && !lan) throw new Error(`--host ${host} would let other computers sell seats; add --lan to mean it.`);
  const tlsCert = values['tls-cert'] ?? null;
  const tlsKey = values['tls-key'] ?? null;
  // Plain HTTP is for this computer alone, so a certificate only means something with --lan (which always has one).
  if ((tlsCert || tlsKey) && !lan) throw new Error('--tls-cert and --tls-key are for --lan; on this computer alone host mode serves plain HTTP.');
  if ((tlsCert === null) !== (tlsKey === null)) throw new Error('Give both --tls-cert and --tls-key, or neither to let Marquee make its own certificate.');
  const names = (values.name ?? []).map((n) => n.trim().toLowerCase());
  if (names.length > 0 && !lan) throw new Error('--name is for --lan: on this computer alone the host answers only to localhost and 127.0.0.1.');
  for (const name of names) {
    // A host name or an address, as it would stand in a URL: nothing a certificate or a Host check could misread.
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name) && isIP(name) === 0) {
      throw new Error(`--name ${name} is not a host name or an address.`);
    }
  }
  const logFile = values['log-file'] ?? env.MARQUEE_LOG_FILE ?? null;
  const keepText = values['log-keep'] ?? String(DEFAULT_LOG_KEEP);
  const logKeep = Number(keepText);
  if (!Number.isInteger(logKeep) || logKeep < 0 || logKeep > 100) throw new Error(`--log-keep must be a number from 0 to 100, not '${keepText}'.`);
  return {
    port,
    host,
    lan,
    dataDir: resolve(values['data-dir'] ?? env.MARQUEE_DATA_DIR ?? join(homedir(), '.marquee', 'host')),
    demo: values.demo ?? false,
    stationName: values['station-name'] ?? 'Host station',
    tlsCert,
    tlsKey,
    names,
    logFile: logFile ? resolve(logFile) : null,
    logMaxBytes: sizeInBytes(values['log-max-size'] ?? DEFAULT_LOG_MAX),
    logKeep,
  };
}
