/**
 * Which names a server answers to. A browser page on any web site can make this computer's
 * browser send requests to 127.0.0.1 under a name the attacker controls (DNS rebinding): the
 * request then carries `Host: evil.example:5180` and a matching `Origin`. Comparing Origin
 * with Host therefore proves nothing; both are checked against the names the server was
 * started with instead. WebSocket upgrades go through the same two checks.
 */

export type HostScheme = 'http' | 'https';

export interface HostCheckOptions {
  /** Names and addresses the server was started with (`--lan` address, a host name); loopback is always allowed. */
  names: readonly string[];
  /** The port the server listens on. */
  port: number;
  scheme: HostScheme;
}

export interface HostCheck {
  /** True when a request's `Host` header names this server. A missing header is refused. */
  hostAllowed(hostHeader: string | undefined): boolean;
  /** True when there is no `Origin`, or it is `${scheme}://<allowed name>:<port>`. */
  originAllowed(origin: string | undefined): boolean;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const DEFAULT_PORT: Record<HostScheme, number> = { http: 80, https: 443 };

/** Lower case, without IPv6 brackets: `[::1]` and `::1` are the same name. */
function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

/**
 * Splits `name`, `name:port`, `[v6]` or `[v6]:port` into its parts; null when it is none of
 * these (an unbracketed IPv6 address, a port that is not a number, anything with a path).
 */
export function splitHostAndPort(value: string): { name: string; port: number | null } | null {
  const text = value.trim();
  if (text === '' || /[\s/?#@\\]/.test(text)) return null;
  let name: string;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return null;
    name = text.slice(1, close);
    const rest = text.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return null;
      portText = rest.slice(1);
    }
  } else {
    const colon = text.indexOf(':');
    if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) return null; // bare IPv6 is not a valid Host
    name = colon >= 0 ? text.slice(0, colon) : text;
    portText = colon >= 0 ? text.slice(colon + 1) : undefined;
  }
  if (name === '') return null;
  if (portText === undefined) return { name: name.toLowerCase(), port: null };
  if (!/^\d{1,5}$/.test(portText)) return null;
  const port = Number(portText);
  if (port < 1 || port > 65535) return null;
  return { name: name.toLowerCase(), port };
}

export function createHostCheck(options: HostCheckOptions): HostCheck {
  const allowedNames = new Set([...LOOPBACK_NAMES, ...options.names.map(normalizeName)].filter((n) => n !== ''));
  const defaultPort = DEFAULT_PORT[options.scheme];

  const matches = (hostAndPort: string): boolean => {
    const parts = splitHostAndPort(hostAndPort);
    if (!parts || !allowedNames.has(parts.name)) return false;
    const port = parts.port ?? defaultPort;
    return port === options.port;
  };

  return {
    hostAllowed(hostHeader) {
      return typeof hostHeader === 'string' && matches(hostHeader);
    },
    originAllowed(origin) {
      if (origin === undefined) return true;
      // An origin is exactly `scheme://host[:port]`: no path, no credentials, no trailing slash.
      const match = /^([a-z][a-z0-9+.-]*):\/\/([^/]+)$/i.exec(origin.trim());
      if (!match || match[1]!.toLowerCase() !== options.scheme) return false;
      return matches(match[2]!);
    },
  };
}
