import { z } from 'zod';
import { RunRecordSchema } from '../runs/schema.ts';
import { EventSchema, ModelIndexSchema, RegistryConfigSchema, VersionMetadataSchema } from './format.ts';

/** The JSON Schemas committed in registry/schemas, generated from the zod schemas the code checks with. */
export function registryJsonSchemas(): Record<string, unknown> {
  const schema = (s: z.ZodType, title: string) => ({
    title,
    ...z.toJSONSchema(s, { target: 'draft-2020-12' }),
  });
  return {
    'registry.json': schema(RegistryConfigSchema, 'registry.json: the registry branch configuration'),
    'index.json': schema(ModelIndexSchema, 'models/NAME/index.json: latest version, stage pointers, deprecations'),
    'version.json': schema(VersionMetadataSchema, 'models/NAME/versions/N/metadata.json: one version'),
    'event.json': schema(EventSchema, 'models/NAME/events/NNNNNN.jsonl: one audit event per line'),
    'run.json': schema(RunRecordSchema, 'runs/YYYY-MM/ID.json: one training run (written once, never rewritten)'),
  };
}
