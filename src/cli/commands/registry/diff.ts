import { defineRegistryCommand } from './shared.ts';
import { MlopsError } from '../../../util/errors.ts';
import { diffMarkdown, diffVersions } from '../../../registry/diff.ts';
import { readConfig, readMetadata, readProfile, resolveVersion } from '../../../registry/operations.ts';
import { parseModelRef, parseVersion } from '../../../registry/refs.ts';

export const diffCommand = defineRegistryCommand({
  sub: 'diff',
  writes: false,
  summary: 'compare two versions: metrics, params, data fingerprint and profile, source.',
  usage: ['mlops registry diff NAME VERSION_A VERSION_B'],
  positionals: [
    { name: 'NAME', description: 'the model' },
    { name: 'VERSION_A VERSION_B', description: 'versions as v3 or #production' },
  ],
  options: {},
  examples: ['mlops registry diff churn v6 v7 --format markdown'],
  async run(_values, { store, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    if (positionals.length !== 3) throw new MlopsError('usage: mlops registry diff NAME VERSION_A VERSION_B (versions as v3 or #production)');
    const [name, a, b] = positionals;
    const version = (text: string) => resolveVersion(snapshot, text.startsWith('#') ? parseModelRef(name + text) : { name, version: parseVersion(text) });
    const [va, vb] = [await version(a), await version(b)];
    const [ma, mb] = [await readMetadata(snapshot, name, va), await readMetadata(snapshot, name, vb)];
    const d = diffVersions(ma, mb, await readProfile(snapshot, ma), await readProfile(snapshot, mb));
    emit(d, () => diffMarkdown(d));
    return 0;
  },
});
