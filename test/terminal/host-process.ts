import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { sourceRoot } from '../../src-main/paths.ts';

/** Host mode's CLI in a child process that a test can also kill outright (SIGKILL: the power cut). */
export interface HostProcess {
  readonly output: string;
  readonly fingerprint: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `src-main/host/cli.ts --demo --lan` on [::1]:port over TLS and waits for its fingerprint line. */
export function startHostProcess(dataDir: string, port: number, timeoutMs = 60_000): Promise<HostProcess> {
  const args = ['--import', 'tsx', join(sourceRoot, 'src-main/host/cli.ts'), '--demo', '--data-dir', dataDir, '--host', '::1', '--lan', '--port', String(port)];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: sourceRoot, env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await ended;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void end('SIGKILL');
      reject(new Error(`host mode did not print its fingerprint in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const heard = (d: Buffer) => {
      output += d.toString();
      const found = /fingerprint[^:]*: ([0-9A-F]{2}(?::[0-9A-F]{2}){31})/.exec(output);
      if (!found || !/Open https:/.test(output)) return;
      clearTimeout(timer);
      resolve({ get output() { return output; }, fingerprint: found[1]!, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') });
    };
    child.stdout!.on('data', heard);
    child.stderr!.on('data', heard);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host mode exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** A free TCP port on loopback, for a host that must come back on the same address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The network between a terminal and its host: 127.0.0.1:port to [::1]:port, so the terminal
 * names the host by an address the host answers to. `loseNextAnswer` lets the next bytes from the
 * host reach nobody and calls `onAnswerLost` (the test kills the host there): a sale committed
 * whose answer never arrived. Bytes are TLS, so "the next" is whatever the host says first.
 */
export async function startNetwork(port: number): Promise<{ loseNextAnswer(onAnswerLost: () => void): void; close(): Promise<void> }> {
  let losing: (() => void) | null = null;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, '::1');
    open.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (losing) {
        const lost = losing;
        losing = null;
        client.destroy();
        lost();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    loseNextAnswer(onAnswerLost) {
      losing = onAnswerLost;
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
