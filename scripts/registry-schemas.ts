// Regenerates registry/schemas/*.json from the zod schemas: node --import tsx scripts/registry-schemas.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registryJsonSchemas } from '../src/registry/json-schemas.ts';

mkdirSync('registry/schemas', { recursive: true });
for (const [file, schema] of Object.entries(registryJsonSchemas())) writeFileSync(join('registry/schemas', file), JSON.stringify(schema, null, 2) + '\n');
