// Models exported by other frameworks' own tools (test/fixtures/frameworks/make.py: PyTorch's
// torch.onnx.export, scikit-learn in skl2onnx's layout), scored here against the outputs PyTorch
// and scikit-learn themselves give on the same rows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../src/model/runtime.ts';
import { cli, tempDir } from '../helpers.ts';
import { call } from '../serve/http.ts';
import { startServerProcess } from '../serve/process.ts';

const dir = 'test/fixtures/frameworks';
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const FEATURES: string[] = expected.features;
const lines = readFileSync(join(dir, 'score.csv'), 'utf8').trim().split('\n');
const columns = lines[0].split(',');
const rows = lines.slice(1).map((l) => l.split(','));
// float32 graphs against float32 PyTorch and float64 scikit-learn.
const TOLERANCE = 1e-6;
const GIT_ENV = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  PATH: process.env.PATH,
  HOME: process.env.HOME,
};

function assertClose(actual: number[][], want: number[][], what: string) {
  assert.equal(actual.length, want.length, what);
  actual.forEach((row, i) =>
    row.forEach((v, j) => assert.ok(Math.abs(v - want[i][j]) <= TOLERANCE, `${what} row ${i + 1} column ${j}: ${v} vs ${want[i][j]}`)),
  );
}

describe('matrix-input models fed from named columns', () => {
  test('torch.onnx.export MLP [N, 4] with a feature order given: probabilities equal PyTorch forward', async () => {
    const model = await loadModel(join(dir, 'torch-mlp.onnx'), { features: FEATURES });
    assert.deepEqual(model.info.matrix_input, { input: 'x', features: FEATURES, source: 'option' });
    assert.deepEqual(model.info.classes, ['0', '1']);
    // score.csv's columns are in another order than the model's, with an id among them.
    assert.notDeepEqual(columns, FEATURES);
    const out = await model.predict(columns, rows);
    assertClose(out.probabilities!, expected.torch_mlp.probabilities, 'torch MLP');
    await model.close();
  });

  test('a regressor with mlops.features in its metadata_props needs no order from the caller', async () => {
    const model = await loadModel(join(dir, 'torch-regressor.onnx'));
    assert.equal(model.info.task, 'regression');
    assert.equal(model.info.matrix_input?.source, 'metadata');
    const out = await model.predict(columns, rows);
    out.predictions.forEach((v, i) => assert.ok(Math.abs(Number(v) - expected.torch_regressor.prediction[i]) <= 1e-4, `row ${i + 1}`));
    await model.close();
  });

  test('no feature order: one line saying where to give it; a wrong width names both counts', async () => {
    await assert.rejects(
      loadModel(join(dir, 'torch-mlp.onnx')),
      /input "x" is one float\[N,4\] matrix, so its columns need names in order: give them with features, in a features: entry of .*torch-mlp\.mlops\.yml/,
    );
    const viaCli = await cli(['predict', '--model', join(dir, 'torch-mlp.onnx'), '--data', join(dir, 'score.csv'), '--out', join(tempDir(), 'o.csv')]);
    assert.equal(viaCli.code, 2);
    assert.match(viaCli.stderr, /give them with --features, in a features: entry of/);
    const given = await cli([
      'predict',
      '--model',
      join(dir, 'torch-mlp.onnx'),
      '--features',
      FEATURES.join(','),
      '--data',
      join(dir, 'score.csv'),
      '--out',
      join(tempDir(), 'o.csv'),
    ]);
    assert.equal(given.code, 0, given.stderr);
    await assert.rejects(loadModel(join(dir, 'torch-mlp.onnx'), { features: ['age', 'age', 'tenure', 'visits'] }), /feature "age" is named twice/);
    await assert.rejects(
      loadModel(join(dir, 'torch-mlp.onnx'), { features: ['age', 'income'] }),
      /input "x" takes 4 columns \(float\[N,4\]\) but the feature list given names 2 \(age, income\)/,
    );
    const model = await loadModel(join(dir, 'torch-mlp.onnx'), { features: FEATURES });
    await assert.rejects(
      model.predict(['age', 'income', 'tenure'], [['1', '2', '3']]),
      /missing required feature "visits" \(column 4 of model input x float\[N,4\]\)/,
    );
    await model.close();
  });

  test('a sidecar that is not a feature list is refused naming the file', async () => {
    const d = tempDir();
    copyFileSync(join(dir, 'torch-mlp.onnx'), join(d, 'm.onnx'));
    writeFileSync(join(d, 'm.mlops.yml'), 'features: age\n');
    await assert.rejects(loadModel(join(d, 'm.onnx')), (err: Error) => err.message.startsWith(join(d, 'm.mlops.yml')) && /features/.test(err.message));
  });
});

