import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineageSchema } from '../../src/model/lineage.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import { ReproduceReportSchema } from '../../src/reproduce/report.ts';
import { cli, tempDir } from '../helpers.ts';
import { env, exampleCsv, git, project } from './helpers.ts';

const TRAIN_YML =
  'schema_version: 1\ntarget: churned\ntask: classification\ntraining: {epochs: 3, batch_size: 128, learning_rate: 0.05, seed: 11}\nfeatures: {exclude: [customer_id, signup_date]}\n';
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

async function trainAndRegister(dir: string, remote: string) {
  const train = await cli(['train', '--data', 'data/train.csv', '--config', 'train.yml', '--out', 'model'], {
    cwd: dir,
    env: env({ MLOPS_TF_BACKEND: 'cpu' }),
  });
  assert.equal(train.code, 0, train.stderr);
  const reg = await cli(['registry', 'register', 'churn', '--model', 'model/model.onnx', '--lineage', 'model/lineage.json', '--remote', remote], {
    cwd: dir,
    env: env(),
  });
  assert.equal(reg.code, 0, reg.stderr);
  return LineageSchema.parse(JSON.parse(readFileSync(join(dir, 'model/lineage.json'), 'utf8')));
}

test('built-in trainer, CPU: the model is deleted, reproduce rebuilds it from the commit with identical weights and metrics', async () => {
  const csv = exampleCsv(600);
  const { dir, remote } = project({ 'data/train.csv': csv, 'train.yml': TRAIN_YML, '.gitignore': 'model/\nout/\n' });
  const lineage = await trainAndRegister(dir, remote);
  assert.deepEqual(lineage.data.files, [
    {
      path: 'data/train.csv',
      sha256: sha256(csv),
      bytes: csv.length,
      location: { kind: 'git', path: 'data/train.csv', commit: git(dir, 'rev-parse', 'HEAD') },
    },
  ]);
  assert.equal(lineage.source.directory, '');
  rmSync(join(dir, 'model'), { recursive: true });
  // The user's checkout moves on (a new commit, an uncommitted edit): the reproduction uses the recorded commit.
  writeFileSync(join(dir, 'train.yml'), TRAIN_YML.replace('seed: 11', 'seed: 12'));
  git(dir, 'commit', '--quiet', '-am', 'another seed');
  writeFileSync(join(dir, 'data/train.csv'), csv.replace('C000001,59', 'C000001,60'));
  const statusBefore = git(dir, 'status', '--porcelain');

  const r = await cli(['reproduce', 'churn@v1', '--remote', remote, '--out', 'out'], { cwd: dir, env: env({ MLOPS_TF_BACKEND: 'wasm' }) });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\*\*Reproduced\*\*: weights identical, metrics identical\.$/m);
  assert.match(r.stderr, /churn v1: reproduced: weights identical, metrics identical/);
  assert.match(r.stderr, /^backend: cpu /m, 'the recorded backend, not MLOPS_TF_BACKEND of the shell');
  const report = ReproduceReportSchema.parse(JSON.parse(readFileSync(join(dir, 'out/reproduce.json'), 'utf8')));
  assert.equal(report.mode, 'exact');
  assert.equal(report.trainer, 'builtin');
  assert.equal(report.data[0].via, 'the recorded commit');
  assert.equal(report.data[0].sha256_actual, sha256(csv));
  // Logistic regression: weights and bias, plus the preprocessing constants (means, scales, categories).
  assert.ok(report.weights!.initializers >= 2, `${report.weights!.initializers} initializers`);
  assert.deepEqual(
    report.metrics.map((m) => m.name),
    Object.keys(lineage.metrics).sort(),
  );
  assert.ok(report.metrics.every((m) => m.abs_diff === 0 && m.recorded === lineage.metrics[m.name]));
  const rebuilt = readFileSync(join(dir, 'out/reproduced/model.onnx'));
  assert.equal(sha256(rebuilt), lineage.model.sha256, 'same mlops version, so even the file is byte-identical');
  assert.ok(existsSync(join(dir, 'out/reproduce.md')));

  // Nothing of the reproduction is left in the user's repository.
  assert.equal(git(dir, 'status', '--porcelain'), statusBefore);
  assert.equal(
    git(dir, 'worktree', 'list', '--porcelain')
      .split('\n')
      .filter((l) => l.startsWith('worktree ')).length,
    1,
  );
});

