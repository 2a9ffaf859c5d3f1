import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * One build tool for all three bundles: this config builds the renderer; vite.main.config.ts and
 * vite.preload.config.ts build the Electron side. `base: './'` lets the same files load from
 * file:// in Electron and from host mode's HTTP server.
 */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
