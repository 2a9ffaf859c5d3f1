// tsyringe inside @peculiar/x509 2.x needs the Reflect metadata API; it must be loaded before it.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { X509Certificate, createPrivateKey, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { MarqueeError } from '../../src-shared/errors.ts';
import { LOOPBACK_NAMES as ALWAYS } from './client-address.ts';

/*
 * Host mode on the venue network speaks only HTTPS and WSS: a PIN or a session secret sent in clear
 * over the venue's Wi-Fi is one packet capture away from a stranger. The certificate is either the
 * venue's own (--tls-cert/--tls-key) or one Marquee makes once and keeps in the data folder; a
 * browser cannot know the latter, so the pairing screen shows its SHA-256 fingerprint for a
 * manager to compare with the one the host prints at start.
 *
 * The certificate is built with @peculiar/x509: it is maintained, typed, and signs through Node's
 * own WebCrypto, so the key is made and used by OpenSSL rather than by JavaScript big-number code
 * (node-forge), and it is what `selfsigned` wraps, without that wrapper's older 1.x line.
 */

export interface HostTls {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as AA:BB:…, for the pairing screen and the start-up line. */
  fingerprint: string;
  source: 'supplied' | 'created';
  /** What happened at start, for the log line: 'created', 'kept', 'renewed: …', or 'supplied'. */
  status: string;
  notAfter: Date;
  /** Things worth a line in the log that do not stop the host (a supplied certificate not naming the host). */
  warnings: string[];
}

export interface HostTlsOptions {
  dataDir: string;
  /** Names and addresses the host answers to, beyond localhost and 127.0.0.1 (see namesForHost). */
  names: string[];
  certFile?: string;
  keyFile?: string;
  now?: Date;
}

/** Browsers (Apple's first) refuse server certificates valid for longer than 398 days. */
const VALID_DAYS = 397;
/** Renewed this long before it runs out, so a show night never meets an expired certificate. */
const RENEW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const TLS_DIR = 'tls';
export const CERT_FILE = 'host-cert.pem';
export const KEY_FILE = 'host-key.pem';

/** Node's X509Certificate already writes the SHA-256 fingerprint as AA:BB:…; uppercase to be sure. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.toUpperCase();
}

/** The names a certificate carries, read from its subjectAltName ("DNS:localhost, IP Address:127.0.0.1"). */
export function namesInCertificate(cert: X509Certificate): string[] {
  const names = new Set<string>();
  for (const part of (cert.subjectAltName ?? '').split(',')) {
    const match = /^\s*(DNS|IP Address):(.+)$/.exec(part);
    if (!match?.[2]) continue;
    names.add(normaliseName(match[2].trim()));
  }
  return [...names].sort();
}

/** OpenSSL writes IPv6 addresses in its own long form; compare them as Node's URL does. */
function normaliseName(name: string): string {
  if (isIP(name) === 6) return new URL(`http://[${name}]/`).hostname.slice(1, -1);
  return name.toLowerCase();
}

function readSupplied(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : 'cannot be read';
    throw new MarqueeError('BAD_INPUT', `The ${what} file ${file} ${why}; check --tls-${what === 'certificate' ? 'cert' : 'key'}.`);
  }
}

function loadSupplied(certFile: string, keyFile: string, names: string[], now: Date): HostTls {
  const certPem = readSupplied(certFile, 'certificate');
  const keyPem = readSupplied(keyFile, 'key');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    throw new MarqueeError('BAD_INPUT', `The certificate file ${certFile} does not hold a PEM certificate ("-----BEGIN CERTIFICATE-----").`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new MarqueeError(
      'BAD_INPUT',
      `The key file ${keyFile} does not hold an unencrypted PEM private key; a key with a passphrase cannot be used.`,
    );
  }
  if (!cert.checkPrivateKey(key)) {
    throw new MarqueeError('BAD_INPUT', `The key in ${keyFile} does not belong to the certificate in ${certFile}; give the matching pair.`);
  }
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() <= now.getTime()) {
    throw new MarqueeError('BAD_INPUT', `The certificate in ${certFile} expired on ${notAfter.toISOString().slice(0, 10)}; renew it.`);
  }
  if (new Date(cert.validFrom).getTime() > now.getTime()) {
    throw new MarqueeError('BAD_INPUT', `The certificate in ${certFile} is not valid before ${new Date(cert.validFrom).toISOString().slice(0, 10)}; check this computer's clock.`);
  }
  const warnings: string[] = [];
  const uncovered = names.filter((name) => !ALWAYS.includes(name) && !(isIP(name) ? cert.checkIP(name) : cert.checkHost(name)));
  if (uncovered.length > 0) warnings.push(`The supplied certificate does not name ${uncovered.join(', ')}; browsers using those will warn.`);
  return { cert: certPem, key: keyPem, fingerprint: fingerprintOf(certPem), source: 'supplied', status: 'supplied', notAfter, warnings };
}

