import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateFiles, locationFromUri, parseDataUriFlags, parseDataUriInput, parseLfsPointer, stripCredentials } from '../../src/model/data-location.ts';
import { flattenConfig, parseProjectConfig } from '../../src/project/config.ts';
import { execProgram } from '../../src/model/lineage-record.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import { compareInitializers, compareMetrics } from '../../src/reproduce/compare.ts';
import { fetchArgv, splitCommand } from '../../src/reproduce/process.ts';
import { cli } from '../helpers.ts';
import { env, exampleCsv, git, project } from './helpers.ts';

test('credentials never survive into a recorded URI: userinfo and signature/token parameters are dropped', () => {
  const cases: [string, string][] = [
    ['s3://KEY:SECRET@bucket/data/train.csv', 's3://bucket/data/train.csv'],
    [
      'https://bucket.s3.amazonaws.com/train.csv?versionId=3&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101&X-Amz-Security-Token=tok&X-Amz-Signature=abc123',
      'https://bucket.s3.amazonaws.com/train.csv?versionId=3&X-Amz-Algorithm=AWS4-HMAC-SHA256',
    ],
    [
      'https://storage.googleapis.com/b/train.csv?X-Goog-Signature=ff&X-Goog-Credential=sa%40p&generation=5',
      'https://storage.googleapis.com/b/train.csv?generation=5',
    ],
    [
      'https://acct.blob.core.windows.net/c/train.csv?sv=2022-11-02&se=2026-12-31&sp=r&sig=SECRET%3D',
      'https://acct.blob.core.windows.net/c/train.csv?sv=2022-11-02&se=2026-12-31&sp=r',
    ],
    ['https://user:pw@example.com/train.csv?token=t&Access_Token=u&api_key=k&page=2', 'https://example.com/train.csv?page=2'],
    ['gs://bucket/train.parquet', 'gs://bucket/train.parquet'],
  ];
  for (const [given, kept] of cases) assert.equal(stripCredentials(given), kept, given);
  assert.throws(() => stripCredentials('not a uri with secret'), /is not a URI/);
  // An unparsable URI is never echoed whole: it may hold the secret.
  assert.throws(() => parseDataUriFlags(['data/train.csv']), /--data-uri must be PATH=URI/);
  assert.throws(
    () => locationFromUri('ftp://u:p@host/x', {}),
    (err: Error) => /use s3:\/\//.test(err.message) && !err.message.includes('u:p'),
  );
});

test('URIs become location kinds: URL, release asset, Actions artifact (run from the environment by default)', () => {
  const env = { GITHUB_RUN_ID: '4242', GITHUB_REPOSITORY: 'acme/churn' };
  assert.deepEqual(locationFromUri('s3://bucket/train.csv', env), { kind: 'url', uri: 's3://bucket/train.csv' });
  assert.deepEqual(locationFromUri('https://github.com/acme/churn/releases/download/data-v2/train%20set.csv', env), {
    kind: 'release',
    uri: 'https://github.com/acme/churn/releases/download/data-v2/train%20set.csv',
    repository: 'acme/churn',
    tag: 'data-v2',
    asset: 'train set.csv',
  });
  assert.deepEqual(locationFromUri('artifact:training-data', env), { kind: 'artifact', name: 'training-data', run_id: '4242', repository: 'acme/churn' });
  assert.deepEqual(locationFromUri('artifact:training-data@17', {}), { kind: 'artifact', name: 'training-data', run_id: '17' });
  assert.deepEqual(parseDataUriFlags(['data/a.csv=s3://b/a.csv?versionId=1', 'b.csv=gs://b/b.csv']), {
    'data/a.csv': 's3://b/a.csv?versionId=1',
    'b.csv': 'gs://b/b.csv',
  });
});

