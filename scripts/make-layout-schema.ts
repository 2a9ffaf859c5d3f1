/** Writes layouts/layout.schema.json from the loader's zod schema. Run: npx tsx scripts/make-layout-schema.ts */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceLayoutsDir } from '../src-main/paths.ts';
import { layoutJsonSchemaText } from '../src-main/print/render/layout-json-schema.ts';

writeFileSync(join(sourceLayoutsDir, 'layout.schema.json'), layoutJsonSchemaText());
console.log('Wrote layouts/layout.schema.json');
