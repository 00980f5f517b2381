import { defineRegistryCommand, one } from './shared.ts';
import { reasonOption } from '../../registry-flags.ts';
import { versionLabel } from '../../../registry/format.ts';
import { rollback } from '../../../registry/operations.ts';

export const rollbackCommand = defineRegistryCommand({
  sub: 'rollback',
  writes: true,
  summary: 'put a stage back on the version it held before.',
  usage: ['mlops registry rollback NAME --stage STAGE [--reason TEXT]'],
  positionals: [{ name: 'NAME', description: 'the model' }],
  options: { stage: { type: 'string', value: 'STAGE', required: true, description: 'the stage to roll back' }, ...reasonOption },
  examples: ['mlops registry rollback churn --stage production --reason "latency regression"'],
  async run(values, { ctx, emit }, positionals) {
    const name = one(positionals, 'rollback NAME --stage STAGE');
    const done = await rollback(ctx, name, values.stage, values.reason);
    const r = done.result;
    emit(
      { ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts },
      () => `rolled back ${r.name} ${r.stage} from ${versionLabel(r.previous!)} to ${versionLabel(r.version)} in ${done.commit.slice(0, 12)}`,
    );
    return 0;
  },
});