test('a hand-made Git LFS pointer: parsed, and a file whose sha256 is its oid is located as an LFS git path', async () => {
  const content = 'x,y\n1,2\n';
  const oid = createHash('sha256').update(content).digest('hex');
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${content.length}\n`;
  assert.deepEqual(parseLfsPointer(pointer), { oid: `sha256:${oid}`, size: content.length });
  assert.equal(parseLfsPointer('x,y\n1,2\n'), null);
  assert.equal(parseLfsPointer(`version https://git-lfs.github.com/spec/v1\nsize 3\n`), null);

  const { dir } = project({ 'data/big.csv': pointer, 'data/plain.csv': 'a\n1\n', 'data/changed.csv': 'a\n1\n', 'data/other.csv': pointer });
  writeFileSync(join(dir, 'data/big.csv'), content);
  writeFileSync(join(dir, 'data/changed.csv'), 'a\n2\n');
  writeFileSync(join(dir, 'data/other.csv'), 'not the object\n');
  writeFileSync(join(dir, 'data/new.csv'), 'a\n3\n');
  const files = ['big', 'plain', 'changed', 'other', 'new'].map((n) => join(dir, 'data', `${n}.csv`));
  const hashes = files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
  const commit = git(dir, 'rev-parse', 'HEAD');
  const located = await locateFiles(files, hashes, { cwd: join(dir, 'data'), exec: execProgram, env: {}, uris: { 'new.csv': 'gs://b/new.csv' } });
  assert.equal(located.directory, 'data');
  assert.deepEqual(located.locations, [
    { kind: 'git', path: 'data/big.csv', commit, lfs: { oid: `sha256:${oid}`, size: content.length } },
    { kind: 'git', path: 'data/plain.csv', commit },
    { kind: 'local' },
    { kind: 'local' },
    { kind: 'url', uri: 'gs://b/new.csv' },
  ]);
  await assert.rejects(
    locateFiles(files, hashes, { cwd: dir, exec: execProgram, env: {}, uris: { 'data/typo.csv': 's3://b/x' } }),
    /--data-uri names data\/typo\.csv, which is not one of the training files/,
  );
});

test('--fetch-command is split like a shell would, without expanding anything, and {uri}/{dest} are substituted per word', () => {
  assert.deepEqual(splitCommand(`aws s3 cp {uri} {dest} --profile "data team" --region 'eu-west-1'`), [
    'aws',
    's3',
    'cp',
    '{uri}',
    '{dest}',
    '--profile',
    'data team',
    '--region',
    'eu-west-1',
  ]);
  assert.deepEqual(splitCommand(`curl -fsSLo {dest} "{uri}" a\\ b ''`), ['curl', '-fsSLo', '{dest}', '{uri}', 'a b', '']);
  assert.deepEqual(fetchArgv(['cp', '{uri}', 'to={dest}'], 's3://b/x;rm -rf $(pwd)', '/tmp/d'), ['cp', 's3://b/x;rm -rf $(pwd)', 'to=/tmp/d']);
});

function model(w: number): Uint8Array {
  const m: TabularModel = {
    info: { task: 'regression', target: 'y', features: [{ name: 'x', type: 'number' }] },
    preprocessing: { numeric: [{ name: 'x', type: 'number', mean: 0, std: 1 }], categorical: [] },
    layers: [{ inputs: 1, units: 1, weights: Float32Array.from([w]), bias: Float32Array.from([1]), activation: 'linear' }],
  };
  return exportOnnx(m, { producerVersion: String(w) });
}

test('weights: byte-equal initializers are identical whatever the producer; a changed weight is named with its |Δ|', () => {
  const same = compareInitializers(model(2), model(2));
  assert.equal(same.identical, true);
  const differ = compareInitializers(model(2), model(2.5));
  assert.equal(differ.identical, false);
  assert.equal(differ.differing.length, 1);
  assert.equal(differ.differing[0].max_abs_diff, 0.5);
  assert.deepEqual([differ.missing, differ.extra], [[], []]);
  assert.equal(differ.initializers, same.initializers);
});

