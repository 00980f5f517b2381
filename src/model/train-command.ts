import { spawn } from 'node:child_process';
import { access, copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir, platform } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { profileFiles } from '../profile/profile.ts';
import type { Profile } from '../profile/schema.ts';
import { writeJson } from '../util/fs.ts';
import { MlopsError, SettingError, errorMessage } from '../util/errors.ts';
import type { Lineage } from './lineage.ts';
import { locateFiles, urisForFiles } from './data-location.ts';
import { buildLineage, environmentInfo, fingerprintFiles, queryGpus, sourceInfo, type Exec, type GpuInfo } from './lineage-record.ts';
import { describeOnnx, loadModel } from './runtime.ts';

export interface CommandTrainOptions {
  command: string;
  /** Files the command must write, relative to cwd: exactly one .onnx, optionally a metrics .json. */
  outputs: string[];
  /** Where lineage.json (and copies of the outputs) go; default: the model's folder. */
  outDir?: string;
  /** Training data, for the fingerprint and profile in the lineage (optional). */
  dataFiles: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  exec: Exec;
  /** The command's own stdout/stderr are streamed here as they come. */
  stdout: Writable;
  stderr: Writable;
  log: (line: string) => void;
  producerVersion: string;
  seed?: number;
  /** Where training files can be fetched later, by path relative to cwd (--data-uri, mlops.yml data.locations). */
  dataUris?: Record<string, string>;
}

export interface CommandRun {
  exitCode: number;
  durationS: number;
  peakMemoryBytes?: number;
}

export interface CommandTrainResult extends CommandRun {
  gpus: GpuInfo[];
  /** Present only when the command succeeded and its outputs validated. */
  modelFile?: string;
  metrics?: Record<string, number>;
  lineage?: Lineage;
  lineageFile?: string;
}

/**
 * Runs the user's training command under `sh -c`, streaming its output, then checks what it
 * wrote: the model must load in onnxruntime and the metrics file must be JSON. Only then is
 * lineage.json written, so a failed run registers nothing.
 */
export async function runCommandTraining(o: CommandTrainOptions): Promise<CommandTrainResult> {
  const modelOut = o.outputs.filter((f) => f.toLowerCase().endsWith('.onnx'));
  if (modelOut.length !== 1)
    throw new SettingError('outputs', (name) => `${name('outputs')} must name exactly one .onnx model (got ${o.outputs.join(', ') || 'nothing'})`);
  const metricsOut = o.outputs.find((f) => /metric/i.test(basename(f)) && f.endsWith('.json')) ?? o.outputs.find((f) => f.endsWith('.json'));

  const startedAt = o.now();
  const dataFiles = o.dataFiles.map((f) => resolve(o.cwd, f));
  urisForFiles(dataFiles, o.cwd, o.dataUris);
  const gpus = await queryGpus(o.exec);
  o.log(
    gpus.length > 0
      ? `gpu: ${gpus.map((g) => `${g.name} (${g.memory_total}, driver ${g.driver_version})`).join('; ')}`
      : 'gpu: none found (nvidia-smi absent or no device)',
  );
  o.log(`running: ${o.command}`);
  const run = await runMeasured(o.command, o.cwd, o.env, o.stdout, o.stderr);
  o.log(
    `command exited with code ${run.exitCode} after ${run.durationS.toFixed(1)}s` +
      (run.peakMemoryBytes !== undefined ? `, peak memory ${(run.peakMemoryBytes / 2 ** 20).toFixed(1)} MiB` : ''),
  );
  if (run.exitCode !== 0) return { ...run, gpus };

  const missing: string[] = [];
  for (const f of o.outputs) if (!(await exists(resolve(o.cwd, f)))) missing.push(f);
  if (missing.length > 0) throw new MlopsError(`the training command succeeded but did not write ${missing.join(', ')}`, { exitCode: 1 });

  const modelPath = resolve(o.cwd, modelOut[0]);
  const runner = await loadModel(modelPath).catch((err) => {
    throw new MlopsError(`${modelOut[0]} is not a loadable ONNX model: ${errorMessage(err)}`, { exitCode: 1 });
  });
  const info = runner.info;
  await runner.close();
  const metrics = metricsOut ? await readMetrics(resolve(o.cwd, metricsOut), metricsOut) : {};

  const outDir = resolve(o.cwd, o.outDir ?? dirname(modelOut[0]));
  await mkdir(outDir, { recursive: true });
  for (const f of o.outputs) {
    const from = resolve(o.cwd, f);
    const to = join(outDir, basename(f));
    if (from !== to) await copyFile(from, to);
  }
  const modelFile = join(outDir, basename(modelPath));
  const modelBytes = await readFile(modelFile);
  // After the command: it may be what fetches or writes its data.
  const fingerprint = dataFiles.length > 0 ? await fingerprintFiles(dataFiles) : { fingerprint: 'none', files: [] };
  const located = await locateFiles(
    dataFiles,
    fingerprint.files.map((f) => f.sha256),
    { cwd: o.cwd, exec: o.exec, env: o.env, uris: o.dataUris },
  );
  const data = dataFiles.length > 0 ? { ...fingerprint, profile: relativeSources(await profileFiles(dataFiles, { now: o.now }), o.cwd) } : fingerprint;
  const ort = await import('onnxruntime-node');
  const lineage = buildLineage({
    modelFile: relative(outDir, modelFile),
    modelBytes,
    framework: info.framework ?? (describeOnnx(modelBytes, modelFile).producer || 'unknown'),
    task: info.task,
    target: info.target || undefined,
    params: { trainer: 'command', command: o.command, outputs: o.outputs },
    metrics,
    data: {
      ...data,
      files: data.files.map((f, i) => ({ ...f, path: relative(o.cwd, f.path), location: located.locations[i] })),
      rows: 'profile' in data ? data.profile.rows : 0,
    },
    source: { ...(await sourceInfo(o.env, o.exec, o.cwd)), ...(located.directory !== undefined ? { directory: located.directory } : {}) },
    environment: environmentInfo(o.env, gpus, { 'mlops-actions': o.producerVersion, 'onnxruntime-node': ort.env.versions.node ?? 'unknown' }),
    run: { command: o.command, exit_code: run.exitCode, peak_memory_bytes: run.peakMemoryBytes },
    seed: o.seed,
    startedAt,
    durationS: run.durationS,
  });
  const lineageFile = join(outDir, 'lineage.json');
  await writeJson(lineageFile, lineage);
  return { ...run, gpus, modelFile, metrics, lineage, lineageFile };
}

