import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The layers, enforced here rather than hoped for (after VS Code's code-layering rule and Actual's
 * no-restricted-imports):
 *   src-renderer → src-shared only; no Node, Electron, database libraries or src-main.
 *   src-shared   → nothing of ours but itself; no Node or Electron.
 *   src-main     → anything but the renderer; only src-main/electron/ may import electron.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const serverPackages = ['better-sqlite3', 'drizzle-orm', 'drizzle-kit', 'mysql2', 'ws', 'node-thermal-printer', '@resvg/resvg-js', 'pngjs', 'jpeg-js'];

const electronMessage = 'Only src-main/electron/ may import electron: keep the core runnable in plain Node.';

function layer(forbidden) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: forbidden.paths.map((name) => ({ name, message: forbidden.message })),
        patterns: [
          ...(forbidden.paths.length ? [{ group: forbidden.paths.map((p) => `${p}/*`), message: forbidden.message }] : []),
          ...forbidden.folders.map((folder) => ({
            regex: `(^|/)${folder}(/|$)`,
            message: `${forbidden.message} (no imports from ${folder})`,
          })),
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      ...forbidden.paths.slice(0, 1).map((name) => ({
        selector: `ImportExpression[source.value='${name}'], CallExpression[callee.name='require'][arguments.0.value='${name}']`,
        message: forbidden.message,
      })),
    ],
  };
}

const rendererRules = layer({
  paths: ['electron', ...serverPackages, ...nodeBuiltins],
  folders: ['src-main'],
  message: 'The renderer runs in a sandboxed page: it talks to the core only through the contract (window.marquee or host mode).',
});

const sharedRules = layer({
  paths: ['electron', ...serverPackages, ...nodeBuiltins],
  folders: ['src-main', 'src-renderer'],
  message: 'src-shared is used by both sides: it may import only itself, zod and ulid.',
});

const coreRules = layer({ paths: ['electron'], folders: ['src-renderer'], message: electronMessage });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'bench-results/**', 'src-main/db/migrations/**', 'test/fixtures/lint/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src-renderer/**/*.{ts,tsx}'], rules: rendererRules },
  { files: ['src-shared/**/*.{ts,tsx}'], rules: sharedRules },
  { files: ['src-main/**/*.{ts,tsx}'], ignores: ['src-main/electron/**'], rules: coreRules },
  {
    files: ['src-main/electron/**/*.{ts,tsx}'],
    rules: layer({ paths: [], folders: ['src-renderer'], message: 'The main process cannot import the renderer.' }),
  },
);
