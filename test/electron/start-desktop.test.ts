import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';

const script = join(sourceRoot, 'scripts', 'start-desktop.mjs');

function runStart(env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [script], {
    cwd: sourceRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function expectMissingElectronMessage(output: string) {
  expect(output).toContain('the Electron binary is not installed');
  expect(output).toContain('node node_modules/electron/install.js');
  expect(output).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  expect(output).toContain('npm run serve');
  // Electron's own stack trace is replaced by the explanation.
  expect(output).not.toMatch(/\n\s+at /);
}

describe('npm start (scripts/start-desktop.mjs)', () => {
  it('explains the missing Electron binary on this machine and exits 1', () => {
    // This machine cannot download Electron, so electron's index.js throws on require.
    const { status, output } = runStart({ ELECTRON_OVERRIDE_DIST_PATH: undefined });
    expect(status).toBe(1);
    expectMissingElectronMessage(output);
  });

  it('treats a path to an absent executable as missing too', () => {
    const empty = makeTempDir('marquee-no-electron-');
    try {
      // Electron's own override: the binary is looked for in this (empty) folder.
      const { status, output } = runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
      expect(status).toBe(1);
      expectMissingElectronMessage(output);
      expect(output).toContain(join(empty, 'electron'));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
