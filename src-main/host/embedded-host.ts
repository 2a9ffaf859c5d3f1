import type { WindowServingStatus } from '../../src-shared/contract/window-serving.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import type { RunningBoxOffice } from '../app/compose.ts';
import { readServingWanted, writeServingWanted, type WindowServing } from '../app/serve-windows.ts';
import { namesForHost, thisComputersAddresses } from './client-address.ts';
import { DEFAULT_PORT } from './cli-options.ts';
import { startHostServer, type HostServer, type HostServerOptions } from './server.ts';
import { prepareHostTls } from './tls.ts';

export interface EmbeddedHostOptions {
  boxOffice: RunningBoxOffice;
  /** The desktop's own dispatcher, so its windows and the served ones share one session store. */
  dispatcher: () => Dispatcher;
  /** Default 5180, host mode's own; 0 picks a free one (tests). */
  port?: number;
  /** Default every interface ('0.0.0.0'): the point is other computers. */
  host?: string;
  /** Built screens, so a browser on another computer can open the box office too. */
  rendererDir?: string;
  /** As HostServerOptions.localClientAddresses: tests set [] to play "another computer" over loopback. */
  localClientAddresses?: readonly string[];
}

/**
 * "Serve other windows": host mode's own server (startHostServer: pairing, window tokens, TLS,
 * Host/Origin checks) started inside the running desktop box office, on its one engine, print
 * queue and dispatcher. Always HTTPS, with the certificate host mode would make and keep in the
 * data folder, so the fingerprint a manager reads here is the one a terminal pins. Remembered in
 * station.sqlite, so a desktop that served windows serves them again after a restart.
 */
export class EmbeddedHost implements WindowServing {
  private server: HostServer | null = null;
  private problem: string | null = null;
  private switching: Promise<WindowServingStatus> = Promise.resolve(this.status());

  constructor(private readonly options: EmbeddedHostOptions) {}

  status(): WindowServingStatus {
    const server = this.server;
    if (!server) return { available: true, serving: false, addresses: [], fingerprint: null, port: null, problem: this.problem };
    return { available: true, serving: true, addresses: this.addresses(server.port), fingerprint: server.fingerprint, port: server.port, problem: null };
  }

  start(): Promise<WindowServingStatus> {
    this.switching = this.switching.then(() => this.startNow());
    return this.switching;
  }

  stop(): Promise<WindowServingStatus> {
    this.switching = this.switching.then(() => this.stopNow(true));
    return this.switching;
  }

  /** At the desktop's start: serves again if it served when it last ran. */
  async resume(): Promise<WindowServingStatus> {
    return readServingWanted(this.options.boxOffice.office.station) ? this.start() : this.status();
  }

  /** At the desktop's quit: stops serving without forgetting that it should serve next time. */
  close(): Promise<WindowServingStatus> {
    this.switching = this.switching.then(() => this.stopNow(false));
    return this.switching;
  }

  private async startNow(): Promise<WindowServingStatus> {
    if (this.server) return this.status();
    const { office } = this.options.boxOffice;
    const host = this.options.host ?? '0.0.0.0';
    const port = this.options.port ?? DEFAULT_PORT;
    try {
      const tls = await prepareHostTls({ dataDir: office.dataDir, names: namesForHost(host) });
      const serverOptions: HostServerOptions = {
        boxOffice: this.options.boxOffice,
        dispatcher: this.options.dispatcher(),
        host,
        port,
        allowLan: true,
        tls: { cert: tls.cert, key: tls.key },
        rendererDir: this.options.rendererDir,
        localClientAddresses: this.options.localClientAddresses,
      };
      this.server = await startHostServer(serverOptions);
      this.problem = null;
      writeServingWanted(office.station, true);
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.problem =
        code === 'EADDRINUSE'
          ? `Port ${port} is already in use on this computer (is host mode running here?); other windows are not served.`
          : `Other windows could not be served: ${error instanceof Error ? error.message : String(error)}`;
    }
    return this.status();
  }

  private async stopNow(forget: boolean): Promise<WindowServingStatus> {
    const server = this.server;
    this.server = null;
    await server?.close();
    if (forget) writeServingWanted(this.options.boxOffice.office.station, false);
    return this.status();
  }

  /** Where other windows reach it: one https:// address per network address of this computer (loopback last). */
  private addresses(port: number): string[] {
    const host = this.options.host ?? '0.0.0.0';
    const listed = host === '0.0.0.0' || host === '::' ? thisComputersAddresses().filter((a) => !a.startsWith('::ffff:') && !a.startsWith('fe80:')) : [host];
    const loopback = (a: string) => a === '127.0.0.1' || a === '::1';
    const ordered = [...new Set(listed)].sort((a, b) => Number(loopback(a)) - Number(loopback(b)));
    return ordered.map((a) => `https://${a.includes(':') ? `[${a}]` : a}:${port}`);
  }
}
