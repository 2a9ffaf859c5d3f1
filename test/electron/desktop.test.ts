import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { events, procedures } from '../../src-shared/contract/index.ts';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy.ts';
import { startDesktop } from '../../src-main/electron/desktop.ts';
import { sourceMigrationsRoot, sourceRoot } from '../../src-main/paths.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { createFakeElectron, type FakeElectron } from './fake-electron.ts';

const ownPage = pathToFileURL(join(sourceRoot, 'dist', 'renderer', 'index.html')).href;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts the shell on fakes with a fresh data folder; quitting and deleting it is queued for afterEach. */
async function startShell(setup: (fake: FakeElectron) => void = () => undefined, resourcesPath = '/nonexistent') {
  const dataDir = makeTempDir('marquee-electron-');
  const fake = createFakeElectron({ appPath: sourceRoot, userDataPath: dataDir });
  setup(fake);
  fake.app.markReady();
  await startDesktop(fake.modules, { env: {}, platform: 'linux', resourcesPath });
  cleanups.push(async () => {
    if (fake.windows.length > 0 && fake.app.quitCalls === 0) {
      fake.app.quit();
      // Quitting waits for the services before closing the databases, then quits again.
      await vi.waitFor(() => expect(fake.app.quitCalls).toBe(2));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { fake, dataDir };
}

describe('the Electron shell', () => {
  it('takes the single-instance lock and opens one hardened window on the built renderer', async () => {
    const { fake } = await startShell();
    expect(fake.app.lockRequests).toBe(1);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe(ownPage);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(sourceRoot, 'dist', 'preload', 'index.cjs'),
    });
  });

  it('hands over to the running instance when the lock is taken', async () => {
    const { fake } = await startShell((f) => (f.app.lockGranted = false));
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { fake } = await startShell();
    fake.app.emit('second-instance', {}, [], '/');
    expect(fake.windows[0]!.focused).toBe(1);
  });

  it('registers every contract procedure channel and nothing else', async () => {
    const { fake } = await startShell();
    const channels = Object.values(procedures).map((def) => def.channel);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers getStationInfo from a real box office in the data folder', async () => {
    const { fake } = await startShell();
    const result = await fake.invoke(procedures.getStationInfo.channel, ownPage, {});
    expect(result).toMatchObject({ ok: true, value: { mode: 'desktop', version: '0.1.0-test', isEmpty: true } });
    // Client-side routes live in the hash; they are still the app's own page.
    const routed = await fake.invoke(procedures.getStationInfo.channel, `${ownPage}#/sell`, {});
    expect(routed).toMatchObject({ ok: true });
  });

  it('refuses calls from any frame that is not the app page', async () => {
    const { fake } = await startShell();
    const strangers = [
      'https://evil.example/',
      'http://localhost:5173/',
      pathToFileURL(join(sourceRoot, 'dist', 'renderer', 'other.html')).href,
      pathToFileURL('/tmp/index.html').href,
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      null,
    ];
    for (const sender of strangers) {
      const result = await fake.invoke(procedures.getStationInfo.channel, sender, {});
      expect(result, String(sender)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('answers bad input with BAD_INPUT and a sentence, never a stack trace', async () => {
    const { fake } = await startShell();
    const result = (await fake.invoke(procedures.getSeatMap.channel, ownPage, { performanceId: 'nope' })) as {
      ok: false;
      error: Record<string, unknown>;
    };
    expect(result.ok).toBe(false);
    expect(result.error['code']).toBe('BAD_INPUT');
    expect(result.error['message']).toMatch(/performanceId/);
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |\.ts:\d+/);
  });

  it('forwards box-office events to every open window', async () => {
    const { fake } = await startShell();
    // Loading the demo announces performancesChanged on the bus.
    const loaded = await fake.invoke(procedures.loadDemo.channel, ownPage, {});
    expect(loaded).toMatchObject({ ok: true });
    expect(fake.windows[0]!.webContents.sent).toContainEqual({
      channel: events.performancesChanged.channel,
      payload: { reason: expect.any(String) },
    });
  });

  it('keeps windows on the app: navigation, redirects, new windows and webviews are blocked', async () => {
    const { fake } = await startShell();
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanups.push(() => warnings.mockRestore());
    const contents = fake.windows[0]!.webContents;
    expect(contents.fire('will-navigate', { url: 'https://evil.example/' }).prevented).toBe(true);
    expect(contents.fire('will-navigate', { url: pathToFileURL('/etc/passwd').href }).prevented).toBe(true);
    expect(contents.fire('will-redirect', { url: 'https://evil.example/' }).prevented).toBe(true);
    expect(contents.fire('will-navigate', { url: `${ownPage}#/reports` }).prevented).toBe(false);
    expect(contents.fire('will-attach-webview').prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: ownPage })).toEqual({ action: 'deny' });
    expect(warnings.mock.calls.map((call) => String(call[0]))).toContainEqual(expect.stringContaining('https://evil.example/'));
  });

  it('sets the strict CSP on every response and refuses every permission', async () => {
    const { fake } = await startShell();
    let answered: { responseHeaders?: Record<string, string[]> } | undefined;
    fake.session.headersListener?.(
      { responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Kept': ['yes'] } },
      (response: typeof answered) => (answered = response),
    );
    expect(answered?.responseHeaders).toEqual({
      'X-Kept': ['yes'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");

    const granted: boolean[] = [];
    fake.session.permissionRequestHandler?.({}, 'media', (ok: boolean) => granted.push(ok));
    fake.session.permissionRequestHandler?.({}, 'notifications', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false, false]);
    expect(fake.session.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false);
  });

  it('shows developer tools only while developing', async () => {
    const { fake } = await startShell();
    expect(JSON.stringify(fake.menuTemplates[0])).toContain('toggleDevTools');
    expect(fake.windows[0]!.options.webPreferences?.['devTools']).toBe(true);
  });

  it('packaged, reads migrations from the resources folder and hides developer tools', async () => {
    const resources = makeTempDir('marquee-resources-');
    cleanups.push(() => rmSync(resources, { recursive: true, force: true }));
    cpSync(sourceMigrationsRoot, join(resources, 'migrations'), { recursive: true });
    const { fake } = await startShell((f) => (f.app.isPackaged = true), resources);
    expect(await fake.invoke(procedures.getStationInfo.channel, ownPage, {})).toMatchObject({ ok: true });
    expect(JSON.stringify(fake.menuTemplates[0])).not.toContain('toggleDevTools');
    expect(fake.windows[0]!.options.webPreferences?.['devTools']).toBe(false);
  });

  it('says so and quits when the data folder cannot be opened', async () => {
    const blocked = join(makeTempDir('marquee-blocked-'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    cleanups.push(() => rmSync(join(blocked, '..'), { recursive: true, force: true }));
    const fake = createFakeElectron({ appPath: sourceRoot, userDataPath: blocked });
    fake.app.markReady();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startDesktop(fake.modules, { env: {}, platform: 'linux', resourcesPath: '/nonexistent' });
    errors.mockRestore();
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]!.content).toContain(blocked);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('stops serving IPC and closes the databases when quitting', async () => {
    const { fake, dataDir } = await startShell();
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(2));
    expect(fake.ipcHandlers.size).toBe(0);
    // With the databases closed, the folder can be removed and opened afresh by a new shell.
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses MARQUEE_DATA_DIR over userData', async () => {
    const override = makeTempDir('marquee-override-');
    const userData = makeTempDir('marquee-userdata-');
    const fake = createFakeElectron({ appPath: sourceRoot, userDataPath: userData });
    fake.app.markReady();
    await startDesktop(fake.modules, { env: { MARQUEE_DATA_DIR: override }, platform: 'linux', resourcesPath: '/x' });
    cleanups.push(async () => {
      fake.app.quit();
      await vi.waitFor(() => expect(fake.app.quitCalls).toBe(2));
      rmSync(override, { recursive: true, force: true });
      rmSync(userData, { recursive: true, force: true });
    });
    expect(readdirSync(override).sort()).toContain('records.sqlite');
    expect(readdirSync(userData)).toEqual([]);
  });
});
