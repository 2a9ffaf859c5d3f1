import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchArea, BenchRow } from './types.ts';
import { areas } from './areas.ts';

/** `npm run bench` runs every area; `npm run bench -- booking` runs one. */
const wanted = process.argv.slice(2);
const selected: BenchArea[] = wanted.length ? areas.filter((a) => wanted.includes(a.area)) : areas;
if (selected.length === 0) {
  console.error(`No benchmark area called ${wanted.join(', ')}. Areas: ${areas.map((a) => a.area).join(', ')}`);
  process.exit(2);
}

const outDir = join(process.cwd(), 'bench-results');
mkdirSync(outDir, { recursive: true });
let allMet = true;
for (const area of selected) {
  const rows: BenchRow[] = await area.run();
  writeFileSync(join(outDir, `${area.area}.json`), JSON.stringify(rows, null, 2) + '\n');
  console.log(`\n== ${area.area} ==`);
  console.table(rows.map((r) => ({ ...r, met: r.met ? 'yes' : 'NO' })));
  allMet &&= rows.every((r) => r.met);
}
console.log(allMet ? '\nAll targets met.' : '\nSome targets were missed (see the "met" column).');
