import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sourceRoot } from '../../src-main/paths.ts';

/** Host mode's command line running in a child process, as `npm run serve` starts it. */
export interface HostCliRun {
  /** Everything it printed so far (stdout and stderr). */
  readonly output: string;
  /** Its exit code when it ended before printing what was awaited; null while it runs. */
  readonly code: number | null;
  /** Ends it (SIGTERM) and waits until it has. */
  stop(): Promise<void>;
}

/**
 * Starts the real CLI (`src-main/host/cli.ts` through tsx, or the built bundle given, on a free port) and resolves once its
 * output matches `until`, or once it exits; rejects if neither happens within `timeoutMs`.
 */
export function runHostCli(args: string[], until: RegExp, timeoutMs = 30_000, options: { bundle?: string } = {}): Promise<HostCliRun> {
  // The built bundle (`npm run build:host`) runs as `npm run serve` runs it: plain node, in production.
  const env = { ...process.env, NODE_ENV: options.bundle ? 'production' : 'test' };
  const entry = options.bundle ? [options.bundle] : ['--import', 'tsx', join(sourceRoot, 'src-main/host/cli.ts')];
  const child = spawn(process.execPath, [...entry, '--port', '0', ...args], {
    cwd: sourceRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let code: number | null = null;
  const run: HostCliRun = {
    get output() {
      return output;
    },
    get code() {
      return code;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void run.stop();
      reject(new Error(`host mode printed nothing matching ${until} in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const heard = (d: Buffer) => {
      output += d.toString();
      if (!until.test(output)) return;
      clearTimeout(timer);
      resolve(run);
    };
    child.stdout.on('data', heard);
    child.stderr.on('data', heard);
    child.once('exit', (exitCode) => {
      code = exitCode;
      clearTimeout(timer);
      resolve(run);
    });
  });
}
