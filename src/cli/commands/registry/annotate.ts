import { defineRegistryCommand, nameAndVersion } from './shared.ts';
import { MlopsError } from '../../../util/errors.ts';
import { versionLabel } from '../../../registry/format.ts';
import { annotateImage } from '../../../registry/operations.ts';

export const annotateCommand = defineRegistryCommand({
  sub: 'annotate',
  writes: true,
  summary: 'record the container image built for a version.',
  usage: ['mlops registry annotate NAME VERSION --image IMAGE --image-digest sha256:...'],
  positionals: [
    { name: 'NAME', description: 'the model (or NAME@VERSION)' },
    { name: 'VERSION', description: 'v3 or 3' },
  ],
  options: {
    image: { type: 'string', value: 'IMAGE', description: 'the image name, e.g. ghcr.io/acme/churn' },
    'image-digest': { type: 'string', value: 'sha256:...', description: 'the pushed image digest' },
  },
  async run(values, { ctx, emit }, positionals) {
    const [name, version] = nameAndVersion(positionals, 'annotate NAME VERSION --image IMAGE --image-digest sha256:...');
    const { image, 'image-digest': digest } = values;
    if (!image || !digest) throw new MlopsError('annotate needs --image and --image-digest (see mlops registry --help)');
    const done = await annotateImage(ctx, { name, version }, { image, digest });
    emit(
      { ...done.result, version: versionLabel(done.result.version), image, digest, commit: done.commit, attempts: done.attempts },
      () => `recorded ${image}@${digest} for ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`,
    );
    return 0;
  },
});
