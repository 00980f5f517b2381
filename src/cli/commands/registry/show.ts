import { defineRegistryCommand, one } from './shared.ts';
import { versionLabel } from '../../../registry/format.ts';
import { readConfig, showVersion } from '../../../registry/operations.ts';
import { parseModelRef } from '../../../registry/refs.ts';

export const showCommand = defineRegistryCommand({
  sub: 'show',
  writes: false,
  summary: "print a version's model card, stages, deprecation and image.",
  usage: ['mlops registry show NAME[@vN|#STAGE]'],
  positionals: [{ name: 'NAME[@vN|#STAGE]', description: 'the version (default: the latest)' }],
  options: {},
  examples: ['mlops registry show churn#production'],
  async run(_values, { store, format, emit }, positionals) {
    const snapshot = await store.snapshot();
    await readConfig(snapshot);
    const ref = parseModelRef(one(positionals, 'show NAME[@vN|#STAGE]'));
    const detail = await showVersion(snapshot, ref);
    const m = detail.metadata;
    emit({ ...detail, version: versionLabel(m.version) }, () => {
      const image = detail.images[detail.images.length - 1];
      const status = [
        `${m.name} ${versionLabel(m.version)}`,
        detail.stages.length ? `stages: ${detail.stages.join(', ')}` : 'no stage',
        detail.deprecated
          ? `deprecated ${detail.deprecated.at} by ${detail.deprecated.actor}${detail.deprecated.reason ? `: ${detail.deprecated.reason}` : ''}`
          : '',
        image ? `image: ${image.image}@${image.digest}` : '',
      ].filter((s) => s !== '');
      return `${format === 'markdown' ? '> ' : ''}${status.join(' · ')}\n\n${detail.card}`;
    });
    return 0;
  },
});
