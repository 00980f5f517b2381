import type { Cell } from '../data/batch.ts';

/**
 * The contract between trained models and everything that runs them (evaluate, serve,
 * predict, drift on predictions). A trainer writes an ONNX file whose metadata carries a
 * ModelInfo; `loadModel` (src/model/runtime.ts) turns any such file into a ModelRunner.
 */
export type Task = 'classification' | 'regression';

export interface FeatureSpec {
  name: string;
  /** text: free text, TF-IDF encoded inside the graph from the raw string. */
  type: 'number' | 'integer' | 'boolean' | 'category' | 'text';
  /** Categories seen in training, for category features (order matters for encodings). */
  categories?: string[];
}

/** How a plain model's one [N, k] input is fed: from these data columns, in this order. */
export interface MatrixInput {
  input: string;
  features: string[];
  /** Who named the columns: the caller's feature list, the sidecar or the model's metadata. */
  source: 'option' | 'sidecar' | 'metadata';
}

export interface ModelInfo {
  task: Task;
  target: string;
  features: FeatureSpec[];
  /** Classification only: class labels as strings, in the order of probability columns. */
  classes?: string[];
  framework?: string;
  /** Plain models with one matrix input: the column order that feeds it. */
  matrix_input?: MatrixInput;
}

export interface PredictionBatch {
  /** Per row: the predicted class label (classification) or value (regression). */
  predictions: (string | number)[];
  /** Classification: per row, probabilities aligned with `ModelInfo.classes`. */
  probabilities?: number[][];
}

export interface ModelRunner {
  readonly info: ModelInfo;
  /**
   * Predicts for rows given by column name; columns not used by the model are ignored and a
   * missing required feature is an error naming it. Preprocessing saved with the model is applied.
   */
  predict(columns: readonly string[], rows: Cell[][]): Promise<PredictionBatch>;
  close(): Promise<void>;
}
