import * as core from '@actions/core';
import { basename, dirname, resolve } from 'node:path';
import { expandDataPaths } from '../data/read.ts';
import { fingerprintFiles, execProgram, queryGpus } from '../model/lineage-record.ts';
import { parseDataUriInput } from '../model/data-location.ts';
import { DEFAULT_RUNS_DIR, openRunLocation, trainAndRecord } from '../registry/runs.ts';
import { MlopsError } from '../util/errors.ts';
import { booleanInput, choiceInput, ensureActionRuntime, input, integerInput, listInput, optionalInput, writeOutputs } from './action.ts';
import { restoreCached, saveCached, uploadFiles } from './artifacts.ts';
import { BACKENDS } from '../model/backend.ts';
import { table } from '../report/markdown.ts';

export interface TrainActionContext {
  /** Folder the action's bundle runs from; missing runtime packages are installed under its parent. */
  bundleDir: string;
  version: string;
}

/** Every input of the train action (actions/train/action.yml), read and checked before any work. */
export function readTrainSettings() {
  const command = optionalInput('command');
  return {
    command,
    outputs: listInput('outputs'),
    data: listInput('data'),
    target: optionalInput('target'),
    task: optionalInput('task') === undefined ? undefined : choiceInput('task', ['classification', 'regression'] as const, 'classification'),
    config: optionalInput('config'),
    out: optionalInput('out'),
    seed: integerInput('seed'),
    delimiter: optionalInput('delimiter'),
    dataUris: parseDataUriInput(optionalInput('data-uri') ?? ''),
    backend: choiceInput('backend', BACKENDS, 'auto'),
    requireGpu: booleanInput('require-gpu', false),
    runnerLabels: listInput('runner-labels'),
    dataCacheKey: optionalInput('data-cache-key'),
    cacheData: booleanInput('cache-data', true),
    uploadArtifact: booleanInput('upload-artifact', true),
    artifactName: input('artifact-name', 'model'),
    retentionDays: integerInput('retention-days', { min: 1 }),
    installRuntime: booleanInput('install-runtime', true),
    name: optionalInput('name'),
    recordRun: choiceInput('record-run', ['local', 'registry'] as const, 'local'),
    runsDir: input('runs-dir', DEFAULT_RUNS_DIR),
    githubToken: optionalInput('github-token'),
  };
}

