import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';

// electron-builder has no "validate only" flag; its own loader and schema validator do the job
// without downloading anything (stack-notes).
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Target = { target: string; arch?: string[] };
interface BuilderConfig {
  appId?: string;
  productName?: string;
  npmRebuild?: boolean;
  directories?: { output?: string };
  files?: ({ filter?: string[] } | string)[];
  asarUnpack?: string[];
  extraResources?: { from: string; to: string }[];
  win?: { target?: Target[] };
  mac?: { target?: Target[] };
  linux?: { target?: Target[] };
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation and says what the packaging needs", async () => {
    const config = await getConfig(sourceRoot, null, null);
    await validateConfiguration(config, new DebugLogger(false));

    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Marquee');
    expect(config.directories?.output).toBe('release');
    // The Electron-ABI rebuild of better-sqlite3 happens on the packaging machine, never here.
    expect(config.npmRebuild).toBe(false);

    const files = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.filter ?? [])));
    expect(files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'package.json']));
    expect(files).toEqual(expect.arrayContaining(['!**/node_modules/better-sqlite3/deps/**', '!**/node_modules/better-sqlite3/src/**']));
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');

    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'layouts', to: 'layouts' },
        { from: 'assets', to: 'assets' },
        { from: 'src-main/db/migrations', to: 'migrations' },
      ]),
    );

    const targets = (platform: { target?: Target[] } | undefined) => (platform?.target ?? []).map((t) => t.target);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(config.mac?.target?.[0]?.arch).toEqual(['x64', 'arm64']);
    expect(targets(config.linux).sort()).toEqual(['AppImage', 'deb']);
  });

  it('rejects an unknown key, so the validation above is real', async () => {
    const config = await getConfig(sourceRoot, null, null);
    await expect(
      validateConfiguration({ ...config, notAnElectronBuilderOption: true } as BuilderConfig, new DebugLogger(false)),
    ).rejects.toThrow(/notAnElectronBuilderOption|unknown property/i);
  });
});
