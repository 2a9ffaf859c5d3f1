import { builtinModules } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * The layers, enforced here rather than hoped for (after VS Code's code-layering rule and Actual's
 * no-restricted-imports):
 *   src-renderer → src-shared only; no Node, Electron, database libraries or src-main.
 *   src-shared   → nothing of ours but itself; no Node or Electron.
 *   src-main     → anything but the renderer; only src-main/electron/ may import electron.
 *   inside src-main, by folder: see mainLayers below.
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

/**
 * The layers inside src-main, by folder. The outer layers (the transports and the application
 * layer) call the domain folders, never the other way round; `core/` is the open box office that
 * every domain folder builds on, so it knows only the databases. `paths.ts` at the root of src-main
 * is a leaf (where the source files are) and may be imported by anyone. Folder cycles are caught by
 * test/lint/import-cycles.test.ts, which reads the whole graph.
 */
const OUTER = ['api', 'host', 'electron', 'app', 'terminal'];
const mainFolderRules = {
  api: { forbidden: ['host', 'electron'], why: 'The API handlers are called by the transports (host, electron), never the other way round.' },
  host: { forbidden: ['electron'], why: 'Host mode runs in plain Node without the Electron shell.' },
  terminal: { forbidden: ['api', 'host', 'electron'], why: 'The terminal core talks to a host over the wire only, and runs in plain Node without the Electron shell.' },
  app: { forbidden: ['api', 'host', 'electron'], why: 'The application layer sits under the transports: api/, host/ and electron/ call it, it never calls them.' },
  core: { only: ['core', 'db'], why: 'core/ is the open box office every domain folder builds on: it imports only db/ (and src-shared), never a domain folder.' },
};
const domainRule = {
  forbidden: OUTER,
  why: 'A domain folder never imports the layers above it (api/, host/, electron/, app/): take what you need as an argument or an interface.',
};

/** src-main/<folder>/… of a file or an import, or null outside src-main; a file at the root is its own "folder" (paths.ts). */
function mainFolderOf(file, mainRoot) {
  const rel = path.relative(mainRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0];
}

const mainLayers = {
  meta: { type: 'problem', schema: [], docs: { description: 'Folders of src-main import only the layers under them.' } },
  create(context) {
    const file = context.filename;
    const mainRoot = path.join(context.cwd, 'src-main');
    const from = mainFolderOf(file, mainRoot);
    if (!from) return {};
    const rule = mainFolderRules[from] ?? (OUTER.includes(from) ? null : domainRule);
    if (!rule) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = mainFolderOf(path.resolve(path.dirname(file), source), mainRoot);
      if (!to || to === from || to === 'paths.ts') return;
      const refused = rule.only ? !rule.only.includes(to) : rule.forbidden.includes(to);
      if (refused) context.report({ node, message: `src-main/${from}/ may not import src-main/${to}/: ${rule.why}` });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

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
  {
    files: ['src-main/**/*.{ts,tsx}'],
    plugins: { marquee: { rules: { 'main-layers': mainLayers } } },
    rules: { 'marquee/main-layers': 'error' },
  },
);
