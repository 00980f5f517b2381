import { defineCommand } from '../define.ts';
import { REGISTRY_ENV_HELP, registryLocationOptions, withRegistryLocation } from '../registry-flags.ts';
import { appendFile } from 'node:fs/promises';
import { resolveRegistryRef } from '../../registry/resolve.ts';
import { writeBuildContext } from '../../serve/build-context.ts';
import { NODE_BASE_IMAGE } from '../../serve/dockerfile.ts';
import { resolveModelSource } from '../../serve/model-source.ts';
import { MlopsError } from '../../util/errors.ts';

export const buildContextCommand = defineCommand({
  name: 'build-context',
  summary: 'write a Docker build context that serves a model (no Docker needed).',
  usage: ['mlops build-context --model registry:NAME#STAGE | registry:NAME@VERSION | model.onnx --out DIR [options]'],
  options: {
    model: { type: 'string', short: 'm', value: 'REF', required: true, description: 'the model to bake in: a registry reference or an .onnx file' },
    out: { type: 'string', short: 'o', value: 'DIR', required: true, description: 'a new or empty folder for the context' },
    name: {
      type: 'string',
      value: 'NAME',
      description: 'model name (default: registry name, serving.json, or file name)',
      parse: (text) => {
        if (!/^[a-z0-9][a-z0-9._-]*$/.test(text))
          throw new MlopsError(`--name must be lowercase letters, digits, ".", "_" or "-" (it names the image; got "${text}")`);
        return text;
      },
    },
    'model-version': { type: 'string', value: 'V', description: 'model version (default: registry version, serving.json, or sha-<12 hex>)' },
    'registry-commit': { type: 'string', value: 'SHA', description: 'the registry branch commit the model came from (an OCI label)' },
    'base-image': {
      type: 'string',
      value: 'IMAGE',
      description: `base image, pinned by digest (default ${NODE_BASE_IMAGE})`,
      parse: (text) => {
        if (!/@sha256:[0-9a-f]{64}$/.test(text)) throw new MlopsError(`--base-image must be pinned by digest, like ${NODE_BASE_IMAGE} (got "${text}")`);
        return text;
      },
    },
    port: { type: 'integer', range: { min: 1, max: 65535 }, default: 8080, description: 'port the container listens on' },
    image: {
      type: 'string',
      value: 'NAME',
      description: 'image name (e.g. ghcr.io/acme/churn): adds "image" and "tags" to the output, NAME:VERSION plus NAME:TAG for every --tag',
    },
    'image-prefix': { type: 'string', value: 'P', description: 'image name P/MODEL_NAME, e.g. ghcr.io/acme (instead of --image)' },
    tag: { type: 'list', value: 'TAG', description: 'extra tag, repeatable (e.g. production)' },
    'github-output': { type: 'string', value: 'FILE', description: 'also append context, name, version, image, tags, labels as step outputs' },
    ...registryLocationOptions,
  },
  text: `The context holds: Dockerfile (pinned node 24 slim base, npm ci of onnxruntime-node from the
lockfile, non-root user 1000, HEALTHCHECK on /health, OCI labels with the model name, version,
sha256, source commit, data fingerprint and registry commit), server.mjs (the bundled
\`mlops serve\`), healthcheck.mjs, package.json + package-lock.json, and model/ (the ONNX file and
serving.json). The container is configured by env: MLOPS_PORT, MLOPS_MAX_BATCH, MLOPS_MAX_WAIT_MS,
MLOPS_MAX_BODY, MLOPS_LOG_PREDICTIONS (e.g. /var/log/mlops, writable), MLOPS_SAMPLE, MLOPS_LOG_LEVEL.

Prints JSON: {"context", "name", "version", "image", "tags", "labels", "files"}.

${REGISTRY_ENV_HELP}`,
  examples: [
    'mlops build-context --model registry:churn#production --out build/churn',
    'docker build -t ghcr.io/acme/churn:3 build/churn',
    'mlops build-context --model out/model.onnx --name churn --model-version 3 --out build/churn',
    'mlops build-context --model registry:churn@v3 --out ctx --image ghcr.io/acme/churn --tag production',
  ],
  async run(values, io) {
    const { model, out, port } = values;
    const baseImage = values['base-image'];
    const source = await resolveModelSource(model, {
      cwd: io.cwd,
      env: withRegistryLocation(io.env, values),
      name: values.name,
      version: values['model-version'],
      resolveRegistry: resolveRegistryRef,
    });
    const built = await writeBuildContext({
      source,
      outDir: out.startsWith('/') ? out : `${io.cwd}/${out}`,
      baseImage,
      port,
      registryCommit: values['registry-commit'],
    });
    if (values.image && values['image-prefix']) throw new MlopsError('give --image or --image-prefix, not both');
    const image = (values.image ?? (values['image-prefix'] ? `${values['image-prefix'].replace(/\/+$/, '')}/${built.name}` : undefined))?.toLowerCase();
    const tags = image ? [built.version, ...values.tag].map((t) => `${image}:${dockerTag(t)}`) : [];
    const result = {
      context: built.context,
      name: built.name,
      version: built.version,
      ...(image ? { image, tags } : {}),
      labels: built.labels,
      files: built.files,
    };
    if (values['github-output']) await appendFile(values['github-output'], githubOutputs(result));
    io.stderr.write(
      `wrote ${out}: ${built.name} ${built.version} (${built.files.length} files, server ${built.bundle === 'prebuilt' ? 'prebuilt' : 'bundled from source'})\n`,
    );
    io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  },
});

/** Docker tags allow [A-Za-z0-9_.-], at most 128 characters, not starting with "." or "-". */
function dockerTag(text: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(text))
    throw new MlopsError(`"${text}" cannot be a Docker tag (letters, digits, "_", "." and "-"; use --model-version or --tag)`);
  return text;
}

/** KEY=value lines in the format of $GITHUB_OUTPUT, multi-line values in heredoc form. */
function githubOutputs(result: { context: string; name: string; version: string; image?: string; tags?: string[]; labels: Record<string, string> }): string {
  const lines = [`context=${result.context}`, `name=${result.name}`, `version=${result.version}`];
  if (result.image) lines.push(`image=${result.image}`);
  const multi = (key: string, values: string[]) => lines.push(`${key}<<MLOPS_EOF`, ...values, 'MLOPS_EOF');
  multi('tags', result.tags ?? []);
  multi(
    'labels',
    Object.entries(result.labels).map(([k, v]) => `${k}=${v.replace(/\n/g, ' ')}`),
  );
  return lines.join('\n') + '\n';
}
