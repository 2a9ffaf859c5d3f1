import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';

/**
 * Electronegativity (Doyensec's Electron misconfiguration scanner) over what ships: the main
 * process, the shared code, the screens and package.json. `npm run security:electron` runs this
 * file. Findings of every level are printed; high and medium fail the build.
 */

interface Level {
  name: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'CERTAIN' | 'FIRM' | 'TENTATIVE';
  value: number;
}
interface Finding {
  id: string;
  severity: Level;
  confidence: Level;
  file: string;
  location: { line: number; column: number };
  description: string;
}
interface Report {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<Report>;

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity') as Run;
const electronVersion = (JSON.parse(readFileSync(join(sourceRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function scan(input: string): Promise<Report> {
  return electronegativity(
    {
      input,
      isRelative: true,
      // The scanner would guess v0.1.0 from a copied tree; tell it the Electron we ship.
      electronVersionOverride: electronVersion,
      // The one check that needs the network (Electron's release notes): a test must not, and it
      // only reports on the Electron version, which is a devDependency here (informational).
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    },
    false,
  );
}

/** A copy of exactly the shipped sources, so tests, fixtures and build output are not scanned. */
function shippedSources(): string {
  const folder = makeTempDir('marquee-electronegativity-');
  folders.push(folder);
  for (const part of ['src-main', 'src-shared', 'src-renderer']) cpSync(join(sourceRoot, part), join(folder, part), { recursive: true });
  cpSync(join(sourceRoot, 'package.json'), join(folder, 'package.json'));
  return folder;
}

const line = (f: Finding) => `${f.severity.name}/${f.confidence.name} ${f.id} ${f.file}:${f.location.line} ${f.description}`;

describe('Electronegativity', () => {
  it('finds no high or medium issue in the shipped sources', async () => {
    const report = await scan(shippedSources());
    console.log(
      [`Electronegativity: ${report.issues.length} finding(s) with ${report.globalChecks + report.atomicChecks} checks`, ...report.issues.map(line)].join('\n'),
    );
    // Every file parsed: a file the scanner cannot read would hide its findings.
    expect(report.errors.filter((error) => !error.tolerable)).toEqual([]);
    const serious = report.issues.filter((issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM');
    expect(serious.map(line)).toEqual([]);
  }, 120_000);

  it('would catch a window with Node in the page, so the zero above is real', async () => {
    const folder = makeTempDir('marquee-electronegativity-bad-');
    folders.push(folder);
    mkdirSync(join(folder, 'src'));
    // TypeScript with syntax only a current parser reads (`satisfies`), as our own sources use.
    writeFileSync(
      join(folder, 'src', 'main.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'const options = { width: 800 } satisfies Record<string, number>;',
        'export const win: BrowserWindow = new BrowserWindow({ ...options, webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
        "win.loadURL('http://example.com/');",
      ].join('\n'),
    );
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'bad', devDependencies: { electron: electronVersion } }));
    const report = await scan(folder);
    const ids = report.issues.filter((issue) => issue.severity.value >= 2).map((issue) => issue.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK']));
  }, 120_000);
});
