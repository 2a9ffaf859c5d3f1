import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The render worker (src-main/print/render/render-thread.ts starts it): one CommonJS file beside
// the main bundle, dist/main/render-worker.cjs, with the renderer and its pure-JS libraries inside.
// Built after vite.main.config.ts, which empties dist/main. resvg is native and stays in node_modules.
const external = ['@resvg/resvg-js', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src-main/print/render/render-worker.ts',
    outDir: 'dist/main',
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: (id) => external.includes(id) || id.startsWith('@resvg/resvg-js/'),
      output: { format: 'cjs', entryFileNames: 'render-worker.cjs' },
    },
  },
});
