// Builds host mode for a server: the renderer (dist/renderer), the host bundle
// (dist/host/marquee-host.mjs, vite.host.config.ts) and the render worker beside it.
//   node scripts/build-host.mjs              build
//   node scripts/build-host.mjs --if-stale   build only what is older than its sources (npm run serve)
//   node scripts/build-host.mjs --out DIR    the host bundle into DIR instead (tests)
// Plain JavaScript so that `npm run serve` on a server installed without dev dependencies can
// check for staleness: vite is only loaded when something must be built.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { 'if-stale': { type: 'boolean', default: false }, out: { type: 'string' } } });
const hostOut = resolve(root, values.out ?? join('dist', 'host'));

/** The newest modification time under these folders (files only), 0 when there are none. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) latest = Math.max(latest, stat.mtimeMs);
    else for (const entry of readdirSync(path)) latest = Math.max(latest, newest([join(path, entry)]));
  }
  return latest;
}

const age = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);
const at = (...parts) => join(root, ...parts);
const hostSources = [at('src-main'), at('src-shared'), at('package.json'), at('vite.host.config.ts'), at('vite.render-worker.config.ts')];
const rendererSources = [at('src-renderer'), at('src-shared'), at('package.json'), at('vite.renderer.config.ts')];
const hostStale = !values['if-stale'] || age(join(hostOut, 'marquee-host.mjs')) < newest(hostSources) || !existsSync(join(hostOut, 'render-worker.cjs'));
const rendererStale = !values['if-stale'] || age(at('dist', 'renderer', 'index.html')) < newest(rendererSources);

if (hostStale || rendererStale) {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.error('The host bundle is missing or older than its sources, and vite is not installed to build it: run `npm ci` and `npm run build` on a machine with the dev dependencies, then copy dist/.');
    process.exit(2);
  }
  const quiet = { root, logLevel: 'warn' };
  if (rendererStale && !values.out) await vite.build({ ...quiet, configFile: at('vite.renderer.config.ts') });
  if (hostStale) {
    await vite.build({ ...quiet, configFile: at('vite.host.config.ts'), build: { outDir: hostOut } });
    await vite.build({ ...quiet, configFile: at('vite.render-worker.config.ts'), build: { outDir: hostOut, emptyOutDir: false } });
  }
}
