import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';

/** Lints a snippet as if it lived at `filePath`, through the project's own eslint.config.js. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: sourceRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('layering lint rule', () => {
  it("fails a deliberate import 'electron' in the renderer", async () => {
    const problems = await restrictedImports('src-renderer/screens/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n");
    expect(problems.length).toBe(1);
    expect(problems[0]).toMatch(/renderer/);
  });

  it("fails a deliberate import 'electron' in the core", async () => {
    const problems = await restrictedImports('src-main/sales/bad.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(problems).toEqual([expect.stringMatching(/Only src-main\/electron\//)]);
  });

  it('fails require and dynamic import of electron in the core too', async () => {
    const problems = await restrictedImports(
      'src-main/print/bad.ts',
      "export const a = require('electron');\nexport const b = import('electron');\n",
    );
    expect(problems.length).toBe(2);
  });

  it('allows electron inside src-main/electron', async () => {
    expect(await restrictedImports('src-main/electron/window.ts', "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n")).toEqual([]);
  });

  it('keeps Node, database libraries and src-main out of the renderer', async () => {
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import Database from 'better-sqlite3';",
      "import { eq } from 'drizzle-orm';",
      "import { sqliteTable } from 'drizzle-orm/sqlite-core';",
      "import { openBoxOffice } from '../../src-main/core/box-office.ts';",
      'export const all = [readFileSync, path, Database, eq, sqliteTable, openBoxOffice];',
    ].join('\n');
    expect((await restrictedImports('src-renderer/screens/Bad.tsx', code)).length).toBe(6);
  });

  it('lets the renderer import src-shared', async () => {
    expect(await restrictedImports('src-renderer/screens/Good.tsx', "import { procedures } from '../../src-shared/contract/index.ts';\nexport const x = procedures;\n")).toEqual([]);
  });

  it('keeps src-shared free of both sides and of Node', async () => {
    const code = [
      "import { createHandlers } from '../src-main/api/handlers/index.ts';",
      "import { App } from '../src-renderer/App.tsx';",
      "import { createHash } from 'node:crypto';",
      'export const all = [createHandlers, App, createHash];',
    ].join('\n');
    expect((await restrictedImports('src-shared/bad.ts', code)).length).toBe(3);
  });
});

/** The folder rule inside src-main (eslint.config.js `mainLayers`), for a snippet placed at `filePath`. */
async function folderProblems(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: sourceRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'marquee/main-layers').map((m) => m.message);
}

const importing = (...specifiers: string[]) =>
  specifiers.map((s, i) => `import { x${i} } from '${s}';`).join('\n') + `\nexport const all = [${specifiers.map((_, i) => `x${i}`).join(', ')}];\n`;

describe('folder layers inside src-main', () => {
  it('fails a domain folder that imports api/, host/, electron/ or app/', async () => {
    const problems = await folderProblems(
      'src-main/sales/bad.ts',
      importing('../api/dispatcher.ts', '../host/server.ts', '../electron/window.ts', '../app/compose.ts'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/src-main\/sales\/ may not import src-main\/api\//),
      expect.stringMatching(/may not import src-main\/host\//),
      expect.stringMatching(/may not import src-main\/electron\//),
      expect.stringMatching(/may not import src-main\/app\//),
    ]);
  });

  it('resolves the path: a deeper file reaching up is caught, a domain subfolder named api is not the API layer', async () => {
    expect(await folderProblems('src-main/print/api/bad.ts', importing('../../api/dispatcher.ts'))).toHaveLength(1);
    expect(await folderProblems('src-main/print/bad.ts', importing('./api/print-api-port.ts', '../core/box-office.ts', '../paths.ts'))).toEqual([]);
  });

  it('catches re-exports and dynamic imports too', async () => {
    const code = "export { composeBoxOffice } from '../app/compose.ts';\nexport const later = () => import('../api/dispatcher.ts');\n";
    expect(await folderProblems('src-main/print/bad.ts', code)).toHaveLength(2);
  });

  it('lets core/ import only db/ (and src-shared, and the paths leaf)', async () => {
    const problems = await folderProblems('src-main/core/bad.ts', importing('../print/print-service.ts', '../sales/engine.ts', '../db/open.ts', '../../src-shared/errors.ts', '../paths.ts'));
    expect(problems).toEqual([expect.stringMatching(/core\/ may not import src-main\/print\//), expect.stringMatching(/core\/ may not import src-main\/sales\//)]);
  });

  it('keeps app/ under the transports and lets the transports call app/', async () => {
    expect(await folderProblems('src-main/app/bad.ts', importing('../api/dispatcher.ts', '../host/server.ts'))).toHaveLength(2);
    expect(await folderProblems('src-main/app/good.ts', importing('../sales/engine.ts', '../print/print-service.ts', '../core/box-office.ts'))).toEqual([]);
    expect(await folderProblems('src-main/api/handlers/good.ts', importing('../../app/reprint-tickets.ts', '../../sales/engine.ts'))).toEqual([]);
    expect(await folderProblems('src-main/api/bad.ts', importing('../host/server.ts'))).toHaveLength(1);
  });
});
