import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../src-main/host/openapi-document.ts';
import { sourceRoot } from '../src-main/paths.ts';

// `npm run docs:api`: the HTTP API's OpenAPI document, from the contract, for people without a
// running host (the host serves the same at GET /api/v1/openapi.json to signed-in managers).
const out = join(sourceRoot, 'docs', 'api', 'openapi.json');
mkdirSync(join(sourceRoot, 'docs', 'api'), { recursive: true });
const document = buildOpenApiDocument();
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`Wrote ${out}: ${Object.keys(document.paths as object).length} procedures.`);
