import { hostname, networkInterfaces } from 'node:os';

/** Loopback, as a client's remote address shows it (IPv4, IPv6, and IPv4 on a dual-stack socket). */
const LOCAL_CLIENT_ADDRESSES: readonly string[] = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** Addresses a listening host may be given without --lan. */
export const LOOPBACK_LISTEN = new Set(['127.0.0.1', '::1', 'localhost']);

/** The loopback names every host answers to and every certificate carries. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];

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

/**
 * The names a host started on `host` answers to, and so the names its certificate carries (one
 * list, so the two cannot drift apart): the address itself, or, for an all-interfaces address,
 * this computer's network addresses and its name; always the loopback names.
 */
export function namesForHost(host: string, extra: readonly string[] = []): string[] {
  const names = new Set<string>(LOOPBACK_NAMES);
  if (WILDCARD_LISTEN.has(host)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const entry of list ?? []) {
        // Link-local IPv6 needs a zone id that a certificate cannot carry.
        if (!entry.internal && !entry.address.startsWith('fe80:')) names.add(entry.address);
      }
    }
    const machine = hostname().toLowerCase();
    // What other computers on the venue network may call it, mDNS included.
    names.add(machine);
    names.add(`${machine}.local`);
  } else {
    names.add(host.toLowerCase());
  }
  for (const name of extra) names.add(name.toLowerCase());
  return [...names].sort();
}
