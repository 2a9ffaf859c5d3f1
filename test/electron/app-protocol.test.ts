import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy.ts';
import { handleAppProtocol, serveRenderer } from '../../src-main/electron/app-protocol.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';

// A real folder on disk: a built renderer, a secret beside it, and links that try to lead out.
const base = makeTempDir('marquee-app-protocol-');
const rendererDir = join(base, 'renderer');
const SECRET = 'TOP SECRET: the safe code is 1234';
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marquee</title><script type="module" src="./assets/index-abc.js"></script>');
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("box office");');
writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body { color: white; }');
writeFileSync(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
writeFileSync(join(rendererDir, 'assets', 'blob.bin'), Buffer.from([1, 2, 3]));
writeFileSync(join(rendererDir, '.env'), SECRET);
writeFileSync(join(base, 'secret.txt'), SECRET);
writeFileSync(join(base, 'renderer-evil', 'secret.txt'), SECRET);
symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'leak.txt'));
symlinkSync(base, join(rendererDir, 'outside'));
symlinkSync(join(base, 'renderer-evil'), join(rendererDir, 'sibling'));
symlinkSync(join(rendererDir, 'assets', 'index-abc.js'), join(rendererDir, 'alias.js'));

afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = serveRenderer(rendererDir);
const get = (url: string, method = 'GET') => serve({ url, method });

async function expectRefused(url: string, status: number) {
  const response = await get(url);
  const body = await response.text();
  expect(response.status, url).toBe(status);
  expect(body, url).not.toContain(SECRET);
  // A sentence, never a path of this machine or a stack trace.
  expect(body, url).not.toContain(base);
  expect(body, url).not.toMatch(/\n\s+at /);
  expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
}

describe('the app:// protocol handler', () => {
  it('serves index.html for the app URL and for the bare origin, with the one CSP', async () => {
    for (const url of ['app://marquee/index.html', 'app://marquee/', 'app://marquee', 'app://marquee/index.html?x=1#/sell']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Marquee</title>');
    }
  });

  it('serves assets with their content types', async () => {
    const cases: [string, string, string | null][] = [
      ['app://marquee/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log("box office");'],
      ['app://marquee/assets/index-abc.css', 'text/css; charset=utf-8', 'body { color: white; }'],
      ['app://marquee/assets/font.woff2', 'font/woff2', null],
      ['app://marquee/assets/blob.bin', 'application/octet-stream', null],
      // An escaped but harmless name is the same file.
      ['app://marquee/assets/index%2Dabc.js', 'text/javascript; charset=utf-8', 'console.log("box office");'],
      // A link that stays inside the folder is followed.
      ['app://marquee/alias.js', 'text/javascript; charset=utf-8', 'console.log("box office");'],
    ];
    for (const [url, type, text] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      if (text !== null) expect(await response.text()).toBe(text);
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://marquee/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('refuses traversal in every spelling with 400', async () => {
    for (const url of [
      'app://marquee/assets/..%2f..%2fsecret.txt',
      'app://marquee/%2e%2e%2fsecret.txt',
      'app://marquee/%2E%2E%2Fsecret.txt',
      'app://marquee/..%5csecret.txt',
      'app://marquee/assets%5c..%5c..%5csecret.txt',
      'app://marquee/a\\..\\..\\secret.txt',
      'app://marquee/C:%5cWindows%5cwin.ini',
      'app://marquee/index.html%00.js',
    ]) {
      await expectRefused(url, 400);
    }
  });

  it('keeps dot segments the URL parser resolves inside the folder (404, not the file above)', async () => {
    for (const url of ['app://marquee/../secret.txt', 'app://marquee/%2e%2e/secret.txt', 'app://marquee/assets/../../../secret.txt']) {
      await expectRefused(url, 404);
    }
  });

  it('answers a malformed escape with 400, not a throw', async () => {
    for (const url of ['app://marquee/%E0%A4%A', 'app://marquee/assets/%', 'app://marquee/%zz', 'app://marquee/%C0%AF']) {
      await expectRefused(url, 400);
    }
  });

  it('does not follow links out of the folder, nor into a sibling with the same prefix', async () => {
    await expectRefused('app://marquee/leak.txt', 404);
    await expectRefused('app://marquee/outside/secret.txt', 404);
    await expectRefused('app://marquee/sibling/secret.txt', 404);
  });

  it('answers 404 for missing files, folders, dot-files and other hosts', async () => {
    for (const url of [
      'app://marquee/missing.js',
      'app://marquee/assets',
      'app://marquee/assets/',
      'app://marquee//index.html',
      'app://marquee/.env',
      'app://elsewhere/index.html',
      'app://marquee:8080/index.html',
      'marquee://app/index.html',
    ]) {
      await expectRefused(url, 404);
    }
  });

  it('refuses anything but GET and HEAD, and a request that is not a URL', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await get('app://marquee/index.html', method);
      expect(response.status, method).toBe(405);
    }
    await expectRefused('not a url', 400);
  });

  it('says the screens are not built when the folder is missing', async () => {
    const response = await serveRenderer(join(base, 'no-such-build'))({ url: 'app://marquee/index.html', method: 'GET' });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:renderer');
  });

  it('never throws and never serves the secret, whatever the path', async () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '%', '%E0%A4%A', '%00', 'leak.txt', 'outside', 'secret.txt', 'assets', ''),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), fc.constantFrom('GET', 'HEAD', 'POST'), async (segments, method) => {
        const response = await get(`app://marquee/${segments.join('/')}`, method);
        expect([200, 400, 404, 405]).toContain(response.status);
        expect(await response.text()).not.toContain(SECRET);
      }),
      { numRuns: 400 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (url) => {
        const response = await get(url);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('registers on the app scheme and can be removed again', async () => {
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    const unhandle = handleAppProtocol(
      { handle: (scheme, handler) => handlers.set(scheme, handler), unhandle: (scheme) => handlers.delete(scheme) },
      rendererDir,
    );
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')!(new Request('app://marquee/assets/index-abc.js'));
    expect(response.status).toBe(200);
    unhandle();
    expect(handlers.size).toBe(0);
  });
});