/**
 * Runs `sh -c command` and measures it. On Linux with GNU time the peak resident memory
 * comes from its rusage report (the largest process in the tree); elsewhere it is polled
 * from /proc when there is one, and left out otherwise.
 */
export async function runMeasured(command: string, cwd: string, env: NodeJS.ProcessEnv, stdout: Writable, stderr: Writable): Promise<CommandRun> {
  const gnuTime = platform() === 'linux' && (await exists('/usr/bin/time'));
  const scratch = gnuTime ? await mkdtemp(join(tmpdir(), 'mlops-time-')) : undefined;
  const timeFile = scratch ? join(scratch, 'rusage') : undefined;
  const [file, args] = timeFile ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, 'sh', '-c', command]] : ['sh', ['-c', command]];
  const t0 = performance.now();
  const child = spawn(file, args as string[], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(stdout, { end: false });
  child.stderr.pipe(stderr, { end: false });
  let polledPeak: number | undefined;
  const poll = timeFile
    ? undefined
    : setInterval(() => void peakFromProc(child.pid).then((kb) => (polledPeak = Math.max(polledPeak ?? 0, kb ?? 0) || undefined)), 100);
  const exitCode = await new Promise<number>((done, fail) => {
    child.on('error', (err) => fail(new MlopsError(`cannot run the training command: ${errorMessage(err)}`)));
    child.on('close', (code, signal) => done(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
  if (poll) clearInterval(poll);
  const durationS = (performance.now() - t0) / 1000;
  let peakKb = polledPeak;
  if (timeFile) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    // GNU time prefixes "Command exited with non-zero status N" on failure; the figure is last.
    const last = text.trim().split('\n').at(-1) ?? '';
    if (/^\d+$/.test(last)) peakKb = Number(last);
    await rm(scratch!, { recursive: true, force: true });
  }
  return { exitCode, durationS, ...(peakKb !== undefined ? { peakMemoryBytes: peakKb * 1024 } : {}) };
}

async function peakFromProc(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) : undefined;
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}

/** Reads metrics JSON: a flat object of numbers, nested objects flattened with dots; our own mlops/metrics files use their `metrics`. */
async function readMetrics(path: string, name: string): Promise<Record<string, number>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new MlopsError(`${name} is not valid JSON: ${errorMessage(err)}`, { exitCode: 1 });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new MlopsError(`${name} must be a JSON object of metric names to numbers`, { exitCode: 1 });
  const obj = value as Record<string, unknown>;
  const source = obj.kind === 'mlops/metrics' && typeof obj.metrics === 'object' ? (obj.metrics as Record<string, unknown>) : obj;
  const out: Record<string, number> = {};
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'number' && Number.isFinite(v)) out[prefix + k] = v;
      else if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, `${prefix}${k}.`);
    }
  };
  walk(source, '');
  return out;
}

function relativeSources(profile: Profile, cwd: string): Profile {
  return { ...profile, sources: profile.sources.map((s) => ({ ...s, file: relative(cwd, s.file) })) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