test('one byte changed in the training data: reproduce exits 1 naming the file and both hashes, without training', async () => {
  const csv = exampleCsv(300);
  // The data is not committed: it is recorded as local and read from this checkout.
  const { dir, remote } = project({ 'train.yml': TRAIN_YML, '.gitignore': 'data/\nmodel/\n' });
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data/train.csv'), csv);
  const lineage = await trainAndRegister(dir, remote);
  assert.deepEqual(lineage.data.files[0].location, { kind: 'local' });
  const changed = csv.replace('C000002,', 'C000003,');
  assert.equal(changed.length, csv.length);
  writeFileSync(join(dir, 'data/train.csv'), changed);

  const r = await cli(['reproduce', 'churn@v1', '--remote', remote, '--format', 'json'], { cwd: dir, env: env() });
  assert.equal(r.code, 1, r.stderr);
  const report = ReproduceReportSchema.parse(JSON.parse(r.stdout));
  assert.equal(report.reproduced, false);
  assert.equal(report.summary, `data differs: data/train.csv: sha256 ${sha256(changed)}, the lineage records ${sha256(csv)}`);
  assert.equal(report.weights, undefined);
  assert.deepEqual(report.metrics, []);
  assert.doesNotMatch(r.stderr, /^epoch /m, 'nothing is trained on the wrong data');
  assert.match(r.stderr, new RegExp(`data/train\\.csv: sha256 ${sha256(changed)}, the lineage records ${sha256(csv)}`));
});

/** A regression ONNX model y = w·x + 1, standing in for what any framework exports. */
function modelBytes(w: number): Uint8Array {
  const model: TabularModel = {
    info: { task: 'regression', target: 'y', features: [{ name: 'x', type: 'number' }], framework: 'user-framework 1.0' },
    preprocessing: { numeric: [{ name: 'x', type: 'number', mean: 0, std: 1 }], categorical: [] },
    layers: [{ inputs: 1, units: 1, weights: Float32Array.from([w]), bias: Float32Array.from([1]), activation: 'linear' }],
  };
  return exportOnnx(model, { producerVersion: 'test' });
}

/**
 * A "user training script" whose metric depends on the data and carries run-to-run noise below
 * 1e-9 (as GPU reductions do): it writes model.onnx and metrics.json.
 */
const TRAIN_SCRIPT = `import { readFileSync, copyFileSync, writeFileSync } from 'node:fs';
const rows = readFileSync('data/train.csv', 'utf8').trim().split('\\n').slice(1);
const tenure = rows.map((r) => Number(r.split(',')[2]));
const mean = tenure.reduce((a, b) => a + b, 0) / tenure.length;
const extra = readFileSync('data/extra.csv', 'utf8').length;
copyFileSync('prebuilt.onnx', 'model.onnx');
writeFileSync('metrics.json', JSON.stringify({ mean_tenure: mean + Math.random() * 1e-9, extra_bytes: extra }));
`;

/** A stand-in for `aws s3 cp`: s3://bucket/KEY is BUCKET_DIR/KEY. */
const FETCH_SCRIPT = `import { copyFileSync } from 'node:fs';
const [uri, dest] = process.argv.slice(2);
if (!uri.startsWith('s3://bucket/')) { console.error('unknown bucket in ' + uri); process.exit(4); }
copyFileSync(process.env.BUCKET_DIR + '/' + uri.slice('s3://bucket/'.length).split('?')[0], dest);
`;

