import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { basename, join } from 'node:path';
import { encodeRealtimeStatus, type RealtimeStatus } from '../status/realtime-status.ts';

export interface FakePrinterOptions {
  host?: string;
  /** 0 picks a free port (tests); `npm run fake-printer` uses 9100. */
  port?: number;
  /** Each printed job (one per connection) is written here as NNNN.bin. */
  outDir?: string;
  /** False makes it behave like a printer without real-time status: it ignores DLE EOT. */
  answersStatus?: boolean;
  /** Where sentences about filing trouble go (a full disk); default console.error. */
  log?: (sentence: string) => void;
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
 *
 * Filing a job is a side record, never a reason to stop: a full disk (ENOSPC), a read-only or
 * missing folder is said once in a sentence, the job still counts as printed (kept in memory),
 * and the printer goes on answering status and taking jobs. In the demo it runs inside the host,
 * where a throw from a socket handler would take the whole box office down.
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
  /** The last filing problem said, so a disk that stays full is not reported for every job. */
  private lastFilingProblem: string | null = null;

  private constructor(
    readonly host: string,
    private readonly outDir: string | undefined,
    answersStatus: boolean,
    private readonly log: (sentence: string) => void,
  ) {
    this.answersStatus = answersStatus;
    if (outDir) {
      try {
        mkdirSync(outDir, { recursive: true });
      } catch (error) {
        this.filingFailed(`create its folder ${basename(outDir)}`, error);
      }
    }
  }

  static async start(options: FakePrinterOptions = {}): Promise<FakePrinter> {
    const log = options.log ?? ((sentence: string) => console.error(`[marquee] ${sentence}`));
    const printer = new FakePrinter(options.host ?? '127.0.0.1', options.outDir, options.answersStatus ?? true, log);
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
    // Without a listener an 'error' (too many open files on accept) would be thrown.
    server.on('error', (error) => this.log(`The simulated printer's server had a problem: ${(error as Error).message}`));
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
      if (this.outDir) this.file(join(this.outDir, `${String(this.jobs.length).padStart(4, '0')}.bin`), data);
      for (const waiter of [...this.waiters]) {
        if (this.jobs.length >= waiter.count) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }

  /**
   * Writes one job's file before the job counts as received, as tests and the demo read the
   * folder right after; a failure is said in a sentence and never thrown (this runs in a socket
   * handler, where a throw is an uncaught exception).
   */
  private file(path: string, data: Buffer): void {
    try {
      writeFileSync(path, data);
      this.lastFilingProblem = null;
    } catch (error) {
      // A half-written file would read as a shorter job than was printed.
      rmSync(path, { force: true });
      this.filingFailed(`file job ${basename(path)}`, error);
    }
  }

  private filingFailed(what: string, error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (this.lastFilingProblem === code) return;
    this.lastFilingProblem = code;
    const why =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'EACCES' || code === 'EPERM'
            ? 'it may not write there'
            : `the system said ${code}`;
    this.log(
      `The simulated printer could not ${what} (${why}); it keeps printing, holds jobs in memory only, and says so again only if the problem changes.`,
    );
  }
}
