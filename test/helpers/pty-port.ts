import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/**
 * A real character device to print to in tests: a pseudo-terminal whose other end is held by
 * util-linux `script`. Bytes written to the port (the /dev/pts/N name) come out of the child's
 * stdout unchanged, because the terminal is switched to raw mode first.
 */
export interface PtyPort {
  /** /dev/pts/N */
  path: string;
  /** Everything written to the port so far. */
  received(): Buffer;
  stop(): Promise<void>;
}

/** Whether util-linux `script` is here (Linux); tests that need a port skip themselves otherwise. */
export function ptyPortAvailable(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && /util-linux/.test(probe.stdout + probe.stderr);
}

export function openPtyPort(): Promise<PtyPort> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('script', ['-qfec', 'stty raw -echo; tty; exec sleep 600', '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = Buffer.alloc(0);
    let path: string | null = null;
    let start = 0;
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (path === null) reject(new Error(`script ended before giving a terminal (${code})`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output = Buffer.concat([output, chunk]);
      if (path !== null) return;
      const newline = output.indexOf(0x0a);
      if (newline < 0) return;
      path = output.subarray(0, newline).toString().trim();
      start = newline + 1;
      resolve({
        path,
        received: () => output.subarray(start),
        async stop() {
          child.kill('SIGKILL');
          await closed;
        },
      });
    });
  });
}
