import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceRoot } from '../../../src-main/paths.ts';

/** Every relative import of a file, as written. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)].map((m) => m[1]!);
}

describe('the seam between the print service and the local print API', () => {
  it('the print API server knows printing only through PrintApiPort, never the service that starts it', () => {
    const folder = join(sourceRoot, 'src-main', 'print', 'api');
    const offending = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => importsOf(join(folder, f)).filter((spec) => /print-service|app\//.test(spec)).map((spec) => `${f} imports ${spec}`));
    expect(offending).toEqual([]);
    expect(importsOf(join(folder, 'print-api-server.ts'))).toContain('./print-api-port.ts');
  });

  it('no service is found by office: the locators are gone from src-main', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const found = sources(join(sourceRoot, 'src-main')).filter((file) => /\b(salesFor|startPrintService|printAssets|getSyncService|setFontDir)\(/.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
