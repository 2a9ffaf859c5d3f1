import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { retryPauseMs, watchHost, type HostConnection } from '../../src-shared/host-connection.ts';
import type { HostLink } from '../../src-shared/http-bridge.ts';

/** A real HTTP server answering /healthz, as host mode does, that the test stops and starts again on one port. */
function listen(port = 0): Promise<Server> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The bridge's side: hints it gives, and how often the watch asked it to reconnect. */
function recordingLink() {
  const listeners = new Set<(hint: 'answered' | 'lost') => void>();
  const link: HostLink & { hint(h: 'answered' | 'lost'): void; reconnects: number } = {
    reconnects: 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnectNow() {
      link.reconnects++;
    },
    hint(h) {
      for (const listener of listeners) listener(h);
    },
  };
  return link;
}

let watch: HostConnection | null = null;
let server: Server | null = null;
afterEach(async () => {
  watch?.stop();
  if (server?.listening) await closeServer(server);
});

describe('the host watch (issue #16, when the host goes away)', () => {
  it('backs off from 0.5 s, doubling, to at most 5 s', () => {
    expect([0, 1, 2, 3, 4, 5].map(retryPauseMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('a lost hint that the host confirms marks it unreachable; Try now after it is back marks it reachable and reconnects the socket', async () => {
    server = await listen();
    const { port } = server.address() as AddressInfo;
    const link = recordingLink();
    watch = watchHost({ baseUrl: `http://127.0.0.1:${port}`, link });

    // A socket closed while the host still answers: checked, and the window is not told.
    link.hint('lost');
    await expect.poll(() => watch!.current().checking).toBe(false);
    expect(watch.current().reachable).toBe(true);

    await closeServer(server);
    link.hint('lost');
    await expect.poll(() => watch!.current().reachable).toBe(false);
    const lost = watch.current();
    expect(lost.lostAt).not.toBeNull();
    expect(lost.retryAt! - Date.now()).toBeLessThanOrEqual(500);

    let back = false;
    void watch.whenReachable().then(() => (back = true));
    server = await listen(port);
    watch.tryNow();
    await expect.poll(() => back).toBe(true);
    expect(watch.current()).toMatchObject({ reachable: true, lostAt: null, attempts: 0 });
    expect(link.reconnects).toBe(1);
  });

  it('the heartbeat alone notices a host that stopped, with no hint from the bridge', async () => {
    server = await listen();
    const { port } = server.address() as AddressInfo;
    watch = watchHost({ baseUrl: `http://127.0.0.1:${port}`, link: recordingLink(), heartbeatMs: 100 });
    await closeServer(server);
    await expect.poll(() => watch!.current().reachable).toBe(false);
  });
});