/** Reads the kept certificate, or says why a new one is needed. */
function keptCertificate(dir: string, names: string[], now: Date): { tls: HostTls } | { renew: string } {
  let certPem: string;
  let keyPem: string;
  try {
    certPem = readFileSync(join(dir, CERT_FILE), 'utf8');
    keyPem = readFileSync(join(dir, KEY_FILE), 'utf8');
  } catch {
    return { renew: 'created' };
  }
  try {
    const cert = new X509Certificate(certPem);
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return { renew: 'renewed: the kept key did not match the certificate' };
    const notAfter = new Date(cert.validTo);
    if (notAfter.getTime() - now.getTime() < RENEW_DAYS * DAY_MS) return { renew: 'renewed: the old one was about to expire' };
    if (namesInCertificate(cert).join(' ') !== names.map(normaliseName).sort().join(' ')) {
      return { renew: 'renewed: the host now answers to other names' };
    }
    // An older copy may have been written before the mode was enforced, or copied with a looser one.
    chmodSync(join(dir, KEY_FILE), 0o600);
    return { tls: { cert: certPem, key: keyPem, fingerprint: fingerprintOf(certPem), source: 'created', status: 'kept', notAfter, warnings: [] } };
  } catch {
    return { renew: 'renewed: the kept certificate could not be read' };
  }
}

function toPem(der: ArrayBuffer, label: string): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** ECDSA P-256: every browser takes it, and it is made in milliseconds where RSA takes a second. */
async function createCertificate(names: string[], now: Date): Promise<{ cert: string; key: string; notAfter: Date }> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  // Backdated an hour: a window whose clock runs a little behind the host's still accepts it.
  const notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  const notAfter = new Date(now.getTime() + VALID_DAYS * DAY_MS);
  // A positive 128-bit serial: two certificates made on the same host must never share one.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial.toString('hex'),
      name: `CN=Marquee host (${names.find((n) => !ALWAYS.includes(n)) ?? 'localhost'}), O=Marquee box office`,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: isIP(value) ? ('ip' as const) : ('dns' as const), value }))),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    },
    webcrypto,
  );
  const key = toPem(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return { cert: cert.toString('pem'), key, notAfter };
}

/** Written beside and renamed over, so a crash mid-write never leaves half a key. */
function writeKept(dir: string, file: string, text: string, mode: number): void {
  const path = join(dir, file);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  chmodSync(temp, mode);
  renameSync(temp, path);
}

/**
 * The certificate host mode serves with --lan: the venue's own when given, otherwise the one kept in
 * `<dataDir>/tls/`, made on first start and made again when the names change or it nears its end.
 * Throws a MarqueeError with a sentence when a supplied pair is unusable or the folder cannot be written.
 */
export async function prepareHostTls(options: HostTlsOptions): Promise<HostTls> {
  const now = options.now ?? new Date();
  const names = [...new Set([...ALWAYS, ...options.names.map(normaliseName)])].sort();
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) {
      throw new MarqueeError('BAD_INPUT', 'Give both --tls-cert and --tls-key, or neither to let Marquee make its own certificate.');
    }
    return loadSupplied(options.certFile, options.keyFile, names, now);
  }
  const dir = join(options.dataDir, TLS_DIR);
  const kept = keptCertificate(dir, names, now);
  if ('tls' in kept) return kept.tls;
  const made = await createCertificate(names, now);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeKept(dir, KEY_FILE, made.key, 0o600);
    writeKept(dir, CERT_FILE, made.cert, 0o644);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'an error';
    throw new MarqueeError(
      'STORAGE',
      // Said at start to whoever runs the host (never to a window), so naming the folder helps.
      `The host certificate could not be saved in ${dir} (${code}); check that the data folder can be written.`,
    );
  }
  return { ...made, fingerprint: fingerprintOf(made.cert), source: 'created', status: kept.renew, warnings: [] };
}
