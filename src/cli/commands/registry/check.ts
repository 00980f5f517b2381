import { defineRegistryCommand } from './shared.ts';
import { MlopsError } from '../../../util/errors.ts';
import { checkRegistry } from '../../../registry/check.ts';

export const CHECK_TEXT = `Verifies every invariant of the branch, like git fsck: registry.json; each index against its
version folders (v1..latest, none missing, none extra); every metadata.json, model card and
profile; the sha256 and size of every inline model; stage pointers, history, deprecations and
images on versions that exist; the event log (contiguous shards, seq 1..n, one register per
version, as many events as the index counts); and the high-water marker (a rewound branch).
Exit 0 healthy, 1 broken (each problem on a line naming its file), 2 when it cannot read.
--format json gives {ok, commit, models, versions, events, hashes_verified, pointers,
problems: [{file, problem}]}.`;

export const checkCommand = defineRegistryCommand({
  sub: 'check',
  writes: false,
  summary: 'verify every invariant of the registry branch.',
  usage: ['mlops registry check'],
  positionals: [{ name: '(none)', description: 'it checks every model' }],
  options: {},
  text: CHECK_TEXT,
  examples: ['mlops registry check --format json'],
  async run(_values, { store, emit }, positionals) {
    const snapshot = await store.snapshot();
    if (positionals.length > 0) throw new MlopsError('usage: mlops registry check (it checks every model)');
    const report = await checkRegistry(snapshot);
    emit(report, () =>
      report.ok
        ? `the registry on ${store.description} is healthy: ${report.models} models, ${report.versions} versions, ${report.events} events, ${report.hashes_verified} model hashes verified${report.pointers ? ` (${report.pointers} stored by URL, checked on get)` : ''}`
        : [
            ...report.problems.map((p) => `${p.file}: ${p.problem}`),
            `the registry on ${store.description} is broken: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`,
          ].join('\n'),
    );
    return report.ok ? 0 : 1;
  },
});
