import { defineRegistryCommand, heading, one } from './shared.ts';
import { table } from '../../../report/markdown.ts';
import { versionLabel } from '../../../registry/format.ts';
import { listModels, listVersions, readConfig } from '../../../registry/operations.ts';

export const listCommand = defineRegistryCommand({
  sub: 'list',
  writes: false,
  summary: "list the models (latest version, stages), or one model's versions with their metrics.",
  usage: ['mlops registry list [NAME]'],
  positionals: [{ name: 'NAME', description: "list this model's versions" }],
  options: {},
  async run(_values, { store, format, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    if (positionals.length === 0) {
      const models = await listModels(snapshot);
      emit(models, () =>
        models.length === 0
          ? `the registry on ${store.description} is empty`
          : heading(format, 'Models') +
            table(
              ['model', 'latest', 'stages', 'deprecated'],
              models.map((m) => [m.name, versionLabel(m.latest_version), stagesText(m.stages), m.deprecated.map(versionLabel).join(', ')]),
            ),
      );
      return 0;
    }
    const name = one(positionals, 'list [NAME]');
    const versions = await listVersions(snapshot, name);
    const metricNames = [...new Set(versions.flatMap((x) => Object.keys(x.metrics)))].slice(0, 4);
    emit(
      versions.map((x) => ({ ...x, version: versionLabel(x.version) })),
      () =>
        heading(format, `${name} versions`) +
        table(
          ['version', 'created', 'actor', 'stages', ...metricNames, 'sha256'],
          versions.map((x) => [
            versionLabel(x.version) + (x.deprecated ? ' (deprecated)' : ''),
            x.created_at,
            x.actor,
            x.stages.join(', '),
            ...metricNames.map((m) => x.metrics[m]),
            x.sha256.slice(0, 12),
          ]),
        ),
    );
    return 0;
  },
});

function stagesText(stages: Record<string, number>): string {
  return Object.entries(stages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, v]) => `${s}: ${versionLabel(v)}`)
    .join(', ');
}
