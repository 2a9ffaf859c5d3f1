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
