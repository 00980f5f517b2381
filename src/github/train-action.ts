import * as core from '@actions/core';
import { basename, dirname, join, resolve } from 'node:path';
import { expandDataPaths } from '../data/read.ts';
import { fingerprintFiles, execProgram, queryGpus } from '../model/lineage-record.ts';
import { defaultTrainConfig, readTrainConfig } from '../model/train-config.ts';
import { runBuiltinTraining } from '../model/train-builtin.ts';
import { runCommandTraining } from '../model/train-command.ts';
import { MlopsError } from '../util/errors.ts';
import { booleanInput, choiceInput, ensureActionRuntime, input, listInput, optionalInput } from './action.ts';
import { restoreCached, saveCached, uploadFiles } from './artifacts.ts';
import { BACKENDS } from '../model/backend.ts';
import { table } from '../report/markdown.ts';
import { flattenParams, type RunParts } from '../runs/record.ts';
import { openRunLocation, saveRun } from '../registry/runs.ts';
import { sourceInfo } from '../model/lineage-record.ts';
import { errorMessage } from '../util/errors.ts';

export interface TrainActionContext {
  /** Folder the action's bundle runs from; missing runtime packages are installed under its parent. */
  bundleDir: string;
  version: string;
}

/** The train action: inputs → optional runtime install and data cache → trainer → artifact → outputs. */
export async function trainAction(ctx: TrainActionContext): Promise<void> {
  const env = process.env;
  const cwd = process.cwd();
  const command = optionalInput('command');
  const dataPatterns = listInput('data');
  const requireGpu = booleanInput('require-gpu', false);
  let backend = choiceInput('backend', BACKENDS, 'auto');
  const labels = listInput('runner-labels');
  if (labels.length > 0) env.MLOPS_RUNNER_LABELS = labels.join(',');

  const gpus = await queryGpus(execProgram);
  if (requireGpu && gpus.length === 0) {
    throw new MlopsError(
      'require-gpu is true but no GPU was found (nvidia-smi is missing or lists no device): run this job on a GPU runner, e.g. runs-on: [self-hosted, gpu]',
    );
  }
  core.info(gpus.length > 0 ? `GPU: ${gpus.map((g) => `${g.name} ${g.memory_total}`).join(', ')}` : 'GPU: none');
  if (requireGpu && !command && backend === 'auto') backend = 'tensorflow-gpu';
  if (backend !== 'auto') env.MLOPS_TF_BACKEND = backend;

  // MLOPS_GPU=1 is the runner-wide opt-in `mlops runtime install` also honours.
  const gpuRuntime = !command && (backend === 'tensorflow-gpu' || env.MLOPS_GPU === '1');
  await ensureActionRuntime('train', ctx.bundleDir, { install: booleanInput('install-runtime', true), gpu: gpuRuntime || requireGpu || env.MLOPS_GPU === '1' });

  const userKey = optionalInput('data-cache-key');
  let cacheHit = false;
  if (userKey && dataPatterns.length > 0) {
    cacheHit = await restoreCached(dataPatterns, userKey);
    core.info(cacheHit ? `data restored from cache ${userKey}` : `no cached data under ${userKey}`);
  }
  const files = dataPatterns.length > 0 ? await expandDataPaths(dataPatterns, cwd) : [];
  const fingerprint = files.length > 0 ? (await fingerprintFiles(files.map((f) => resolve(cwd, f)))).fingerprint : undefined;
  const cacheKey = userKey ?? (fingerprint ? `mlops-data-${fingerprint.replace('sha256:', '')}` : undefined);

  // Every training run is recorded, failed ones too: in runs-dir, or on the registry branch.
  const recordTo = choiceInput('record-run', ['local', 'registry'] as const, 'local');
  const token = optionalInput('github-token');
  const location = await openRunLocation({
    cwd,
    env: token ? { ...env, GITHUB_TOKEN: token } : env,
    runsDir: recordTo === 'local' ? input('runs-dir', '.mlops/runs') : undefined,
    registry: recordTo === 'registry',
  });
  const artifactName = input('artifact-name', 'model');
  const upload = booleanInput('upload-artifact', true);
  const started = { at: new Date(), t0: performance.now() };
  let params: RunParts['params'] = command ? { trainer: 'command', command, outputs: JSON.stringify(listInput('outputs')) } : {};
  const record = async (parts: Omit<RunParts, 'model' | 'env' | 'startedAt' | 'durationMs' | 'params'>) => {
    const { run, where } = await saveRun(location, () => new Date(), {
      ...parts,
      params,
      model: optionalInput('name') ?? (env.GITHUB_REPOSITORY?.split('/')[1] || basename(cwd)),
      env,
      startedAt: started.at,
      durationMs: performance.now() - started.t0,
    });
    core.info(`run ${run.id} (${run.status}) recorded in ${where}`);
    core.setOutput('run-id', run.id);
    return run;
  };

  let modelFile: string;
  let lineageFile: string;
  let metricsFile: string | undefined;
  let metrics: Record<string, number>;
  let backendName = 'command';
  let lineage;
  try {
    if (command) {
      const result = await runCommandTraining({
        command,
        outputs: listInput('outputs'),
        outDir: optionalInput('out'),
        dataFiles: files,
        cwd,
        env,
        now: () => new Date(),
        exec: execProgram,
        stdout: process.stdout,
        stderr: process.stderr,
        log: core.info,
        producerVersion: ctx.version,
      });
      if (result.exitCode !== 0) throw new MlopsError(`the training command failed with exit code ${result.exitCode}; no lineage was written`, { exitCode: 1 });
      lineage = result.lineage!;
      modelFile = result.modelFile!;
      lineageFile = result.lineageFile!;
      const m = listInput('outputs').find((f) => f.endsWith('.json'));
      metricsFile = m ? join(dirname(lineageFile), m.split('/').pop()!) : undefined;
      metrics = result.metrics ?? {};
    } else {
      if (files.length === 0) throw new MlopsError('input "data" is required (or "command" for your own training script)');
      const configFile = optionalInput('config');
      const config = configFile ? await readTrainConfig(resolve(cwd, configFile)) : defaultTrainConfig();
      const target = optionalInput('target') ?? config.target;
      if (!target) throw new MlopsError('input "target" is required (or "target:" in the train config)');
      const task = choiceInput('task', ['classification', 'regression'] as const, config.task ?? 'classification');
      const { sweep: _sweep, schema_version: _version, ...trained } = config;
      params = flattenParams({ ...trained, target, task });
      const result = await runBuiltinTraining({
        files: files.map((f) => resolve(cwd, f)),
        target,
        task,
        config,
        outDir: resolve(cwd, input('out', 'model')),
        log: core.info,
        env,
        now: () => new Date(),
        exec: execProgram,
        cwd,
        producerVersion: ctx.version,
      });
      ({ modelFile, lineageFile, metricsFile, metrics, lineage } = result);
      backendName = result.lineage.environment.backend ?? 'unknown';
    }
  } catch (err) {
    try {
      await record({ error: errorMessage(err), source: await sourceInfo(env, execProgram, cwd), gpus });
    } catch (recordError) {
      core.warning(`the failed run was not recorded: ${errorMessage(recordError)}`);
    }
    await location.close();
    throw err;
  }
  try {
    await record({
      metrics,
      dataFingerprint: lineage.data.fingerprint,
      source: lineage.source,
      backend: backendName,
      gpus,
      artifact: upload ? { kind: 'actions-artifact', name: artifactName } : { kind: 'local', path: dirname(lineageFile) },
    });
  } finally {
    await location.close();
  }

  if (cacheKey && files.length > 0 && !cacheHit && booleanInput('cache-data', true)) {
    if (await saveCached(dataPatterns, cacheKey)) core.info(`data saved to cache ${cacheKey}`);
  }

  let artifactId = '';
  if (upload) {
    const artifactFiles = [modelFile, lineageFile, ...(metricsFile ? [metricsFile] : [])];
    const retention = optionalInput('retention-days');
    const uploaded = await uploadFiles(input('artifact-name', 'model'), artifactFiles, dirname(lineageFile), retention ? Number(retention) : undefined);
    artifactId = String(uploaded.id);
    core.info(`uploaded artifact ${input('artifact-name', 'model')} (id ${artifactId}, ${uploaded.size} bytes)`);
  }

  core.setOutput('model-path', modelFile);
  core.setOutput('lineage-path', lineageFile);
  core.setOutput('metrics', JSON.stringify(metrics));
  core.setOutput('artifact-id', artifactId);
  core.setOutput('data-fingerprint', fingerprint ?? '');
  core.setOutput('data-cache-key', cacheKey ?? '');
  core.setOutput('data-cache-hit', String(cacheHit));
  core.setOutput('backend', backendName);
  core.setOutput('gpu', gpus.map((g) => g.name).join(', '));

  await core.summary
    .addRaw(
      '## Training\n\n' +
        table(
        ['metric', 'value'],
        Object.entries(metrics).map(([k, v]) => [k, Number.isInteger(v) ? v : v.toFixed(4)]),
        ['l', 'r'],
      ) + '\n',
    )
    .addRaw(
      `\n${command ? `command \`${command}\`` : `backend \`${backendName}\``} · GPU ${gpus.length > 0 ? gpus.map((g) => g.name).join(', ') : 'none'} · ` +
        `data ${fingerprint ? `\`${fingerprint.slice(0, 19)}…\`` : 'not given'}${artifactId ? ` · artifact ${artifactId}` : ''}\n`,
    )
    .write();
}
