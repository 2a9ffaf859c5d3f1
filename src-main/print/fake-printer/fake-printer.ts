import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { encodeRealtimeStatus, type RealtimeStatus } from '../status/realtime-status.ts';

export interface FakePrinterOptions {
  host?: string;
  /** 0 picks a free port (tests); `npm run fake-printer` uses 9100. */
  port?: number;
  /** Each printed job (one per connection) is written here as NNNN.bin. */
  outDir?: string;
  /** False makes it behave like a printer without real-time status: it ignores DLE EOT. */
  answersStatus?: boolean;
}

export interface FakePrinterCondition {
  paperOut: boolean;
  coverOpen: boolean;
  paperLow: boolean;
}

/**
 * A network thermal printer for tests and demos. It takes ESC/POS on a TCP port, answers the
 * DLE EOT status requests a connection starts with (10 04 n), and "prints" everything after them:
 * one job per connection, kept in memory and written as a .bin file. Out of paper or with the
 * cover open it says so in the status bytes and throws the data away, as a stopped printer would
 * not print it; switched offline it stops listening, so connections are refused.
 */
export class FakePrinter {
  readonly jobs: Buffer[] = [];
  /** Jobs it received while it could not print (paper out, cover open), which it did not print. */
  readonly refused: Buffer[] = [];
  connections = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private state: FakePrinterCondition = { paperOut: false, coverOpen: false, paperLow: false };
  private boundPort = 0;
  private answersStatus: boolean;

  private constructor(
    readonly host: string,
    private readonly outDir: string | undefined,
    answersStatus: boolean,
  ) {
    this.answersStatus = answersStatus;
    if (outDir) mkdirSync(outDir, { recursive: true });
  }

  static async start(options: FakePrinterOptions = {}): Promise<FakePrinter> {
    const printer = new FakePrinter(options.host ?? '127.0.0.1', options.outDir, options.answersStatus ?? true);
    await printer.listen(options.port ?? 0);
    return printer;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The address to configure the printer with: tcp://127.0.0.1:PORT */
  get uri(): string {
    return `tcp://${this.host}:${this.boundPort}`;
  }

  get online(): boolean {
    return this.server !== null;
  }

  get condition(): Readonly<FakePrinterCondition> {
    return this.state;
  }

  set(condition: Partial<FakePrinterCondition>): void {
    this.state = { ...this.state, ...condition };
  }

  setAnswersStatus(answers: boolean): void {
    this.answersStatus = answers;
  }

  /** Offline: stops listening and drops open connections. Online again: listens on the same port. */
  async setOffline(offline: boolean): Promise<void> {
    if (offline && this.server) {
      const server = this.server;
      this.server = null;
      for (const socket of this.sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    } else if (!offline && !this.server) {
      await this.listen(this.boundPort);
    }
  }

  /** Resolves once `count` jobs in all have printed. */
  waitForJobs(count: number, timeoutMs = 10_000): Promise<Buffer[]> {
    if (this.jobs.length >= count) return Promise.resolve(this.jobs.slice(0, count));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The fake printer got ${this.jobs.length} of ${count} jobs in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.jobs.slice(0, count));
        },
      });
    });
  }

  async stop(): Promise<void> {
    await this.setOffline(true);
  }

  // ---------------------------------------------------------------------------------------------

  private async listen(port: number): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : port;
    this.server = server;
  }

  private status(): RealtimeStatus {
    return {
      offline: false,
      coverOpen: this.state.coverOpen,
      paperOut: this.state.paperOut,
      paperLow: this.state.paperLow,
      error: null,
      drawerPin3High: false,
    };
  }

  private accept(socket: Socket): void {
    this.connections += 1;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const chunks: Buffer[] = [];
    // Status requests are answered while they lead the connection; after the first other byte
    // everything is print data (a raster image may contain 10 04 01 by chance).
    let pending = Buffer.alloc(0);
    let inPreamble = true;
    socket.on('data', (chunk: Buffer) => {
      if (!inPreamble) {
        chunks.push(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const replies: number[] = [];
      while (pending.length >= 3 && pending[0] === 0x10 && pending[1] === 0x04 && pending[2]! >= 1 && pending[2]! <= 4) {
        replies.push(encodeRealtimeStatus(this.status())[pending[2]! - 1]!);
        pending = pending.subarray(3);
      }
      if (this.answersStatus && replies.length > 0) socket.write(Buffer.from(replies));
      const mayStillBeStatus = pending.length < 3 && (pending.length === 0 || pending[0] === 0x10) && (pending.length < 2 || pending[1] === 0x04);
      if (!mayStillBeStatus) {
        inPreamble = false;
        chunks.push(pending);
        pending = Buffer.alloc(0);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (inPreamble && pending.length > 0) chunks.push(pending);
      const data = Buffer.concat(chunks);
      if (data.length === 0) return;
      if (this.state.paperOut || this.state.coverOpen) {
        this.refused.push(data);
        return;
      }
      this.jobs.push(data);
      if (this.outDir) writeFileSync(join(this.outDir, `${String(this.jobs.length).padStart(4, '0')}.bin`), data);
      for (const waiter of [...this.waiters]) {
        if (this.jobs.length >= waiter.count) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }
}
