import { z } from 'zod';
import { PreprocessingSchema } from './preprocess.ts';
import type { ModelInfo } from './types.ts';

export const ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid', 'softmax'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** One fully connected layer: y = activation(x · W + b) with W row-major [inputs][units]. */
export interface DenseLayer {
  inputs: number;
  units: number;
  weights: Float32Array;
  bias: Float32Array;
  activation: Activation;
}

/**
 * A trained tabular model in framework-neutral form: what the ONNX exporter needs and what
 * the tfjs trainer produces. Logistic/linear regression is one layer, an MLP several.
 * Binary classification ends in one sigmoid unit (P(classes[1])), multiclass in a softmax.
 * Regression models trained on a standardised target carry `targetScale` to undo it.
 */
export interface TabularModel {
  info: ModelInfo;
  preprocessing: z.infer<typeof PreprocessingSchema>;
  layers: DenseLayer[];
  targetScale?: { mean: number; std: number };
}

export const ModelInfoSchema = z.object({
  task: z.enum(['classification', 'regression']),
  target: z.string(),
  features: z.array(
    z.object({ name: z.string(), type: z.enum(['number', 'integer', 'boolean', 'category', 'text']), categories: z.array(z.string()).optional() }),
  ),
  classes: z.array(z.string()).optional(),
  framework: z.string().optional(),
});

/** metadata_props keys our exporter writes and `loadModel` reads. */
export const META_MODEL_INFO = 'mlops.model_info';
export const META_PREPROCESSING = 'mlops.preprocessing';
