import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { events, procedures } from '../../src-shared/contract/index.ts';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy.ts';
import { startDesktop } from '../../src-main/electron/desktop.ts';
import { APP_INDEX_URL } from '../../src-main/electron/app-scheme.ts';
import { sourceMigrationsRoot, sourceRoot } from '../../src-main/paths.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { createFakeElectron, type FakeElectron } from './fake-electron.ts';

const ownPage = APP_INDEX_URL;
const cleanups = cleanUpAfterEach();

/** Starts the shell on fakes with a fresh data folder; quitting and deleting it is queued for afterEach. */
async function startShell(
  setup: (fake: FakeElectron) => void = () => undefined,
  resourcesPath = '/nonexistent',
  appPath = sourceRoot,
) {
  const dataDir = makeTempDir('marquee-electron-');
  const fake = createFakeElectron({ appPath, userDataPath: dataDir });
  setup(fake);
  // As in Electron, the shell starts before the app is ready (schemes must be registered by then).
  const started = startDesktop(fake.modules, { env: {}, platform: 'linux', resourcesPath });
  fake.app.markReady();
  await started;
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

/** Loads the demo into the fresh data folder and signs its manager in at the app's window. */
async function signInDemoManager(fake: FakeElectron): Promise<void> {
  expect(await fake.invoke(procedures.loadDemo.channel, ownPage, {})).toMatchObject({ ok: true });
  const staff = (await fake.invoke(procedures.listStaff.channel, ownPage, {})) as { ok: true; value: { id: string; name: string }[] };
  const manager = staff.value.find((s) => s.name === 'Morgan Hale')!;
  expect(await fake.invoke(procedures.signIn.channel, ownPage, { staffId: manager.id, pin: '2468' })).toMatchObject({ ok: true });
}

describe('the Electron shell', () => {
  it('takes the single-instance lock and opens one hardened window on the built renderer', async () => {
    const { fake } = await startShell();
    expect(fake.app.lockRequests).toBe(1);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe('app://marquee/index.html');
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

  it('makes app: a standard, secure scheme before ready, without bypassing CSP or opening CORS', async () => {
    const { fake } = await startShell();
    expect(fake.protocol.privileged).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
    ]);
    expect([...fake.protocol.handlers.keys()]).toEqual(['app']);
    // Traversal is refused by the handler the shell registered (app-protocol.test.ts has the rest).
    expect((await fake.fetchApp('app://marquee/..%2f..%2fpackage.json')).status).toBe(400);
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
      // file:// is no longer the app's origin, not even for the built index itself.
      pathToFileURL(join(sourceRoot, 'dist', 'renderer', 'index.html')).href,
      'app://marquee/other.html',
      'app://marquee/assets/index.html',
      'app://evil/index.html',
      'app://marquee.evil.example/index.html',
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
    await signInDemoManager(fake);
    const result = (await fake.invoke(procedures.getSeatMap.channel, ownPage, { performanceId: 'nope' })) as {
      ok: false;
      error: Record<string, unknown>;
    };
    expect(result.ok).toBe(false);
    expect(result.error['code']).toBe('BAD_INPUT');
    expect(result.error['message']).toMatch(/performance/);
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |\.ts:\d+/);
  });

  it('forwards box-office events to a window only once someone is signed in there', async () => {
    const { fake } = await startShell();
    // Loading the demo announces performancesChanged on the bus, to nobody yet.
    await signInDemoManager(fake);
    const sent = fake.windows[0]!.webContents.sent;
    expect(sent.map((m) => m.channel)).not.toContain(events.performancesChanged.channel);
    // Signing in announces staffSessionChanged, which the now signed-in window receives.
    expect(sent).toContainEqual({ channel: events.staffSessionChanged.channel, payload: {} });
  });

  it('keeps windows on the app: navigation, redirects, new windows and webviews are blocked', async () => {
    const { fake } = await startShell();
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanups.push(() => warnings.mockRestore());
    const contents = fake.windows[0]!.webContents;
    expect(contents.fire('will-navigate', { url: 'https://evil.example/' }).prevented).toBe(true);
    expect(contents.fire('will-navigate', { url: pathToFileURL('/etc/passwd').href }).prevented).toBe(true);
    expect(contents.fire('will-navigate', { url: pathToFileURL(join(sourceRoot, 'dist', 'renderer', 'index.html')).href }).prevented).toBe(true);
    expect(contents.fire('will-navigate', { url: 'app://marquee/other.html' }).prevented).toBe(true);
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

  it('packaged, reads migrations from the resources folder, serves the screens from app:// and hides developer tools', async () => {
    const resources = makeTempDir('marquee-resources-');
    const appFolder = makeTempDir('marquee-app-');
    cleanups.push(() => rmSync(resources, { recursive: true, force: true }));
    cleanups.push(() => rmSync(appFolder, { recursive: true, force: true }));
    cpSync(sourceMigrationsRoot, join(resources, 'migrations'), { recursive: true });
    mkdirSync(join(appFolder, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(appFolder, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Marquee</title>');
    const { fake } = await startShell((f) => (f.app.isPackaged = true), resources, appFolder);
    expect(await fake.invoke(procedures.getStationInfo.channel, ownPage, {})).toMatchObject({ ok: true });
    const page = await fake.fetchApp(fake.windows[0]!.loadedUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Marquee</title>');
    expect(JSON.stringify(fake.menuTemplates[0])).not.toContain('toggleDevTools');
    expect(fake.windows[0]!.options.webPreferences?.['devTools']).toBe(false);
  });

  it('says so and quits when the data folder cannot be opened', async () => {
    const blocked = join(makeTempDir('marquee-blocked-'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    cleanups.push(() => rmSync(join(blocked, '..'), { recursive: true, force: true }));
    const fake = createFakeElectron({ appPath: sourceRoot, userDataPath: blocked });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const started = startDesktop(fake.modules, { env: {}, platform: 'linux', resourcesPath: '/nonexistent' });
    fake.app.markReady();
    await started;
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
    const started = startDesktop(fake.modules, { env: { MARQUEE_DATA_DIR: override }, platform: 'linux', resourcesPath: '/x' });
    fake.app.markReady();
    await started;
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
