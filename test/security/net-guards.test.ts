import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostCheck, splitHostAndPort } from '../../src-main/net/allowed-hosts.ts';
import { answerSafely, readBoundedBody, type BoundedBody } from '../../src-main/net/bounded-body.ts';
import { decodePathSafely, decodePathSegments } from '../../src-main/net/safe-path.ts';

describe('createHostCheck: the names a server answers to', () => {
  const check = createHostCheck({ names: ['192.168.1.20', 'Box-Office.local', '[fe80::1]'], port: 5180, scheme: 'http' });

  it('accepts loopback names and the names it was started with, on its own port', () => {
    for (const host of ['127.0.0.1:5180', 'localhost:5180', 'LOCALHOST:5180', '[::1]:5180', '192.168.1.20:5180', 'box-office.LOCAL:5180', '[FE80::1]:5180']) {
      expect(check.hostAllowed(host), host).toBe(true);
    }
  });

  it('refuses a rebinding name even with a matching Origin, another port, a missing port, and junk', () => {
    expect(check.hostAllowed('evil.example:5180')).toBe(false);
    expect(check.originAllowed('http://evil.example:5180')).toBe(false);
    for (const host of [undefined, '', '127.0.0.1:5181', '127.0.0.1', 'localhost:0', '::1:5180', '[::1', '[::1]x', '127.0.0.1:5180/x', 'user@127.0.0.1:5180', '127.0.0.1:99999', '127.0.0.1:abc']) {
      expect(check.hostAllowed(host), String(host)).toBe(false);
    }
  });

  it('accepts a missing port only when it is the scheme default', () => {
    expect(createHostCheck({ names: [], port: 80, scheme: 'http' }).hostAllowed('localhost')).toBe(true);
    expect(createHostCheck({ names: [], port: 443, scheme: 'https' }).hostAllowed('localhost')).toBe(true);
    expect(createHostCheck({ names: [], port: 443, scheme: 'https' }).originAllowed('https://localhost')).toBe(true);
    expect(createHostCheck({ names: [], port: 443, scheme: 'https' }).originAllowed('http://localhost')).toBe(false);
    expect(createHostCheck({ names: [], port: 80, scheme: 'https' }).hostAllowed('localhost')).toBe(false);
  });

  it('accepts no Origin, and only exact origins of allowed names with the right scheme and port', () => {
    expect(check.originAllowed(undefined)).toBe(true);
    expect(check.originAllowed('http://127.0.0.1:5180')).toBe(true);
    expect(check.originAllowed('HTTP://LocalHost:5180')).toBe(true);
    expect(check.originAllowed('http://[::1]:5180')).toBe(true);
    expect(check.originAllowed('http://192.168.1.20:5180')).toBe(true);
    for (const origin of ['null', '', 'https://127.0.0.1:5180', 'http://127.0.0.1:5181', 'http://127.0.0.1', 'http://127.0.0.1:5180/', 'http://127.0.0.1:5180/path', 'http://a@127.0.0.1:5180', 'file://', 'http://127.0.0.1.evil.example:5180']) {
      expect(check.originAllowed(origin), origin).toBe(false);
    }
  });

  it('splits host and port, brackets and all', () => {
    expect(splitHostAndPort('[::1]:80')).toEqual({ name: '::1', port: 80 });
    expect(splitHostAndPort('Example.COM')).toEqual({ name: 'example.com', port: null });
    expect(splitHostAndPort('::1')).toBeNull();
  });
});

describe('decodePathSafely: malformed escapes become null, never a throw', () => {
  it('decodes good paths and drops the query', () => {
    expect(decodePathSafely('/v1/layouts/caf%C3%A9/preview.png?widthDots=576')).toBe('/v1/layouts/café/preview.png');
    expect(decodePathSafely('/')).toBe('/');
    expect(decodePathSegments('/v1//layouts/a%2Fb#x')).toEqual(['v1', 'layouts', 'a/b']);
  });

  it('answers null for malformed escapes, NUL bytes and targets that are not paths', () => {
    for (const raw of ['/%E0%A4%A', '/v1/layouts/%E0%A4%A/preview.png', '/%', '/%zz', '/a%00b', 'http://x/', '*', undefined]) {
      expect(decodePathSafely(raw), String(raw)).toBeNull();
      expect(decodePathSegments(raw), String(raw)).toBeNull();
    }
  });
});

describe('readBoundedBody and answerSafely over a real socket', () => {
  let server: Server | null = null;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };

  afterEach(async () => {
    process.off('uncaughtException', onUncaught);
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  });

  async function start(limit: number, onResult: (result: BoundedBody) => void): Promise<number> {
    process.on('uncaughtException', onUncaught);
    const s = createServer((req: IncomingMessage, res: ServerResponse) => {
      void readBoundedBody(req, limit).then((result) => {
        onResult(result);
        if (result.ok) answerSafely(res, 200, { 'content-type': 'text/plain' }, `got ${result.body.length}`);
        else if (result.reason === 'too-large') answerSafely(res, 413, { 'content-type': 'text/plain' }, 'too large', { close: true });
      });
    });
    server = s;
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return (s.address() as AddressInfo).port;
  }

  function post(port: number, body: Buffer | Buffer[], headers: Record<string, string> = {}): Promise<{ status: number | 'reset'; text: string }> {
    return new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', () => resolve({ status: 'reset', text: '' }));
      });
      req.on('error', () => resolve({ status: 'reset', text: '' }));
      for (const part of Array.isArray(body) ? body : [body]) req.write(part);
      req.end();
    });
  }

  it('reads a body under the limit', async () => {
    const results: BoundedBody[] = [];
    const port = await start(1024, (r) => results.push(r));
    expect(await post(port, Buffer.alloc(1000, 1))).toEqual({ status: 200, text: 'got 1000' });
    expect(results[0]).toMatchObject({ ok: true });
  });

  it('refuses a declared length over the limit before reading it', async () => {
    const results: BoundedBody[] = [];
    const port = await start(1024, (r) => results.push(r));
    const answer = await post(port, Buffer.alloc(2000, 1), { 'content-length': '2000' });
    expect(results).toEqual([{ ok: false, reason: 'too-large' }]);
    expect([413, 'reset']).toContain(answer.status);
  });

  it('refuses a chunked body over the limit without crashing, and keeps answering', async () => {
    const results: BoundedBody[] = [];
    const port = await start(64 * 1024, (r) => results.push(r));
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, 7));
    const answer = await post(port, chunks, { 'transfer-encoding': 'chunked' });
    expect([413, 'reset']).toContain(answer.status);
    expect(results).toEqual([{ ok: false, reason: 'too-large' }]);
    expect(await post(port, Buffer.from('small'))).toEqual({ status: 200, text: 'got 5' });
    expect(uncaught).toEqual([]);
  });

  it('reports a client that goes away mid-body as aborted, and answerSafely then writes nothing', async () => {
    let resolveResult: (r: BoundedBody) => void = () => {};
    const result = new Promise<BoundedBody>((resolve) => (resolveResult = resolve));
    const port = await start(1024 * 1024, (r) => resolveResult(r));
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\npartial');
    await new Promise((resolve) => setImmediate(resolve));
    socket.destroy();
    expect(await result).toEqual({ ok: false, reason: 'aborted' });
    expect(uncaught).toEqual([]);
  });
});
