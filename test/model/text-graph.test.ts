import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../../src/data/batch.ts';
import { MAX_TEXT_CHARS, lowerCase, tokenize, truncateText } from '../../src/data/tokenize.ts';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import { describeOnnx, loadModel } from '../../src/model/runtime.ts';
import { transformRows } from '../../src/model/preprocess.ts';
import type { TabularModel } from '../../src/model/tabular.ts';
import { mulberry32 } from '../../src/util/random.ts';
import { onnx } from '../../src/model/onnx/proto.ts';
import { tempDir } from '../helpers.ts';

const vocabulary = ['10', '2024', 'café', 'good', 'istanbul', 'movie', 'not', 'σασ', 'été', 'not good', 'good movie'];
const rand = mulberry32(5);
const weights = Float32Array.from(vocabulary, () => rand() * 2 - 1);
const model: TabularModel = {
  info: { task: 'regression', target: 'y', features: [{ name: 'review', type: 'text' }] },
  preprocessing: {
    numeric: [],
    categorical: [],
    text: [{ name: 'review', vocabulary, idf: vocabulary.map((_, i) => 1 + i / 10), unigrams: 9, max_ngram: 2 }],
  },
  layers: [{ inputs: vocabulary.length, units: 1, weights, bias: Float32Array.of(0.25), activation: 'linear' }],
};
const file = join(tempDir(), 'text.onnx');
writeFileSync(file, exportOnnx(model, { producerVersion: 't' }));

/** The training side: the same TF-IDF in TypeScript, then the same linear layer. */
function expected(texts: Cell[]): number[] {
  const x = transformRows(
    model.preprocessing,
    ['review'],
    texts.map((t) => [t]),
  );
  return texts.map((_, r) => {
    let s = 0.25;
    for (let j = 0; j < vocabulary.length; j++) s += x[r * vocabulary.length + j] * weights[j];
    return s;
  });
}

test('tokeniser: lower-cased runs of 2+ letters or digits, one code point at a time like towlower', () => {
  assert.deepEqual(tokenize("It's NOT good, a 10/10 movie!"), ['it', 'not', 'good', '10', '10', 'movie']);
  assert.deepEqual(tokenize('ÉTÉ Café déjà-vu'), ['été', 'café', 'déjà', 'vu']);
  assert.equal(lowerCase('İSTANBUL ΣΑΣ'), 'istanbul σασ');
  assert.equal(truncateText('x'.repeat(MAX_TEXT_CHARS + 5)).length, MAX_TEXT_CHARS);
  assert.equal(truncateText('😀'.repeat(MAX_TEXT_CHARS + 1)), '😀'.repeat(MAX_TEXT_CHARS), 'code points, never half a surrogate pair');
});

test('the ONNX graph tokenises and TF-IDF encodes raw text exactly as training does (onnxruntime-node)', async () => {
  const bytes = new Uint8Array(readFileSync(file));
  const described = describeOnnx(bytes);
  assert.deepEqual(described.inputs, [{ name: 'review', type: 'string', shape: ['N', 1] }]);
  const decoded = onnx.ModelProto.decode(bytes);
  assert.deepEqual(
    decoded.graph!.node!.map((n) => `${n.domain || 'ai.onnx'}.${n.opType}`),
    [
      'ai.onnx.Reshape',
      'ai.onnx.StringNormalizer',
      'com.microsoft.Tokenizer',
      'ai.onnx.TfIdfVectorizer',
      'ai.onnx.LpNormalization',
      'ai.onnx.Gemm',
      'ai.onnx.Identity',
    ],
  );
  const long = `good ${'x '.repeat(MAX_TEXT_CHARS)} not good movie`;
  const texts: Cell[] = ['Not GOOD, not good movie', 'ÉTÉ Café à İSTANBUL', 'ΣΑΣ 2024 top 10', '', null, 'a', '!!!', long, 'good good movie movie'];
  const runner = await loadModel(file);
  try {
    const got = (
      await runner.predict(
        ['review'],
        texts.map((t) => [t]),
      )
    ).predictions as number[];
    const want = expected(texts);
    texts.forEach((t, r) => assert.ok(Math.abs(got[r] - want[r]) < 1e-6, `row ${r + 1} (${JSON.stringify(t)?.slice(0, 30)}): onnx ${got[r]} vs ${want[r]}`));
    assert.equal(want[3], 0.25, 'empty text: an all-zero block, the bias alone');
    assert.equal(want[7], expected(['good'])[0], 'text past MAX_TEXT_CHARS is cut, not an error');
    // One row, and a batch in which no row has a token (the Tokenizer then returns [N, 0]).
    assert.ok(Math.abs(((await runner.predict(['review'], [['good movie']])).predictions[0] as number) - expected(['good movie'])[0]) < 1e-6);
    assert.deepEqual((await runner.predict(['review'], [[''], ['?']])).predictions, [0.25, 0.25]);
  } finally {
    await runner.close();
  }
});

