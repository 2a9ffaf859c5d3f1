import { isAbsolute, relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// Host mode for a server: one ES module, dist/host/marquee-host.mjs, run by plain `node` (no tsx).
// Only our own code is bundled: every package stays in node_modules, so a venue's server installs
// the production dependencies (`npm ci --omit=dev`) and native ones (better-sqlite3, resvg) load
// from their own folders as usual. The render worker is built beside it (package.json build:host).

/**
 * src-main/paths.ts finds the project folder from its own file (import.meta.url). Bundled, that
 * file is dist/host/marquee-host.mjs: give it the place the source file has relative to the bundle
 * so migrations, layouts, assets and dist/renderer are found in the project folder as from source.
 */
function sourcePathsFromBundle(): Plugin {
  let fromBundle = '../../src-main/paths.ts';
  return {
    name: 'marquee-host-source-paths',
    // A test builds into a temporary folder: the way back to the project is measured, not assumed.
    configResolved(config) {
      const outDir = resolve(config.root, config.build.outDir);
      fromBundle = relative(outDir, resolve(config.root, 'src-main', 'paths.ts')).replaceAll('\\', '/');
    },
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/src-main/paths.ts')) return null;
      return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), map: null };
    },
  };
}

const isPackage = (id: string) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

export default defineConfig({
  publicDir: false,
  plugins: [sourcePathsFromBundle()],
  ssr: { target: 'node' },
  build: {
    ssr: 'src-main/host/cli-production.ts',
    outDir: 'dist/host',
    emptyOutDir: true,
    // The server runs Node 20 (package.json engines).
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: isPackage,
      output: { format: 'es', entryFileNames: 'marquee-host.mjs', codeSplitting: false },
    },
  },
});
