import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

// Electron's main process: one CommonJS file, dist/main/index.cjs (package.json "main").
// Our code and the pure-JS libraries are bundled; electron is provided by the runtime, and the
// packages with native binaries (loaded relative to their own folder) stay in node_modules.
const nativePackages = ['better-sqlite3', '@resvg/resvg-js'];
const external = ['electron', ...nativePackages, ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * src-main/paths.ts finds the project folder from its own file (import.meta.url). Bundled, that file
 * is dist/main/index.cjs, so give it the location the source file has relative to the bundle;
 * running from source the paths then stay right (packaged, the shell passes resource folders).
 */
function sourcePathsFromBundle(): Plugin {
  return {
    name: 'marquee-source-paths-from-bundle',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/src-main/paths.ts')) return null;
      return code.replaceAll(
        'import.meta.url',
        "require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', '..', 'src-main', 'paths.ts')).href",
      );
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [sourcePathsFromBundle()],
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src-main/electron/main.ts',
    outDir: 'dist/main',
    emptyOutDir: true,
    // Electron 41 runs Node 24.
    target: 'node22',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: (id) => external.includes(id) || ['electron', ...nativePackages].some((name) => id.startsWith(`${name}/`)),
      output: { format: 'cjs', entryFileNames: 'index.cjs' },
    },
  },
});
