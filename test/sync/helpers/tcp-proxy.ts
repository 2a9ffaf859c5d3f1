import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Cut every open connection now, both ends, as a pulled cable would. */
  cutAll(): void;
  /** Cut a connection once this many bytes (both directions) crossed it; null stops cutting. */
  cutAfterBytes(bytes: number | null): void;
  /**
   * Let the client's next packet containing `text` (the nth one counted across connections) reach
   * the server whole, then cut before any answer comes back: a COMMIT done but never acknowledged.
   */
  cutAfterSending(text: string, occurrence?: number): void;
  /** How many connections were cut so far. */
  readonly cuts: number;
  close(): Promise<void>;
}

/** A loopback TCP proxy in front of MariaDB that can cut connections mid-conversation. */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<{ client: Socket; server: Socket }>();
  let limit: number | null = null;
  let cuts = 0;
  let afterSending: { text: Buffer; remaining: number } | null = null;

  const cut = (pair: { client: Socket; server: Socket }) => {
    if (!open.delete(pair)) return;
    cuts += 1;
    pair.client.destroy();
    pair.server.destroy();
  };

  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    const pair = { client, server: upstream };
    open.add(pair);
    let bytes = 0;
    let draining = false;
    const relay = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (!open.has(pair)) return;
        if (limit !== null && bytes + chunk.length > limit) {
          // Forward part of the chunk first, so the cut lands mid-packet, not between packets.
          const keep = Math.max(0, limit - bytes);
          if (keep > 0) to.write(chunk.subarray(0, keep));
          cut(pair);
          return;
        }
        bytes += chunk.length;
        if (from === client && afterSending && chunk.includes(afterSending.text) && --afterSending.remaining === 0) {
          afterSending = null;
          // end() flushes the packet to the server before the FIN; the client hears nothing back.
          open.delete(pair);
          cuts += 1;
          draining = true;
          upstream.end(chunk);
          client.destroy();
          return;
        }
        to.write(chunk);
      });
    };
    relay(client, upstream);
    relay(upstream, client);
    const end = () => {
      open.delete(pair);
      client.destroy();
      if (!draining) upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cutAll() {
      for (const pair of [...open]) cut(pair);
    },
    cutAfterBytes(bytes) {
      limit = bytes;
    },
    cutAfterSending(text, occurrence = 1) {
      afterSending = { text: Buffer.from(text), remaining: occurrence };
    },
    get cuts() {
      return cuts;
    },
    close() {
      for (const pair of [...open]) cut(pair);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
