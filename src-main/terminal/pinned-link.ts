import { X509Certificate } from 'node:crypto';
import { request, type RequestOptions } from 'node:https';
import { connect, type PeerCertificate } from 'node:tls';
import WebSocket from 'ws';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { WebSocketCtor, WebSocketLike } from '../../src-shared/http-bridge.ts';

/**
 * A terminal trusts exactly one certificate: the host's, whose fingerprint a manager read off the
 * host's screen when the terminal was paired. No certificate authority is asked: the host's own
 * certificate is the only trust anchor, and its SHA-256 fingerprint must match what was pinned.
 */
export interface PinnedHost {
  /** https://address:port of the host. */
  url: string;
  /** SHA-256 fingerprint as Node and the host print it (AB:CD:…). */
  fingerprint: string;
  /** The host's certificate (PEM), read once at pairing and checked against the fingerprint. */
  certPem: string;
}

/** Fingerprints compare without regard to case, colons or spaces: people copy them by hand. */
export function sameFingerprint(a: string, b: string): boolean {
  const plain = (f: string) => f.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return plain(a) !== '' && plain(a) === plain(b);
}

/**
 * Reads the certificate the host at `url` presents, without trusting it yet, and checks it against
 * the fingerprint typed in. A mismatch is a sentence: someone else may be answering at that address.
 */
export function readHostCertificate(url: string, fingerprint: string, timeoutMs = 5000): Promise<PinnedHost> {
  const target = URL.canParse(url) ? new URL(url) : null;
  if (!target) return Promise.reject(new MarqueeError('BAD_INPUT', `${url} is not an address; type it as the host's Windows screen shows it, such as https://boxoffice.local:5180.`));
  if (target.protocol !== 'https:') return Promise.reject(new MarqueeError('BAD_INPUT', `A terminal joins a box office over HTTPS only; ${url} is not an https:// address.`));
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.hostname, port: Number(target.port || 443), servername: isIpLiteral(target.hostname) ? undefined : target.hostname, rejectUnauthorized: false });
    const timer = setTimeout(() => socket.destroy(new Error(`the box office at ${url} did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert: PeerCertificate = socket.getPeerCertificate();
      socket.end();
      const pem = new X509Certificate(cert.raw).toString();
      if (!sameFingerprint(cert.fingerprint256, fingerprint)) {
        reject(new MarqueeError('BAD_INPUT', `The box office at ${url} shows certificate ${cert.fingerprint256}, not the fingerprint entered (${fingerprint}); check the address, or ask a manager to read it again from the host's Windows screen.`));
        return;
      }
      resolve({ url: url.replace(/\/$/, ''), fingerprint: cert.fingerprint256, certPem: pem });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new MarqueeError('HOST_UNREACHABLE', `The box office at ${url} could not be reached: ${error.message}.`));
    });
  });
}

function isIpLiteral(hostname: string): boolean {
  return /^[\d.]+$/.test(hostname) || hostname.includes(':') || hostname.startsWith('[');
}

/** TLS options that accept the pinned certificate and nothing else, whatever name the host is reached by. */
function pinnedTls(pin: PinnedHost): Pick<RequestOptions, 'ca' | 'checkServerIdentity'> {
  return {
    ca: pin.certPem,
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      sameFingerprint(cert.fingerprint256, pin.fingerprint) ? undefined : new Error(`the box office now shows certificate ${cert.fingerprint256}, not the one this terminal was paired with`),
  };
}

/**
 * The `fetch` the http bridge calls, over node:https with the pinned certificate, adding the
 * terminal's own headers. Only what the bridge uses: method, headers, a string body; the answer's
 * status, headers and body as a standard Response.
 */
export function pinnedFetch(pin: PinnedHost, extraHeaders: Record<string, string>, timeoutMs = 15_000): typeof fetch {
  const tls = pinnedTls(pin);
  return ((input: string | URL, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const headers = { ...(init.headers as Record<string, string> | undefined), ...extraHeaders };
      const req = request(String(input), { method: init.method ?? 'GET', headers, timeout: timeoutMs, ...tls }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') answerHeaders.set(name, value);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: answerHeaders }));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    })) as typeof fetch;
}

/** The WebSocket class the http bridge opens its event socket with, pinned the same way. */
export function pinnedWebSocket(pin: PinnedHost): WebSocketCtor {
  const tls = pinnedTls(pin);
  return class PinnedSocket implements WebSocketLike {
    onopen: ((ev: unknown) => void) | null = null;
    onmessage: ((ev: { data: unknown }) => void) | null = null;
    onclose: ((ev: unknown) => void) | null = null;
    onerror: ((ev: unknown) => void) | null = null;
    private readonly ws: WebSocket;
    constructor(url: string) {
      // ws hands these to tls.connect as they are; its own typing of checkServerIdentity is not Node's.
      this.ws = new WebSocket(url, { ca: tls.ca, checkServerIdentity: tls.checkServerIdentity } as unknown as WebSocket.ClientOptions);
      this.ws.on('open', () => this.onopen?.({}));
      this.ws.on('message', (data) => this.onmessage?.({ data: data.toString() }));
      this.ws.on('close', (code, reason) => this.onclose?.({ code, reason: reason.toString() }));
      this.ws.on('error', (error) => this.onerror?.(error));
    }
    send(data: string): void {
      this.ws.send(data);
    }
    close(): void {
      this.ws.close();
    }
  };
}
