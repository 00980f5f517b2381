import { defineRegistryCommand, heading, one } from './shared.ts';
import { table } from '../../../report/markdown.ts';
import { versionLabel } from '../../../registry/format.ts';
import { readConfig, readHistory } from '../../../registry/operations.ts';

export const historyCommand = defineRegistryCommand({
  sub: 'history',
  writes: false,
  summary: "a model's event log: registrations, promotions, rollbacks, deprecations, images.",
  usage: ['mlops registry history NAME'],
  positionals: [{ name: 'NAME', description: 'the model' }],
  options: {},
  async run(_values, { store, format, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    const name = one(positionals, 'history NAME');
    const events = await readHistory(snapshot, name);
    emit(
      events.map((e) => ({ ...e, version: versionLabel(e.version), ...(e.previous ? { previous: versionLabel(e.previous) } : {}) })),
      () =>
        heading(format, `${name} history`) +
        table(
          ['#', 'when', 'event', 'version', 'stage', 'actor', 'reason or image', 'run'],
          events.map((e) => [
            e.seq,
            e.at,
            e.type,
            versionLabel(e.version) + (e.previous ? ` (was ${versionLabel(e.previous)})` : ''),
            e.stage,
            e.actor,
            e.reason ?? e.image,
            e.run_url ?? e.run_id,
          ]),
        ),
    );
    return 0;
  },
});
