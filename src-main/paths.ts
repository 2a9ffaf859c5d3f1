import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root when running from source (host mode, tests, benchmarks). */
export const sourceRoot = fileURLToPath(new URL('..', import.meta.url));
export const sourceMigrationsRoot = join(sourceRoot, 'src-main', 'db', 'migrations');
export const sourceLayoutsDir = join(sourceRoot, 'layouts');
export const sourceAssetsDir = join(sourceRoot, 'assets');
