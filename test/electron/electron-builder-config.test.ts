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
  asar?: boolean;
  electronFuses?: Record<string, boolean> | null;
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

  it("flips Electron's fuses so the packaged app cannot be turned into a Node or a debugger", async () => {
    const config = await getConfig(sourceRoot, null, null);
    // Every fuse @electron/fuses knows (V1), each with an explicit value: none is left to a default.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    // OnlyLoadAppFromAsar and the integrity check need the app packed as an asar.
    expect(config.asar ?? true).toBe(true);
  });

  it('turns the fuse settings into the wire @electron/fuses writes into the binary', async () => {
    // electron-builder's own translation (PlatformPackager.generateFuseConfig), so a renamed key
    // that the schema still accepted but the packager ignored would show here.
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
    };
    // The @electron/fuses electron-builder itself loads, whatever else node_modules holds.
    const { FuseV1Options, FuseVersion } = createRequire(require.resolve('app-builder-lib'))('@electron/fuses') as {
      FuseV1Options: Record<string, number>;
      FuseVersion: Record<string, string>;
    };
    const config = await getConfig(sourceRoot, null, null);
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(wire).toMatchObject({
      version: FuseVersion['V1'],
      [FuseV1Options['RunAsNode']!]: false,
      [FuseV1Options['EnableCookieEncryption']!]: true,
      [FuseV1Options['EnableNodeOptionsEnvironmentVariable']!]: false,
      [FuseV1Options['EnableNodeCliInspectArguments']!]: false,
      [FuseV1Options['EnableEmbeddedAsarIntegrityValidation']!]: true,
      [FuseV1Options['OnlyLoadAppFromAsar']!]: true,
      [FuseV1Options['LoadBrowserProcessSpecificV8Snapshot']!]: false,
      [FuseV1Options['GrantFileProtocolExtraPrivileges']!]: false,
    });
  });

  it('rejects an unknown key, so the validation above is real', async () => {
    const config = await getConfig(sourceRoot, null, null);
    await expect(
      validateConfiguration({ ...config, notAnElectronBuilderOption: true } as BuilderConfig, new DebugLogger(false)),
    ).rejects.toThrow(/notAnElectronBuilderOption|unknown property/i);
  });

  it('rejects a misspelt fuse, so a typo cannot leave a fuse at its default', async () => {
    const config = await getConfig(sourceRoot, null, null);
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } } as BuilderConfig,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/electronFuses/);
  });
});