describe("skl2onnx's ZipMap classifier output", () => {
  test('probabilities come from the tensor the ZipMap was made from, classes from its labels, the label output as the prediction', async () => {
    const model = await loadModel(join(dir, 'sklearn-logreg.onnx'));
    assert.equal(model.info.matrix_input?.source, 'sidecar');
    assert.deepEqual(model.info.classes, ['0', '1']);
    const out = await model.predict(columns, rows);
    assertClose(out.probabilities!, expected.sklearn_logreg.probabilities, 'scikit-learn predict_proba');
    assert.deepEqual(out.predictions, expected.sklearn_logreg.label.map(String), 'scikit-learn predict');
    await model.close();
  });

  test('the model file is read, never rewritten', async () => {
    const before = readFileSync(join(dir, 'sklearn-logreg.onnx'));
    await (await loadModel(join(dir, 'sklearn-logreg.onnx'))).close();
    assert.deepEqual(readFileSync(join(dir, 'sklearn-logreg.onnx')), before);
  });
});

describe('registered with --features, then served and batch-scored by column name', () => {
  test('register checks and stores the order; predict and serve from the registry match PyTorch', { timeout: 90_000 }, async () => {
    const remote = join(tempDir(), 'remote.git');
    execFileSync('git', ['init', '--bare', '--quiet', remote]);
    const env = { ...GIT_ENV, MLOPS_REGISTRY_REMOTE: remote };
    const model = join(dir, 'torch-mlp.onnx');
    const wrong = await cli(['registry', 'register', 'torch', '--model', model, '--features', 'age,income', '--remote', remote], { env });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /takes 4 columns .* names 2/);
    const reg = await cli(
      [
        'registry',
        'register',
        'torch',
        '--model',
        model,
        '--features',
        FEATURES.join(','),
        '--stage',
        'production',
        '--remote',
        remote,
        '--framework',
        'pytorch',
      ],
      { env },
    );
    assert.equal(reg.code, 0, reg.stderr);
    const shown = await cli(['registry', 'show', 'torch@v1', '--format', 'json', '--remote', remote], { env });
    assert.deepEqual(JSON.parse(shown.stdout).metadata.model.features, FEATURES);

    const out = join(tempDir(), 'scored.csv');
    const scored = await cli(['predict', '--model', 'registry:torch#production', '--data', join(dir, 'score.csv'), '--out', out], { env });
    assert.equal(scored.code, 0, scored.stderr);
    const [head, ...body] = readFileSync(out, 'utf8').trim().split('\n');
    const cols = head.split(',');
    const probs = body.map((l) => {
      const cells = l.split(',');
      return [Number(cells[cols.indexOf('prob_0')]), Number(cells[cols.indexOf('prob_1')])];
    });
    assertClose(probs, expected.torch_mlp.probabilities, 'mlops predict');

    const server = await startServerProcess(['--import', 'tsx', 'src/cli/main.ts', 'serve', '--model', 'registry:torch#production', '--port', '0'], {
      env: { ...env, NODE_OPTIONS: '' },
    });
    try {
      const meta = (await call(`${server.url}/metadata`)).json;
      assert.deepEqual(meta.input_mapping, { input: 'x', features: FEATURES, source: 'sidecar' });
      const instances = rows.slice(0, 5).map((r) => Object.fromEntries(FEATURES.map((f) => [f, Number(r[columns.indexOf(f)])])));
      const reply = await call(`${server.url}/predict`, { body: JSON.stringify({ instances }) });
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.json.classes, ['0', '1']);
      assertClose(reply.json.probabilities, expected.torch_mlp.probabilities.slice(0, 5), 'POST /predict');
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});
