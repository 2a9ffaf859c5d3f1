import { defineConfig } from 'vite';

// The sandboxed preload can only require('electron') and a few shims, so it is one CommonJS file
// with everything else (the contract and zod) bundled in: dist/preload/index.cjs.
export default defineConfig({
  publicDir: false,
  build: {
    lib: {
      entry: 'src-main/electron/preload.ts',
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    outDir: 'dist/preload',
    emptyOutDir: true,
    // Electron 41 ships Chromium 146.
    target: 'chrome140',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
