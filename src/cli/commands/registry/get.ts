import { resolve } from 'node:path';
import { defineRegistryCommand, one } from './shared.ts';
import { fetchVersion, httpDownload } from '../../../registry/fetch-model.ts';
import { versionLabel } from '../../../registry/format.ts';
import { readConfig } from '../../../registry/operations.ts';
import { parseModelRef } from '../../../registry/refs.ts';

export const getCommand = defineRegistryCommand({
  sub: 'get',
  writes: false,
  summary: "fetch a version's model and metadata into a folder (sha256 verified).",
  usage: ['mlops registry get NAME[@vN|#STAGE] --out DIR'],
  positionals: [{ name: 'NAME[@vN|#STAGE]', description: 'the version (default: the latest)' }],
  options: { out: { type: 'string', short: 'o', value: 'DIR', required: true, description: 'where the model file and metadata.json go' } },
  examples: ['mlops registry get churn#production --out model/'],
  async run(values, { store, io, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    const ref = parseModelRef(one(positionals, 'get NAME[@vN|#STAGE] --out DIR'));
    const fetched = await fetchVersion(snapshot, ref, resolve(io.cwd, values.out), httpDownload(io.env));
    emit(
      {
        name: fetched.name,
        version: versionLabel(fetched.version),
        model_file: fetched.modelFile,
        metadata_file: fetched.metadataFile,
        sha256: fetched.metadata.model.sha256,
      },
      () => `fetched ${fetched.name} ${versionLabel(fetched.version)} to ${fetched.modelFile} (sha256 verified)`,
    );
    return 0;
  },
});
