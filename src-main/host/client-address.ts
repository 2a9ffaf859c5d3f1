import { networkInterfaces } from 'node:os';

/** Loopback, as a client's remote address shows it (IPv4, IPv6, and IPv4 on a dual-stack socket). */
const LOCAL_CLIENT_ADDRESSES: readonly string[] = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** Addresses a listening host may be given without --lan. */
export const LOOPBACK_LISTEN = new Set(['127.0.0.1', '::1', 'localhost']);

/** Listening on every interface: the names it answers to are then every address this computer has. */
export const WILDCARD_LISTEN = new Set(['0.0.0.0', '::', '']);

/**
 * Who counts as "this computer", so that its windows are paired when they register: loopback,
 * and this computer's own network addresses (a browser here that opens the host by its LAN
 * address connects from that address; no other computer can complete a TCP connection from it).
 * Read at start; an address the computer gets later is treated as another computer's.
 */
export function thisComputersAddresses(): string[] {
  const addresses = [...LOCAL_CLIENT_ADDRESSES];
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) {
      addresses.push(entry.address);
      if (entry.family === 'IPv4') addresses.push(`::ffff:${entry.address}`);
    }
  }
  return addresses;
}
