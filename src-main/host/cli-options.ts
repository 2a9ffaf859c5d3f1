import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface HostCliOptions {
  port: number;
  host: string;
  lan: boolean;
  dataDir: string;
  demo: boolean;
  stationName: string;
}

export const DEFAULT_PORT = 5180;

export const HOST_USAGE = `Usage: npm run serve -- [--port N] [--data-dir DIR] [--demo] [--station-name NAME] [--host ADDR --lan]

  --port N           port to listen on (env MARQUEE_PORT, default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir DIR     where records.sqlite and station.sqlite live (env MARQUEE_DATA_DIR,
                     default ~/.marquee/host)
  --demo             fill an empty database with the demo theatre, shows, prices and staff
  --station-name N   the name this host's own station shows
  --host ADDR --lan  answer other computers too (default: only 127.0.0.1)`;

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
  return {
    port,
    host,
    lan,
    dataDir: resolve(values['data-dir'] ?? env.MARQUEE_DATA_DIR ?? join(homedir(), '.marquee', 'host')),
    demo: values.demo ?? false,
    stationName: values['station-name'] ?? 'Host station',
  };
}