test('command trainer: data from a URL (fetch command) and a Git LFS pointer, reproduced within the tolerance', async () => {
  const csv = exampleCsv(200);
  const extra = 'a,b\n1,2\n3,4\n';
  const oid = sha256(extra);
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${extra.length}\n`;
  const bucket = tempDir('mlops-bucket-');
  writeFileSync(join(bucket, 'train.csv'), csv);
  const { dir, remote } = project({
    'train.mjs': TRAIN_SCRIPT,
    'fetch.mjs': FETCH_SCRIPT,
    'prebuilt.onnx': Buffer.from(modelBytes(2)),
    'data/extra.csv': pointer,
    '.gitignore': 'data/train.csv\nmodel.onnx\nmetrics.json\nmodel/\n',
  });
  // The working copy holds the LFS object, as after a smudge; git-lfs keeps it in .git/lfs/objects.
  writeFileSync(join(dir, 'data/extra.csv'), extra);
  mkdirSync(join(dir, '.git/lfs/objects', oid.slice(0, 2), oid.slice(2, 4)), { recursive: true });
  writeFileSync(join(dir, '.git/lfs/objects', oid.slice(0, 2), oid.slice(2, 4), oid), extra);
  writeFileSync(join(dir, 'data/train.csv'), csv);

  const secretUri = 's3://AKIAEXAMPLE:hunter2@bucket/train.csv?versionId=7&X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA%2F1';
  const train = await cli(
    [
      'train',
      '--command',
      'node train.mjs',
      '--outputs',
      'model.onnx,metrics.json',
      '--data',
      'data/train.csv',
      '--data',
      'data/extra.csv',
      '--data-uri',
      `data/train.csv=${secretUri}`,
      '--out',
      'model',
    ],
    { cwd: dir, env: env() },
  );
  assert.equal(train.code, 0, train.stderr);
  const text = readFileSync(join(dir, 'model/lineage.json'), 'utf8');
  assert.doesNotMatch(text, /hunter2|AKIAEXAMPLE|deadbeef|X-Amz/, 'no credential reaches the lineage');
  const lineage = LineageSchema.parse(JSON.parse(text));
  assert.deepEqual(
    lineage.data.files.map((f) => f.location),
    [
      { kind: 'url', uri: 's3://bucket/train.csv?versionId=7' },
      { kind: 'git', path: 'data/extra.csv', commit: git(dir, 'rev-parse', 'HEAD'), lfs: { oid: `sha256:${oid}`, size: extra.length } },
    ],
  );
  const reg = await cli(['registry', 'register', 'churn', '--model', 'model/model.onnx', '--lineage', 'model/lineage.json', '--remote', remote], {
    cwd: dir,
    env: env(),
  });
  assert.equal(reg.code, 0, reg.stderr);
  rmSync(join(dir, 'data/train.csv'));

  const none = await cli(['reproduce', 'churn@v1', '--remote', remote], { cwd: dir, env: env() });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /data\/train\.csv is at s3:\/\/bucket\/train\.csv\?versionId=7: pass --fetch-command/);

  const fetch = ['--fetch-command', 'node fetch.mjs {uri} {dest}'];
  const r = await cli(['reproduce', 'churn@v1', '--remote', remote, ...fetch, '--format', 'json'], { cwd: dir, env: env({ BUCKET_DIR: bucket }) });
  assert.equal(r.code, 0, r.stderr);
  const report = ReproduceReportSchema.parse(JSON.parse(r.stdout));
  assert.equal(report.mode, 'tolerance');
  assert.equal(report.tolerance, 1e-6);
  assert.deepEqual(
    report.data.map((d) => [d.path, d.via, d.matched]),
    [
      ['data/train.csv', '--fetch-command from s3://bucket/train.csv?versionId=7', true],
      ['data/extra.csv', 'the local Git LFS cache', true],
    ],
  );
  const mean = report.metrics.find((m) => m.name === 'mean_tenure')!;
  assert.ok(mean.matched && mean.abs_diff! < 1e-8 && mean.abs_diff! > 0, `|Δ| ${mean.abs_diff}`);
  assert.deepEqual(
    report.metrics.find((m) => m.name === 'extra_bytes'),
    { name: 'extra_bytes', recorded: extra.length, reproduced: extra.length, abs_diff: 0, matched: true },
  );
  assert.match(report.summary, /^weights identical, metrics within 0\.000001$/);

  // A tolerance of zero: the run-to-run noise is a difference, and it says by how much.
  const strict = await cli(['reproduce', 'churn@v1', '--remote', remote, ...fetch, '--tolerance', '0'], { cwd: dir, env: env({ BUCKET_DIR: bucket }) });
  assert.equal(strict.code, 1, strict.stderr);
  assert.match(strict.stdout, /\*\*Not reproduced\*\*: weights identical, metrics differ: mean_tenure [\d.]+ → [\d.]+ \(\|Δ\| \d\.\d\de-\d+\)/);
});

test('reproduce: usage errors and versions that cannot be reproduced exit 2 with one line', async () => {
  const { dir, remote } = project({ 'model.onnx': Buffer.from(modelBytes(1)) });
  const reg = await cli(['registry', 'register', 'bare', '--model', 'model.onnx', '--remote', remote], { cwd: dir, env: env() });
  assert.equal(reg.code, 0, reg.stderr);
  const cases: [string[], RegExp][] = [
    [['reproduce'], /usage: mlops reproduce NAME@vN/],
    [['reproduce', 'bare'], /name a version \(bare@v1\) or a stage/],
    [['reproduce', 'bare@v1', '--tolerance', 'x'], /--tolerance must be a non-negative number/],
    [['reproduce', 'bare@v1', '--fetch-command', 'curl {uri}'], /--fetch-command must be a command line that writes \{dest\}/],
    [['reproduce', 'bare@v1', '--fetch-command', "cp '{uri} {dest}"], /unclosed ' quote/],
    [['reproduce', 'bare@v1', '--remote', remote], /bare v1 was registered without a lineage/],
    [['reproduce', 'bare@v2', '--remote', remote], /bare v2 does not exist/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args, { cwd: dir, env: env() });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const help = await cli(['reproduce', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--fetch-command CMD/);
});
