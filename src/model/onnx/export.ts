import { META_MODEL_INFO, META_PREPROCESSING, type DenseLayer, type TabularModel } from '../tabular.ts';
import { TOKEN_PATTERN } from '../../data/tokenize.ts';
import { MlopsError } from '../../util/errors.ts';
import { textSteps } from '../preprocess.ts';
import type { TextStep } from '../text-features.ts';
import { GraphBuilder } from './graph.ts';

/** Output names of exported graphs: what `loadModel` reads and plain ONNX consumers see. */
export const OUTPUT_PROBABILITIES = 'probabilities';
export const OUTPUT_LABEL = 'label';
export const OUTPUT_PREDICTION = 'prediction';

/**
 * Writes a TabularModel as an ONNX graph that takes raw features: one input per feature,
 * shaped [N,1] (float for numeric/integer/boolean with NaN as missing, string for
 * categoricals with "" as missing). The graph imputes (IsNaN/Where; LabelEncoder maps "" to
 * the mode), standardises (Sub/Div), one-hot encodes (LabelEncoder → Equal against 0..C-1 →
 * Cast, so unseen categories are all zeros), TF-IDF encodes text columns from the raw string
 * (`textBlock`), concatenates, then runs the dense layers (Gemm plus activation). Outputs: classification `probabilities` [N,K] and `label` [N] (class
 * strings); regression `prediction` [N,1].
 */
export function exportOnnx(model: TabularModel, options: { producerVersion: string }): Uint8Array {
  const { info, preprocessing: p } = model;
  const g = new GraphBuilder();
  const parts: string[] = [];

  if (p.numeric.length > 0) {
    const inputs = p.numeric.map((s) => g.input({ name: s.name, type: 'float', shape: ['N', 1] }));
    const x = inputs.length === 1 ? inputs[0] : g.node('Concat', inputs, { axis: 1 });
    const means = g.floats(
      'mean',
      [p.numeric.length],
      p.numeric.map((s) => s.mean),
    );
    const stds = g.floats(
      'std',
      [p.numeric.length],
      p.numeric.map((s) => s.std),
    );
    const imputed = g.node('Where', [g.node('IsNaN', [x]), means, x]);
    parts.push(g.node('Div', [g.node('Sub', [imputed, means]), stds]));
  }
  for (const s of p.categorical) {
    const input = g.input({ name: s.name, type: 'string', shape: ['N', 1] });
    const modeIndex = s.categories.indexOf(s.mode);
    const index = g.node(
      'LabelEncoder',
      [input],
      {
        keys_strings: [...s.categories, ''],
        values_int64s: [...s.categories.map((_, i) => i), modeIndex],
        default_int64: -1,
      },
      { domain: 'ai.onnx.ml' },
    );
    const range = g.int64s(
      'categories',
      [s.categories.length],
      s.categories.map((_, i) => i),
    );
    parts.push(g.node('Cast', [g.node('Equal', [index, range])], { to: 1 }));
  }
  for (const s of textSteps(p)) parts.push(textBlock(g, s));
  if (parts.length === 0) throw new MlopsError('a model needs at least one feature');

  let h = parts.length === 1 ? parts[0] : g.node('Concat', parts, { axis: 1 });
  model.layers.forEach((layer, i) => {
    h = dense(g, h, layer, i);
  });
  const last = model.layers[model.layers.length - 1];

  if (info.task === 'classification') {
    const classes = info.classes ?? [];
    let probabilities: string;
    if (last.units === 1) {
      if (classes.length !== 2) throw new MlopsError(`a single output unit needs exactly 2 classes (got ${classes.length})`);
      const one = g.floats('one', [1], [1]);
      probabilities = g.node('Concat', [g.node('Sub', [one, h]), h], { axis: 1 }, { output: OUTPUT_PROBABILITIES });
    } else {
      if (classes.length !== last.units) throw new MlopsError(`the last layer has ${last.units} units for ${classes.length} classes`);
      probabilities = g.node('Identity', [h], {}, { output: OUTPUT_PROBABILITIES });
    }
    const argmax = g.node('ArgMax', [probabilities], { axis: 1, keepdims: 0 });
    g.node(
      'LabelEncoder',
      [argmax],
      { keys_int64s: classes.map((_, i) => i), values_strings: classes, default_string: '' },
      { domain: 'ai.onnx.ml', output: OUTPUT_LABEL },
    );
    g.output({ name: OUTPUT_PROBABILITIES, type: 'float', shape: ['N', classes.length] });
    g.output({ name: OUTPUT_LABEL, type: 'string', shape: ['N'] });
  } else {
    const scale = model.targetScale;
    if (scale) {
      const scaled = g.node('Mul', [h, g.floats('target_std', [1], [scale.std])]);
      g.node('Add', [scaled, g.floats('target_mean', [1], [scale.mean])], {}, { output: OUTPUT_PREDICTION });
    } else g.node('Identity', [h], {}, { output: OUTPUT_PREDICTION });
    g.output({ name: OUTPUT_PREDICTION, type: 'float', shape: ['N', 1] });
  }

  return g.encode({
    graphName: `mlops_${info.task}`,
    producer: 'mlops-actions',
    producerVersion: options.producerVersion,
    docString: `${info.task} of "${info.target}" from ${info.features.length} raw features`,
    metadata: {
      [META_MODEL_INFO]: JSON.stringify(info),
      [META_PREPROCESSING]: JSON.stringify(p),
    },
  });
}

