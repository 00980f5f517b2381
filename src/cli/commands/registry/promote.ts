import { defineRegistryCommand, nameAndVersion } from './shared.ts';
import { reasonOption } from '../../registry-flags.ts';
import { versionLabel } from '../../../registry/format.ts';
import { promote } from '../../../registry/operations.ts';

export const promoteCommand = defineRegistryCommand({
  sub: 'promote',
  writes: true,
  summary: 'put a version in a stage (the previous holder is recorded).',
  usage: ['mlops registry promote NAME VERSION --to STAGE [--reason TEXT]'],
  positionals: [
    { name: 'NAME', description: 'the model (or NAME@VERSION)' },
    { name: 'VERSION', description: 'v3 or 3' },
  ],
  options: { to: { type: 'string', value: 'STAGE', required: true, description: 'the stage (staging, production, archived)' }, ...reasonOption },
  examples: ['mlops registry promote churn v7 --to production --reason "beats v6 on holdout AUC"'],
  async run(values, { ctx, emit }, positionals) {
    const [name, version] = nameAndVersion(positionals, 'promote NAME VERSION --to STAGE');
    const done = await promote(ctx, { name, version }, values.to, values.reason);
    const r = done.result;
    emit(
      { ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts },
      () =>
        `promoted ${r.name} ${versionLabel(r.version)} to ${r.stage}${r.previous ? ` (was ${versionLabel(r.previous)})` : ''} in ${done.commit.slice(0, 12)}`,
    );
    return 0;
  },
});
