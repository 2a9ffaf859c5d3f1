import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { X509Certificate, webcrypto } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHostServer, type HostServer } from '../../src-main/host/server.ts';
import { CERT_FILE, KEY_FILE, TLS_DIR, namesInCertificate, prepareHostTls } from '../../src-main/host/tls.ts';
import { namesForHost } from '../../src-main/host/client-address.ts';
import { runHostCli as runCli, type HostCliRun } from '../helpers/host-cli.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-tls-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A venue's own certificate, made here the way a venue's IT would, not by Marquee's code. */
async function venueCertificate(names: string[]): Promise<{ cert: string; key: string }> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '0a1b2c',
      name: 'CN=boxoffice.venue.test',
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 30 * 24 * 3600 * 1000),
      keys,
      signingAlgorithm: algorithm,
      extensions: [new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: /^[\d.]+$/.test(value) ? ('ip' as const) : ('dns' as const), value })))],
    },
    webcrypto,
  );
  const der = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const key = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`;
  return { cert: cert.toString('pem'), key };
}

async function startTlsHost(tls: { cert: string; key: string }): Promise<{ server: HostServer; temp: TempBoxOffice }> {
  const temp = openTempBoxOffice();
  cleanups.push(() => temp.dispose());
  // --lan semantics on 127.0.0.1, with loopback counted as another computer (no local windows).
  const server = await startHostServer({ boxOffice: composeForTest(temp.office), host: '127.0.0.1', port: 0, allowLan: true, tls, localClientAddresses: [] });
  cleanups.push(() => server.close());
  return { server, temp };
}

/** A GET over HTTPS trusting only `ca`; answers the status, body and the certificate the host showed. */
function httpsGet(port: number, path: string, ca: string): Promise<{ status: number; body: string; peerFingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, ca, method: 'GET' }, (res) => {
      const peer = (res.socket as TLSSocket).getPeerCertificate();
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, peerFingerprint: peer.fingerprint256 }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Plain HTTP to the TLS port: resolves with what happened, an answer or the error. */
function plainHttpGet(port: number, path: string): Promise<{ status: number | null; error: string | null }> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: null, error: error.code ?? error.message }));
    req.end();
  });
}

describe('the certificate host mode makes and keeps for --lan', () => {
  it('is made on first start in the data folder, its key readable by the owner only, naming the host and loopback', async () => {
    const dataDir = tempDir();
    const tls = await prepareHostTls({ dataDir, names: namesForHost('192.0.2.10') });
    expect(tls).toMatchObject({ source: 'created', status: 'created', warnings: [] });
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const certPem = readFileSync(join(dataDir, TLS_DIR, CERT_FILE), 'utf8');
    expect(certPem).toBe(tls.cert);
    expect(readFileSync(join(dataDir, TLS_DIR, KEY_FILE), 'utf8')).toBe(tls.key);
    expect(statSync(join(dataDir, TLS_DIR, KEY_FILE)).mode & 0o777).toBe(0o600);
    const cert = new X509Certificate(certPem);
    expect(tls.fingerprint).toBe(cert.fingerprint256);
    expect(namesInCertificate(cert)).toEqual(['127.0.0.1', '192.0.2.10', '::1', 'localhost']);
    expect(cert.checkIP('192.0.2.10')).toBe('192.0.2.10');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.ca).toBe(false);
    const days = (Date.parse(cert.validTo) - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(390);
    expect(days).toBeLessThan(398);
  });

  it('names every address of this computer, and its name, when the host listens on all of them', () => {
    const names = namesForHost('0.0.0.0', ['BoxOffice.local']);
    const machine = hostname().toLowerCase();
    expect(names).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1', machine, `${machine}.local`, 'boxoffice.local']));
    for (const entry of Object.values(networkInterfaces()).flat()) {
      if (entry && !entry.internal && !entry.address.startsWith('fe80:')) expect(names).toContain(entry.address);
    }
  });

  it('is kept across starts, tightens a loosened key file, and is made again when the names change or the end nears', async () => {
    const dataDir = tempDir();
    const first = await prepareHostTls({ dataDir, names: ['192.0.2.10'] });
    chmodSync(join(dataDir, TLS_DIR, KEY_FILE), 0o644);
    const again = await prepareHostTls({ dataDir, names: ['192.0.2.10'] });
    expect(again).toMatchObject({ status: 'kept', fingerprint: first.fingerprint });
    expect(statSync(join(dataDir, TLS_DIR, KEY_FILE)).mode & 0o777).toBe(0o600);

    const moved = await prepareHostTls({ dataDir, names: ['192.0.2.11'] });
    expect(moved.status).toMatch(/renewed: the host now answers to other names/);
    expect(moved.fingerprint).not.toBe(first.fingerprint);
    expect(namesInCertificate(new X509Certificate(readFileSync(join(dataDir, TLS_DIR, CERT_FILE))))).toContain('192.0.2.11');

    const nearTheEnd = new Date(moved.notAfter.getTime() - 10 * 24 * 3600 * 1000);
    const renewed = await prepareHostTls({ dataDir, names: ['192.0.2.11'], now: nearTheEnd });
    expect(renewed.status).toMatch(/renewed: the old one was about to expire/);
    expect(renewed.notAfter.getTime()).toBeGreaterThan(moved.notAfter.getTime());

    writeFileSync(join(dataDir, TLS_DIR, CERT_FILE), 'not a certificate');
    const damaged = await prepareHostTls({ dataDir, names: ['192.0.2.11'] });
    expect(damaged.status).toMatch(/renewed: the kept certificate could not be read/);
  });

  it('says in a sentence, without a stack trace, when the data folder cannot hold it', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, TLS_DIR), 'a file where the folder should be');
    await expect(prepareHostTls({ dataDir, names: [] })).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(new RegExp(`^The host certificate could not be saved in ${join(dataDir, TLS_DIR)} \\(E\\w+\\); check that the data folder can be written\\.$`)),
    });
  });
});

describe('a certificate the venue supplies', () => {
  it('is used as given, and a host name it does not carry is a warning', async () => {
    const dir = tempDir();
    const venue = await venueCertificate(['boxoffice.venue.test', '127.0.0.1']);
    writeFileSync(join(dir, 'venue.pem'), venue.cert);
    writeFileSync(join(dir, 'venue.key'), venue.key, { mode: 0o600 });
    const tls = await prepareHostTls({ dataDir: dir, names: ['boxoffice.venue.test', '192.0.2.10'], certFile: join(dir, 'venue.pem'), keyFile: join(dir, 'venue.key') });
    expect(tls).toMatchObject({ source: 'supplied', cert: venue.cert, key: venue.key, fingerprint: new X509Certificate(venue.cert).fingerprint256 });
    expect(tls.warnings).toEqual(['The supplied certificate does not name 192.0.2.10; browsers using those will warn.']);
    // Nothing is made in the data folder when the venue brings its own.
    expect(() => statSync(join(dir, TLS_DIR))).toThrow();
  });

  it('is checked at start: a missing file, a file that is not PEM, and a key of another certificate are sentences', async () => {
    const dir = tempDir();
    const venue = await venueCertificate(['127.0.0.1']);
    const other = await venueCertificate(['127.0.0.1']);
    writeFileSync(join(dir, 'venue.pem'), venue.cert);
    writeFileSync(join(dir, 'other.key'), other.key);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const names = ['127.0.0.1'];
    await expect(prepareHostTls({ dataDir: dir, names, certFile: join(dir, 'missing.pem'), keyFile: join(dir, 'other.key') })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: `The certificate file ${join(dir, 'missing.pem')} does not exist; check --tls-cert.`,
    });
    await expect(prepareHostTls({ dataDir: dir, names, certFile: join(dir, 'notes.txt'), keyFile: join(dir, 'other.key') })).rejects.toMatchObject({
      message: expect.stringMatching(/does not hold a PEM certificate/),
    });
    await expect(prepareHostTls({ dataDir: dir, names, certFile: join(dir, 'venue.pem'), keyFile: join(dir, 'notes.txt') })).rejects.toMatchObject({
      message: expect.stringMatching(/does not hold an unencrypted PEM private key/),
    });
    await expect(prepareHostTls({ dataDir: dir, names, certFile: join(dir, 'venue.pem'), keyFile: join(dir, 'other.key') })).rejects.toMatchObject({
      message: `The key in ${join(dir, 'other.key')} does not belong to the certificate in ${join(dir, 'venue.pem')}; give the matching pair.`,
    });
    await expect(prepareHostTls({ dataDir: dir, names, certFile: join(dir, 'venue.pem') })).rejects.toMatchObject({
      message: 'Give both --tls-cert and --tls-key, or neither to let Marquee make its own certificate.',
    });
  });
});

describe('host mode with --lan speaks only HTTPS and WSS', () => {
  it('serves HTTPS and WSS with the certificate whose fingerprint it shows, and plain HTTP to that port fails', async () => {
    const tls = await prepareHostTls({ dataDir: tempDir(), names: namesForHost('127.0.0.1') });
    const { server } = await startTlsHost(tls);
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);

    const health = await httpsGet(server.port, '/healthz', tls.cert);
    expect(health.status).toBe(200);
    expect(health.peerFingerprint).toBe(tls.fingerprint);

    const ws = new WebSocket(`wss://127.0.0.1:${server.port}/events`, { ca: tls.cert });
    const opened = await new Promise<{ fingerprint: string }>((resolve, reject) => {
      ws.once('open', () => resolve({ fingerprint: (ws as unknown as { _socket: TLSSocket })._socket.getPeerCertificate().fingerprint256 }));
      ws.once('error', reject);
    });
    expect(opened.fingerprint).toBe(tls.fingerprint);
    ws.close();

    // Plain HTTP gets no answer at all (the TLS layer drops the connection), let alone the API.
    const plain = await plainHttpGet(server.port, '/healthz');
    expect(plain).toMatchObject({ status: null, error: expect.stringMatching(/ECONNRESET|EPROTO|socket hang up/) });

    // A client that trusts only the public roots refuses the host's own certificate: it must be compared.
    await expect(
      new Promise((resolve, reject) => {
        const req = httpsRequest({ host: '127.0.0.1', port: server.port, path: '/healthz' }, resolve);
        req.on('error', reject);
        req.end();
      }),
    ).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('serves a certificate the venue supplies', async () => {
    const venue = await venueCertificate(['127.0.0.1']);
    const { server } = await startTlsHost(venue);
    const health = await httpsGet(server.port, '/healthz', venue.cert);
    expect(health.status).toBe(200);
    expect(health.peerFingerprint).toBe(new X509Certificate(venue.cert).fingerprint256);
  });

  it('refuses to answer another address over plain HTTP', async () => {
    const temp = openTempBoxOffice();
    cleanups.push(() => temp.dispose());
    await expect(startHostServer({ boxOffice: composeForTest(temp.office), host: '0.0.0.0', port: 0, allowLan: true })).rejects.toThrow(/HTTPS/);
  });
});