test('metrics: exact mode needs equality, tolerance mode |Δ| ≤ tolerance; a metric only one side has never matches', () => {
  const m = compareMetrics({ a: 0.5, b: 1, gone: 3 }, { a: 0.5 + 1e-9, b: 1, new: 2 }, null);
  assert.deepEqual(
    m.map((x) => [x.name, x.matched]),
    [
      ['a', false],
      ['b', true],
      ['gone', false],
      ['new', false],
    ],
  );
  assert.ok(Math.abs(m[0].abs_diff! - 1e-9) < 1e-15);
  assert.deepEqual(
    compareMetrics({ a: 0.5 }, { a: 0.5 + 1e-9 }, 1e-6).map((x) => x.matched),
    [true],
  );
  assert.deepEqual(
    compareMetrics({ a: 0.5 }, { a: 0.5 + 1e-5 }, 1e-6).map((x) => x.matched),
    [false],
  );
});

test("the train action's data-uri input: PATH=URI lines or the JSON object the config action gives for data.locations", () => {
  assert.deepEqual(parseDataUriInput(''), {});
  assert.deepEqual(parseDataUriInput(' data/a.csv=s3://b/a.csv\n\n  data/b.csv=gs://b/b.csv?generation=2 \n'), {
    'data/a.csv': 's3://b/a.csv',
    'data/b.csv': 'gs://b/b.csv?generation=2',
  });
  assert.deepEqual(parseDataUriInput('{"data/a.csv":"s3://b/a.csv"}'), { 'data/a.csv': 's3://b/a.csv' });
  assert.throws(() => parseDataUriInput('{"data/a.csv": 3}'), /every value of the JSON object must be a URI string/);
  assert.throws(() => parseDataUriInput('{nope'), /not valid JSON/);
});

test('mlops.yml data.locations: optional; flattened for workflows into one JSON output that data-uri reads back', () => {
  const base = 'version: 1\nmodel: {name: churn, task: classification, target: churned}\ndata:\n  train: data/train.csv\n  holdout: data/holdout.csv\n';
  assert.equal(flattenConfig(parseProjectConfig(base, 'mlops.yml')).data_locations, '');
  const config = parseProjectConfig(base + '  locations:\n    data/train.csv: s3://acme/train.csv?versionId=3\n', 'mlops.yml');
  const flat = flattenConfig(config);
  assert.equal(flat.data_locations, '{"data/train.csv":"s3://acme/train.csv?versionId=3"}');
  assert.equal(Object.keys(flat).filter((k) => k.startsWith('data_locations')).length, 1);
  assert.deepEqual(parseDataUriInput(flat.data_locations), { 'data/train.csv': 's3://acme/train.csv?versionId=3' });
});

test('mlops train takes locations from mlops.yml data.locations; --data-uri overrides them', async () => {
  const mlopsYml =
    'version: 1\nmodel: {name: churn, task: classification, target: churned}\ndata:\n  train: data/train.csv\n  holdout: data/train.csv\n  locations:\n    data/train.csv: gs://acme/train.csv\n';
  const { dir } = project({ 'mlops.yml': mlopsYml, 'data/train.csv': exampleCsv(100) }, { commit: false });
  const train = (extra: string[]) =>
    cli(['train', '--data', 'data/train.csv', '--target', 'churned', '--out', 'model', ...extra], { cwd: dir, env: env({ MLOPS_TF_BACKEND: 'cpu' }) });
  const location = () => JSON.parse(readFileSync(join(dir, 'model/lineage.json'), 'utf8')).data.files[0].location;
  assert.equal((await train([])).code, 0);
  assert.deepEqual(location(), { kind: 'url', uri: 'gs://acme/train.csv' });
  assert.equal((await train(['--data-uri', 'data/train.csv=https://github.com/acme/churn/releases/download/d1/train.csv'])).code, 0);
  assert.deepEqual(location(), {
    kind: 'release',
    uri: 'https://github.com/acme/churn/releases/download/d1/train.csv',
    repository: 'acme/churn',
    tag: 'd1',
    asset: 'train.csv',
  });
  const typo = await train(['--data-uri', 'data/tran.csv=s3://b/x']);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /--data-uri names data\/tran\.csv, which is not one of the training files \(data\/train\.csv\)/);
  assert.doesNotMatch(typo.stderr, /^epoch /m, 'refused before training');
});
