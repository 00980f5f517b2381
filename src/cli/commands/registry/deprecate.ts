import { defineRegistryCommand, nameAndVersion } from './shared.ts';
import { reasonOption } from '../../registry-flags.ts';
import { versionLabel } from '../../../registry/format.ts';
import { deprecate } from '../../../registry/operations.ts';

export const deprecateCommand = defineRegistryCommand({
  sub: 'deprecate',
  writes: true,
  summary: 'mark a version deprecated (it stays readable; list and show flag it).',
  usage: ['mlops registry deprecate NAME VERSION [--reason TEXT]'],
  positionals: [
    { name: 'NAME', description: 'the model (or NAME@VERSION)' },
    { name: 'VERSION', description: 'v3 or 3' },
  ],
  options: { ...reasonOption },
  async run(values, { ctx, emit }, positionals) {
    const [name, version] = nameAndVersion(positionals, 'deprecate NAME VERSION');
    const done = await deprecate(ctx, { name, version }, values.reason);
    emit(
      { ...done.result, version: versionLabel(done.result.version), commit: done.commit, attempts: done.attempts },
      () => `deprecated ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`,
    );
    return 0;
  },
});
