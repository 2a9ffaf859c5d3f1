import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureNames, procedures } from '../../src-shared/contract/index.ts';
import { sourceRoot } from '../../src-main/paths.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';

// The vite configs, built into a temp folder: the CommonJS files Electron would load.
const outDir = makeTempDir('marquee-bundle-');
const userData = makeTempDir('marquee-bundle-data-');
type BuildOutput = { output: { type: string; fileName: string; imports?: string[] }[] };
/** What each bundle still imports from outside itself, as rolldown reports it. */
const externals: Record<'main' | 'preload', string[]> = { main: [], preload: [] };

beforeAll(async () => {
  for (const [config, folder] of [
    ['vite.main.config.ts', 'main'],
    ['vite.preload.config.ts', 'preload'],
  ] as const) {
    const built = (await build({
      root: sourceRoot,
      configFile: join(sourceRoot, config),
      logLevel: 'silent',
      build: { outDir: join(outDir, folder), emptyOutDir: true },
    })) as BuildOutput | BuildOutput[];
    const chunks = (Array.isArray(built) ? built : [built]).flatMap((o) => o.output).filter((item) => item.type === 'chunk');
    expect(chunks.map((chunk) => chunk.fileName)).toEqual(['index.cjs']);
    externals[folder] = [...(chunks[0]!.imports ?? [])].sort();
  }
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

describe('the built main process (dist/main/index.cjs)', () => {
  it('loads only electron, the native packages and node builtins from outside the bundle', () => {
    const outside = externals.main;
    expect(outside).toContain('electron');
    expect(outside).toContain('better-sqlite3');
    for (const name of outside) {
      expect(name, name).toMatch(/^(electron|better-sqlite3|@resvg\/resvg-js|node:[a-z_/]+|[a-z_]+)$/);
    }
    expect(outside).not.toContain('zod');
    expect(outside).not.toContain('drizzle-orm');
  });

  it('runs under Node with a stand-in electron, opens a real box office and serves IPC', () => {
    const runtime = join(sourceRoot, 'test', 'electron', 'fixtures', 'fake-electron-runtime.mjs');
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(runtime).href, join(outDir, 'main', 'index.cjs')], {
      cwd: sourceRoot,
      encoding: 'utf8',
      // The bundle sits in a temp folder; NODE_PATH lets it find the project's node_modules.
      env: { ...process.env, NODE_PATH: join(sourceRoot, 'node_modules'), FAKE_APP_PATH: sourceRoot, FAKE_USER_DATA: userData },
    });
    expect(result.stderr).not.toContain('ERROR BOX');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect((report['channels'] as string[]).sort()).toEqual(procedureNames.map((n) => procedures[n].channel).sort());
    expect(report['info']).toMatchObject({ ok: true, value: { mode: 'desktop', version: '0.0.0-bundle' } });
    expect(report['stranger']).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The screens come from app://marquee; the built index as a file:// page is a stranger too.
    expect(report['windowUrl']).toBe('app://marquee/index.html');
    expect(report['fileSender']).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report['privileged']).toEqual(['app']);
    expect(report['traversalStatus']).toBe(400);
    expect(report['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });
});

describe('the built preload (dist/preload/index.cjs)', () => {
  it('needs nothing but electron, as a sandboxed preload must', () => {
    expect(externals.preload).toEqual(['electron']);
  });

  it('exposes window.marquee when run with only require("electron") available', () => {
    const exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: (channel: string) => (invoked.push(channel), Promise.resolve({ ok: true, value: null })),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`A sandboxed preload cannot require '${name}'`);
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8'), {
      require: sandboxRequire,
      module,
      exports: module.exports,
      console,
    });
    expect(Object.keys(exposed)).toEqual(['marquee']);
    const bridge = exposed['marquee'] as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...procedureNames, 'on'].sort());
    void bridge['getStationInfo']!({});
    expect(invoked).toEqual([procedures.getStationInfo.channel]);
  });
});
