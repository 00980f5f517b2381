import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportOnnx } from '../../src/model/onnx/export.ts';
import type { TabularModel } from '../../src/model/tabular.ts';

/**
 * A small hand-made sentiment model with a text feature: logistic regression on the TF-IDF of
 * `review` (praise words positive, criticism and the bigram "not good" negative) and one-hot
 * `platform`. Hand-made so serving and batch tests need no training.
 */
export function writeTextModel(dir: string): string {
  const vocabulary = ['awful', 'bad', 'boring', 'good', 'great', 'movie', 'not', 'not good', 'not bad'];
  const unigrams = 7;
  const textWeights = [-3, -3, -2, 3, 3, 0, -0.5, -7, 7];
  const model: TabularModel = {
    info: {
      task: 'classification',
      target: 'sentiment',
      features: [
        { name: 'platform', type: 'category', categories: ['app', 'web'] },
        { name: 'review', type: 'text' },
      ],
      classes: ['negative', 'positive'],
      framework: 'hand-made',
    },
    preprocessing: {
      numeric: [],
      categorical: [{ name: 'platform', categories: ['app', 'web'], mode: 'web' }],
      text: [{ name: 'review', vocabulary, idf: vocabulary.map((_, i) => 1 + (i % 3) / 4), unigrams, max_ngram: 2 }],
    },
    layers: [
      { inputs: 2 + vocabulary.length, units: 1, weights: Float32Array.from([0.1, -0.1, ...textWeights]), bias: Float32Array.of(0), activation: 'sigmoid' },
    ],
  };
  const file = join(dir, 'sentiment.onnx');
  writeFileSync(file, exportOnnx(model, { producerVersion: 'test' }));
  return file;
}

export const REVIEWS_CSV =
  'review_id,platform,review,sentiment\n' +
  'R1,web,"A great movie, good from start to end.",positive\n' +
  'R2,app,"Not good. Boring, awful.",negative\n' +
  'R3,web,"Not bad at all",positive\n' +
  'R4,app,,negative\n' +
  'R5,web,"bad bad movie",negative\n' +
  'R6,app,"GOOD! great!!",positive\n';
