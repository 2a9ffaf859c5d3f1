#!/usr/bin/env node
// `npm start`: build the renderer, main and preload, then run Electron on this folder. When the
// Electron binary is missing (it cannot be downloaded on every machine), say so plainly and point
// at host mode instead of printing electron's own stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectDir, 'package.json'));

function missingElectron(reason) {
  console.error(
    [
      'Marquee desktop cannot start: the Electron binary is not installed.',
      `(${reason})`,
      'This machine could not download it when the packages were installed.',
      '',
      'On a machine with internet access, download it and start again',
      '(with ELECTRON_SKIP_BINARY_DOWNLOAD unset; package.json\'s allowScripts keeps',
      'npm install itself from running the download):',
      '  node node_modules/electron/install.js',
      '  npm start',
      '',
      'Meanwhile host mode works without Electron:',
      '  npm run serve',
      'then open the URL it prints in a browser.',
    ].join('\n'),
  );
  process.exit(1);
}

/** The path of the Electron executable, or why there is none. */
function findElectron() {
  let binary;
  try {
    // electron's index.js resolves dist/<path.txt>, and throws "Electron failed to install
    // correctly" when path.txt is missing because the download never happened.
    binary = require('electron');
  } catch (error) {
    return { reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { reason: `no Electron executable at ${String(binary)}` };
  }
  return { binary };
}

const found = findElectron();
if (!found.binary) missingElectron(found.reason);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error('Marquee desktop cannot start: `npm run build` failed (see above).');
  process.exit(build.status ?? 1);
}

// ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make Electron a plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(found.binary, [projectDir, ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('close', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
