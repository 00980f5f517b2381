import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { registryJsonSchemas } from '../../src/registry/json-schemas.ts';

test('registry/schemas/*.json match the zod schemas the code validates with', () => {
  const generated = registryJsonSchemas();
  assert.deepEqual(readdirSync('registry/schemas').sort(), Object.keys(generated).sort());
  for (const [file, schema] of Object.entries(generated)) {
    assert.deepEqual(
      JSON.parse(readFileSync(`registry/schemas/${file}`, 'utf8')),
      schema,
      `${file} is stale: run node --import tsx scripts/registry-schemas.ts`,
    );
    assert.equal((schema as { properties: { schema_version: { const: number } } }).properties.schema_version.const, 1);
  }
});
