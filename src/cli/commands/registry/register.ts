import { defineRegistryCommand } from './shared.ts';
import { reasonOption } from '../../registry-flags.ts';
import { requireOption } from '../../define.ts';
import { MlopsError } from '../../../util/errors.ts';
import { DEFAULT_MAX_INLINE_BYTES, versionLabel } from '../../../registry/format.ts';
import { registerFromFiles } from '../../../registry/inputs.ts';
import { readEvaluationSummary } from '../../../evaluate/registry-summary.ts';
import { resolve } from 'node:path';
import { parseNumber } from '../../../util/parse-number.ts';

export const registerCommand = defineRegistryCommand({
  sub: 'register',
  writes: true,
  summary: 'record a new version of a model (v1, v2, ...) with its lineage, metrics and profile.',
  usage: [
    'mlops registry register NAME --model FILE [--lineage lineage.json] [--metrics m.json]',
    '                        [--params p.json] [--profile profile.json] [--stage STAGE]',
  ],
  positionals: [{ name: 'NAME', description: 'the model name (or --name)' }],
  options: {
    model: { type: 'string', value: 'FILE', required: true, description: 'the model file (any format; stored in the branch up to --max-size-mb)' },
    name: { type: 'string', value: 'NAME', description: 'model name (or the first argument)' },
    lineage: {
      type: 'string',
      value: 'FILE',
      description: 'lineage.json from mlops train: params, metrics, data fingerprint, profile, source and environment are taken from it',
    },
    metrics: { type: 'string', value: 'FILE', description: '{"roc_auc": 0.91} (or a report with a "metrics" object); overrides lineage' },
    params: { type: 'string', value: 'FILE', description: '{"max_depth": 6} (or a document with a "params" object)' },
    profile: { type: 'string', value: 'FILE', description: 'training-data profile from mlops profile' },
    evaluation: {
      type: 'string',
      value: 'FILE',
      description: "the evaluate report (mlops evaluate --format json): the gate's verdict, its rules and the slices go into the metadata and the model card",
    },
    stage: { type: 'string', value: 'STAGE', description: 'also put the new version in this stage (staging, production, archived)' },
    commit: { type: 'string', value: 'SHA', description: 'source commit (default GITHUB_SHA, else HEAD of the checkout)' },
    description: { type: 'string', value: 'TEXT', description: 'intended use, for the model card' },
    limitations: { type: 'string', value: 'TEXT', description: 'known limitations, for the model card' },
    framework: { type: 'string', value: 'NAME', description: 'e.g. sklearn, xgboost, tfjs (default from the lineage)' },
    features: {
      type: 'string',
      value: 'a,b,c',
      description:
        'the data columns, in order, of a model whose one input is an [N, k] matrix (torch.onnx.export, skl2onnx); checked against k and stored, so serve, predict and evaluate feed it by column name (default: the model\'s sidecar MODEL.mlops.yml or its "mlops.features" metadata)',
    },
    'max-size-mb': {
      type: 'number',
      value: 'N',
      description: `store models up to N MB in the branch (default ${DEFAULT_MAX_INLINE_BYTES / 1024 / 1024})`,
      parse: (text, flag) => {
        const mb = parseNumber(text, { min: 0 });
        if (!mb.ok) throw new MlopsError(`${flag} must be a number of megabytes (got "${text}")`);
        return mb.value * 1024 * 1024;
      },
    },
    'model-url': {
      type: 'string',
      value: 'URL',
      description: 'where a bigger model lives (release asset, artifact, LFS); only its sha256 and this pointer are stored',
    },
    ...reasonOption,
  },
  examples: ['mlops registry register churn --model out/model.onnx --lineage out/lineage.json --stage staging'],
  async run(values, { ctx, io, emit }, positionals) {
    const name = values.name ?? positionals[0];
    if (!name) requireOption('registry register', undefined, 'NAME (or --name)');
    if (positionals.length > 1) throw new MlopsError(`unexpected argument "${positionals[1]}" (see mlops registry --help)`);
    const done = await registerFromFiles(
      ctx,
      {
        name: name!,
        model: values.model,
        lineage: values.lineage,
        metrics: values.metrics,
        params: values.params,
        profile: values.profile,
        evaluation: values.evaluation === undefined ? undefined : await readEvaluationSummary(resolve(io.cwd, values.evaluation)),
        stage: values.stage,
        reason: values.reason,
        commit: values.commit,
        description: values.description,
        limitations: values.limitations,
        framework: values.framework,
        features: values.features,
        modelUrl: values['model-url'],
        maxInlineBytes: values['max-size-mb'] ?? DEFAULT_MAX_INLINE_BYTES,
      },
      io,
    );
    const r = done.result;
    emit(
      {
        name: r.name,
        version: versionLabel(r.version),
        version_number: r.version,
        sha256: r.sha256,
        stage: r.stage ?? null,
        commit: done.commit,
        attempts: done.attempts,
      },
      () =>
        `registered ${r.name} ${versionLabel(r.version)}${r.stage ? ` in ${r.stage}` : ''} (sha256 ${r.sha256.slice(0, 12)}) in ${done.commit.slice(0, 12)}`,
    );
    return 0;
  },
});