/** The train action: settings → GPU check, runtime install and data cache → the shared training run → artifact → outputs. */
export async function trainAction(ctx: TrainActionContext): Promise<void> {
  const settings = readTrainSettings();
  const env = process.env;
  const cwd = process.cwd();
  const { command } = settings;
  let backend = settings.backend;
  if (settings.runnerLabels.length > 0) env.MLOPS_RUNNER_LABELS = settings.runnerLabels.join(',');

  const gpus = await queryGpus(execProgram);
  if (settings.requireGpu && gpus.length === 0) {
    throw new MlopsError(
      'require-gpu is true but no GPU was found (nvidia-smi is missing or lists no device): run this job on a GPU runner, e.g. runs-on: [self-hosted, gpu]',
    );
  }
  core.info(gpus.length > 0 ? `GPU: ${gpus.map((g) => `${g.name} ${g.memory_total}`).join(', ')}` : 'GPU: none');
  if (settings.requireGpu && !command && backend === 'auto') backend = 'tensorflow-gpu';
  if (backend !== 'auto') env.MLOPS_TF_BACKEND = backend;

  // MLOPS_GPU=1 is the runner-wide opt-in `mlops runtime install` also honours.
  const gpuRuntime = !command && (backend === 'tensorflow-gpu' || env.MLOPS_GPU === '1');
  await ensureActionRuntime('train', ctx.bundleDir, { install: settings.installRuntime, gpu: gpuRuntime || settings.requireGpu || env.MLOPS_GPU === '1' });

  const userKey = settings.dataCacheKey;
  let cacheHit = false;
  if (userKey && settings.data.length > 0) {
    cacheHit = await restoreCached(settings.data, userKey);
    core.info(cacheHit ? `data restored from cache ${userKey}` : `no cached data under ${userKey}`);
  }
  const files = settings.data.length > 0 ? await expandDataPaths(settings.data, cwd) : [];
  const fingerprint = files.length > 0 ? (await fingerprintFiles(files.map((f) => resolve(cwd, f)))).fingerprint : undefined;
  const cacheKey = userKey ?? (fingerprint ? `mlops-data-${fingerprint.replace('sha256:', '')}` : undefined);

  // Every training run is recorded, failed ones too: in runs-dir, or on the registry branch.
  if (settings.githubToken) core.setSecret(settings.githubToken);
  const location = await openRunLocation({
    cwd,
    env: settings.githubToken ? { ...env, GITHUB_TOKEN: settings.githubToken } : env,
    runsDir: settings.recordRun === 'local' ? settings.runsDir : undefined,
    registry: settings.recordRun === 'registry',
  });
  let recorded;
  try {
    recorded = await trainAndRecord(
      {
        ...settings,
        dataFiles: files,
        cwd,
        env,
        now: () => new Date(),
        exec: execProgram,
        stdout: process.stdout,
        stderr: process.stderr,
        log: core.info,
        producerVersion: ctx.version,
      },
      location,
      {
        model: settings.name ?? (env.GITHUB_REPOSITORY?.split('/')[1] || basename(cwd)),
        artifact: (done) =>
          settings.uploadArtifact ? { kind: 'actions-artifact', name: settings.artifactName } : { kind: 'local', path: dirname(done.lineageFile) },
        log: core.info,
        warn: core.warning,
      },
    );
  } finally {
    await location.close();
  }
  const { outcome, run } = recorded;
  if (run) core.setOutput('run-id', run.id);
  if (outcome.failed) throw new MlopsError(`the training command failed with exit code ${outcome.exitCode}; no lineage was written`, { exitCode: 1 });
  const { modelFile, lineageFile, metricsFile, metrics, backend: backendName } = outcome;

  if (cacheKey && files.length > 0 && !cacheHit && settings.cacheData) {
    if (await saveCached(settings.data, cacheKey)) core.info(`data saved to cache ${cacheKey}`);
  }

  let artifactId = '';
  if (settings.uploadArtifact) {
    const artifactFiles = [modelFile, lineageFile, ...(metricsFile ? [metricsFile] : [])];
    const uploaded = await uploadFiles(settings.artifactName, artifactFiles, dirname(lineageFile), settings.retentionDays);
    artifactId = String(uploaded.id);
    core.info(`uploaded artifact ${settings.artifactName} (id ${artifactId}, ${uploaded.size} bytes)`);
  }

  writeOutputs({
    'model-path': modelFile,
    'lineage-path': lineageFile,
    metrics: JSON.stringify(metrics),
    'artifact-id': artifactId,
    'data-fingerprint': fingerprint ?? '',
    'data-cache-key': cacheKey ?? '',
    'data-cache-hit': String(cacheHit),
    backend: backendName,
    gpu: gpus.map((g) => g.name).join(', '),
  });

  await core.summary
    .addRaw(
      '## Training\n\n' +
        table(
          ['metric', 'value'],
          Object.entries(metrics).map(([k, v]) => [k, Number.isInteger(v) ? v : v.toFixed(4)]),
          ['l', 'r'],
        ) +
        '\n',
    )
    .addRaw(
      `\n${command ? `command \`${command}\`` : `backend \`${backendName}\``} · GPU ${gpus.length > 0 ? gpus.map((g) => g.name).join(', ') : 'none'} · ` +
        `data ${fingerprint ? `\`${fingerprint.slice(0, 19)}…\`` : 'not given'}${artifactId ? ` · artifact ${artifactId}` : ''}\n`,
    )
    .write();
}