/** Host mode as `npm run serve` starts it, in a child process; resolves with what it printed and its exit code. */
async function runHostCli(args: string[], until: RegExp): Promise<HostCliRun> {
  const run = await runCli(args, until);
  cleanups.push(() => run.stop());
  return run;
}

describe('the host command line with --lan', () => {
  it('prints an https address and the fingerprint of the certificate it serves, made in the data folder', async () => {
    const dataDir = tempDir();
    const run = await runHostCli(['--data-dir', dataDir, '--host', '127.0.0.1', '--lan'], /fingerprint[^\n]*: [0-9A-F:]+\n/);
    const url = /Open (https:\/\/\S+) in a browser/.exec(run.output)?.[1];
    expect(url, run.output).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const certPem = readFileSync(join(dataDir, TLS_DIR, CERT_FILE), 'utf8');
    const fingerprint = new X509Certificate(certPem).fingerprint256;
    expect(run.output).toContain(fingerprint);
    const health = await httpsGet(Number(new URL(url!).port), '/healthz', certPem);
    expect(health).toMatchObject({ status: 200, peerFingerprint: fingerprint });
    await run.stop();
  });

  it('stops with a sentence and exit code 2 when the venue certificate cannot be read', async () => {
    const dataDir = tempDir();
    const run = await runHostCli(['--data-dir', dataDir, '--host', '127.0.0.1', '--lan', '--tls-cert', 'no-such-cert.pem', '--tls-key', 'no-such-key.pem'], /$^/);
    expect(run.code).toBe(2);
    expect(run.output.trim()).toBe('The certificate file no-such-cert.pem does not exist; check --tls-cert.');
  });
});
