import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { procedures } from '../../src-shared/contract/index.ts';
import type { FakeElectron } from './fake-electron.ts';

// main.ts is the entry Electron runs: importing it with a stubbed 'electron' starts the shell.
const shell = vi.hoisted(() => ({ fake: undefined as FakeElectron | undefined, userData: '' }));

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron.ts');
  const { makeTempDir: temp } = await import('../helpers/temp-box-office.ts');
  const { sourceRoot: root } = await import('../../src-main/paths.ts');
  shell.userData = temp('marquee-main-');
  shell.fake = createFakeElectron({ appPath: root, userDataPath: shell.userData });
  return shell.fake.modules;
});

afterAll(async () => {
  const fake = shell.fake!;
  fake.app.quit();
  await vi.waitFor(() => expect(fake.app.quitCalls).toBe(2));
  rmSync(shell.userData, { recursive: true, force: true });
});

describe('src-main/electron/main.ts', () => {
  it('starts the shell on the electron module once the app is ready', async () => {
    await import('../../src-main/electron/main.ts');
    const fake = shell.fake!;
    expect(fake.app.lockRequests).toBe(1);
    expect(fake.windows).toHaveLength(0);
    fake.app.markReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.ipcHandlers.size).toBe(Object.keys(procedures).length);
    expect(fake.windows[0]!.loadedUrl).toBe('app://marquee/index.html');
    expect(fake.protocol.handlers.has('app')).toBe(true);
    const info = await fake.invoke(procedures.getStationInfo.channel, 'app://marquee/index.html', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'desktop' } });
  });
});