test('free-text columns are detected (and reported), identifiers skipped; features.text chooses explicitly', async () => {
  const { selectFeatures } = await import('../../src/model/dataset.ts');
  const { parseTrainConfig } = await import('../../src/model/train-config.ts');
  const { profileOf } = await import('../drift/helpers.ts');
  const { sentimentRows } = await import('../../scripts/sentiment-data.ts');
  const rows = sentimentRows({ rows: 300, seed: 4 });
  const profile = profileOf({ id: rows.map((r) => r[0]), review: rows.map((r) => r[1]), votes: rows.map((r) => Number(r[3])), y: rows.map((r) => r[4]) });
  const features = (yaml: string) => selectFeatures(profile, 'y', parseTrainConfig(`schema_version: 1\n${yaml}`, 'train.yml').features);
  const auto = features('');
  assert.deepEqual(auto.features, [
    { name: 'review', type: 'text' },
    { name: 'votes', type: 'integer' },
  ]);
  assert.match(auto.detected[0], /^review \([\d.]+ tokens per row\)$/);
  assert.deepEqual(auto.skipped, ['id (text or identifier)']);
  assert.deepEqual(features('features: {text: []}').features, [{ name: 'votes', type: 'integer' }], '[] turns detection off');
  assert.deepEqual(
    features('features: {text: [review], include: [votes]}').features.map((f) => f.name),
    ['votes', 'review'],
  );
  assert.throws(() => features('features: {text: [nope]}'), /names column "nope"/);
});

test('a unigram-only TF-IDF (features.tfidf.ngrams: 1) runs in onnxruntime as in training', async () => {
  const words = ['bad', 'good', 'movie', 'not'];
  const unigram: TabularModel = {
    info: { task: 'regression', target: 'y', features: [{ name: 'review', type: 'text' }] },
    preprocessing: { numeric: [], categorical: [], text: [{ name: 'review', vocabulary: words, idf: [1.5, 1.2, 1, 2], unigrams: 4, max_ngram: 1 }] },
    layers: [{ inputs: 4, units: 1, weights: Float32Array.of(-1, 1, 0.1, -0.5), bias: Float32Array.of(0), activation: 'linear' }],
  };
  const path = join(tempDir(), 'unigram.onnx');
  writeFileSync(path, exportOnnx(unigram, { producerVersion: 't' }));
  const texts = ['not good', 'good good movie', 'bad', ''];
  const x = transformRows(
    unigram.preprocessing,
    ['review'],
    texts.map((t) => [t]),
  );
  const runner = await loadModel(path);
  const got = (
    await runner.predict(
      ['review'],
      texts.map((t) => [t]),
    )
  ).predictions as number[];
  await runner.close();
  texts.forEach((_, r) => {
    const want = [0, 1, 2, 3].reduce((s, j) => s + x[r * 4 + j] * unigram.layers[0].weights[j], 0);
    assert.ok(Math.abs(got[r] - want) < 1e-6, `row ${r + 1}: ${got[r]} vs ${want}`);
  });
});
