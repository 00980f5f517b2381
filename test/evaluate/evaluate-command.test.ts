import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createEvaluateCommand } from '../../src/cli/commands/evaluate.ts';
import type { ModelRunner } from '../../src/model/types.ts';
import { MlopsError } from '../../src/util/errors.ts';
import { tempDir } from '../helpers.ts';
import { goodChurn, weakChurn } from './runners.ts';

const HOLDOUT = new URL('../../templates/example/data/holdout.csv', import.meta.url).pathname;

/** Model files named good.onnx / weak.onnx load as the formula runners. */
const loader = async (file: string): Promise<ModelRunner> => {
  if (file.endsWith('good.onnx')) return goodChurn;
  if (file.endsWith('weak.onnx')) return weakChurn;
  throw new MlopsError(`${file}: cannot read model`);
};

async function run(args: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (d) => out.push(d));
  stderr.on('data', (d) => err.push(d));
  let code: number;
  try {
    code = await createEvaluateCommand(loader).run(args, { stdout, stderr, cwd, env: {}, now: () => new Date('2026-01-01T00:00:00Z') });
  } catch (e) {
    if (!(e instanceof MlopsError)) throw e;
    err.push(Buffer.from(e.message));
    code = e.exitCode;
  }
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

function workspace(gate: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'good.onnx'), new Uint8Array(1000));
  writeFileSync(join(dir, 'weak.onnx'), new Uint8Array(500));
  writeFileSync(join(dir, 'gate.yml'), gate);
  return dir;
}

const GATE = 'schema_version: 1\nrules: [accuracy >= 0.7, f1 >= champion - 0.01]\nbudgets: [size_mb <= 0.01]\n';

test('evaluate: a better candidate exits 0 with the Markdown report on stdout', async () => {
  const dir = workspace(GATE);
  const r = await run(
    ['--model', 'good.onnx', '--baseline', 'weak.onnx', '--data', HOLDOUT, '--target', 'churned', '--gate', 'gate.yml', '--slices', 'region'],
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^## ✅ Evaluation gate passed/);
  assert.match(r.stdout, /\| size_mb +\| +0\.001 \| +0\.0005 \|/, 'fixed notation, no exponent');
  assert.match(r.stderr, /gate passed: 3 rules pass on 1,000 rows/);
});

test('evaluate: a worse candidate exits 1 and names the failing rules; --format json --out writes the evaluation', async () => {
  const dir = workspace(GATE);
  const r = await run(
    [
      '--model',
      'weak.onnx',
      '--baseline',
      'good.onnx',
      '--data',
      HOLDOUT,
      '--target',
      'churned',
      '--gate',
      'gate.yml',
      '--format',
      'json',
      '--out',
      'out/eval.json',
    ],
    dir,
  );
  assert.equal(r.code, 1);
  assert.match(r.stderr, /gate failed: accuracy >= 0\.7 \(0\.601 < 0\.7\); f1 >= champion - 0\.01 \(0\.5116 < 0\.5537\); wrote out\/eval\.json/);
  const ev = JSON.parse(readFileSync(join(dir, 'out/eval.json'), 'utf8'));
  assert.equal(ev.schema_version, 1);
  assert.equal(ev.kind, 'evaluation');
  assert.equal(ev.verdict.verdict, 'fail');
  assert.equal(ev.candidate.model, 'weak.onnx');
  assert.equal(ev.champion.model, 'good.onnx');
  assert.deepEqual(ev.data, [HOLDOUT]);
  assert.equal(r.stdout, '');
});

test('evaluate: usage and input errors exit 2 with one line', async () => {
  const dir = workspace('schema_version: 1\nrules: ["accuracy >= high"]\n');
  const cases: [string[], RegExp][] = [
    [['--data', HOLDOUT, '--target', 'churned'], /--model is required/],
    [['--model', 'good.onnx', '--target', 'churned'], /--data is required/],
    [['--model', 'good.onnx', '--data', HOLDOUT], /--target is required/],
    [['--model', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--format', 'html'], /--format must be one of markdown, json/],
    [
      ['--model', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--gate', 'gate.yml'],
      /gate\.yml: rules\[0\]: rule "accuracy >= high": cannot read "high"/,
    ],
    [
      ['--model', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--baseline', 'registry:churn#production'],
      /registry:churn#production: the registry backend is not wired in yet|registry/,
    ],
    [['--model', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--latency-rows', '0'], /--latency-rows must be a positive integer/],
    [['--model', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const r = await run(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('the JSON evaluation reads back through its schema; a foreign document is refused by name', async () => {
  const { parseEvaluation } = await import('../../src/evaluate/schema.ts');
  const dir = workspace(GATE);
  // Training parameters come from the lineage.json beside a model file.
  writeFileSync(join(dir, 'lineage.json'), JSON.stringify({ params: { epochs: 3, hidden: [8] } }));
  await run(
    [
      '--model',
      'good.onnx',
      '--baseline',
      'weak.onnx',
      '--data',
      HOLDOUT,
      '--target',
      'churned',
      '--gate',
      'gate.yml',
      '--format',
      'json',
      '--out',
      'e.json',
      '--slices',
      'region',
    ],
    dir,
  );
  const text = readFileSync(join(dir, 'e.json'), 'utf8');
  const ev = parseEvaluation(text, 'e.json');
  assert.deepEqual(JSON.parse(JSON.stringify(ev)), JSON.parse(text));
  assert.deepEqual(ev.candidate.params, { epochs: 3, hidden: [8] });
  assert.equal(ev.candidate.curves?.roc.tpr.length, 21, 'curves survive the round trip');
  assert.throws(() => parseEvaluation('{"schema_version": 2}', 'x.json'), /x\.json: not an evaluation document: schema_version/);
});

test('evaluate: a gate written with auc is applied as roc_auc and warns on stderr', async () => {
  const dir = workspace('schema_version: 1\nrules: [auc >= 0.5]\n');
  const r = await run(['--model', 'good.onnx', '--data', HOLDOUT, '--target', 'churned', '--gate', 'gate.yml'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /mlops evaluate: warning: gate\.yml, rule "roc_auc >= 0\.5": metric "auc" is deprecated, write "roc_auc"/);
  assert.match(r.stdout, /roc_auc >= 0\.5/);
  assert.doesNotMatch(r.stdout, /\bauc >= /);
});
