import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./print-api-child.ts', import.meta.url));

export interface PrintApiProcess {
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Whether it is still running. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts the print API of the box office in `dataDir` in a child process and waits until it listens. */
export function startPrintApiProcess(dataDir: string): Promise<PrintApiProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exited = false;
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    child.once('exit', () => (exited = true));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.once('exit', (code, signal) => {
      if (!stdout.includes('READY')) reject(new Error(`the print API process ended before listening (${code ?? signal}): ${stderr}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /READY (\d+) (\S+)\n/.exec(stdout);
      if (!match) return;
      resolve({
        port: Number(match[1]),
        token: match[2]!,
        child,
        stderr: () => stderr,
        alive: () => !exited,
        async stop() {
          if (!exited) child.kill('SIGTERM');
          await closed;
        },
      });
    });
  });
}