/**
 * A text column [N,1] string → its TF-IDF block [N,V], exactly as src/model/text-features.ts
 * encodes it: StringNormalizer (lower-case; it takes [C], hence the Reshape; locale C.UTF-8,
 * built into glibc ≥ 2.35, where the default en_US.UTF-8 is often missing in containers) →
 * com.microsoft.Tokenizer (onnxruntime's contrib op: runs of TOKEN_PATTERN, rows padded with
 * "#", which no token can equal) → TfIdfVectorizer (unigrams then bigrams, count × idf) →
 * LpNormalization (L2; an all-zero row stays zero).
 */
function textBlock(g: GraphBuilder, s: TextStep): string {
  const input = g.input({ name: s.name, type: 'string', shape: ['N', 1] });
  const flat = g.node('Reshape', [input, g.int64s('flat', [1], [-1])]);
  const lower = g.node('StringNormalizer', [flat], { case_change_action: 'LOWER', locale: 'C.UTF-8' });
  const tokens = g.node('Tokenizer', [lower], { mark: 0, mincharnum: 1, pad_value: '#', tokenexp: TOKEN_PATTERN }, { domain: 'com.microsoft' });
  const unigrams = s.vocabulary.slice(0, s.unigrams);
  const bigrams = s.vocabulary.slice(s.unigrams).flatMap((t) => t.split(' '));
  const tfidf = g.node('TfIdfVectorizer', [tokens], {
    min_gram_length: 1,
    max_gram_length: s.max_ngram,
    max_skip_count: 0,
    mode: 'TFIDF',
    ngram_counts: s.max_ngram === 1 ? [0] : [0, unigrams.length],
    ngram_indexes: s.vocabulary.map((_, i) => i),
    pool_strings: [...unigrams, ...bigrams],
    weights: { floats: s.idf },
  });
  return g.node('LpNormalization', [tfidf], { axis: 1, p: 2 });
}

function dense(g: GraphBuilder, x: string, layer: DenseLayer, index: number): string {
  if (layer.weights.length !== layer.inputs * layer.units || layer.bias.length !== layer.units) {
    throw new MlopsError(`layer ${index}: weights do not match ${layer.inputs}×${layer.units}`);
  }
  const w = g.floats(`w${index}`, [layer.inputs, layer.units], layer.weights);
  const b = g.floats(`b${index}`, [layer.units], layer.bias);
  const z = g.node('Gemm', [x, w, b]);
  switch (layer.activation) {
    case 'linear':
      return z;
    case 'relu':
      return g.node('Relu', [z]);
    case 'tanh':
      return g.node('Tanh', [z]);
    case 'sigmoid':
      return g.node('Sigmoid', [z]);
    case 'softmax':
      return g.node('Softmax', [z], { axis: 1 });
  }
}
