import { z } from 'zod';
import { parseConfigFile } from '../util/config-file.ts';
import { readText } from '../util/fs.ts';
import { SweepConfigSchema } from './sweep-config.ts';
import { BACKENDS } from './backend.ts';

export const TRAIN_CONFIG_SCHEMA_VERSION = 1;

/**
 * train.yml: what the built-in trainer fits. Every field has a default, so an empty config
 * (just schema_version) trains a logistic/linear regression on every usable column.
 */
export const TrainConfigSchema = z
  .object({
    schema_version: z.literal(TRAIN_CONFIG_SCHEMA_VERSION),
    target: z.string().min(1).optional(),
    task: z.enum(['classification', 'regression']).optional(),
    model: z
      .object({
        /** linear = logistic regression for classification, linear regression for regression. */
        type: z.enum(['linear', 'mlp']).default('linear'),
        hidden_layers: z.array(z.number().int().positive()).default([32, 16]),
        activation: z.enum(['relu', 'tanh']).default('relu'),
      })
      .strict()
      .default({ type: 'linear', hidden_layers: [32, 16], activation: 'relu' }),
    training: z
      .object({
        epochs: z.number().int().positive().default(50),
        batch_size: z.number().int().positive().default(64),
        learning_rate: z.number().positive().default(0.01),
        optimizer: z.enum(['adam', 'sgd']).default('adam'),
        l2: z.number().nonnegative().default(0),
        validation_split: z.number().gt(0).lt(1).default(0.2),
        seed: z.number().int().default(42),
        early_stopping: z
          .object({ patience: z.number().int().positive().default(5), min_delta: z.number().nonnegative().default(1e-4) })
          .strict()
          .nullable()
          .default({ patience: 5, min_delta: 1e-4 }),
      })
      .strict()
      .default({
        epochs: 50,
        batch_size: 64,
        learning_rate: 0.01,
        optimizer: 'adam',
        l2: 0,
        validation_split: 0.2,
        seed: 42,
        early_stopping: { patience: 5, min_delta: 1e-4 },
      }),
    features: z
      .object({
        /** Use exactly these columns (default: every column but the target). */
        include: z.array(z.string()).optional(),
        exclude: z.array(z.string()).default([]),
        /** Treat these columns as categorical even if they look numeric. */
        categorical: z.array(z.string()).default([]),
        /** Categorical columns with more distinct values are skipped (identifier-like). */
        max_categories: z.number().int().positive().default(50),
        /**
         * Free-text columns, TF-IDF encoded inside the model. Absent: every string column averaging
         * at least 3 tokens per row is taken as text (logged); [] turns that detection off.
         */
        text: z.array(z.string()).optional(),
        tfidf: z
          .object({
            max_features: z.number().int().positive().default(5000),
            min_df: z.number().int().positive().default(2),
            /** 2: unigrams and bigrams ("not good"); 1: unigrams only. */
            ngrams: z.union([z.literal(1), z.literal(2)]).default(2),
          })
          .strict()
          .default({ max_features: 5000, min_df: 2, ngrams: 2 }),
      })
      .strict()
      .default({ exclude: [], categorical: [], max_categories: 50, tfidf: { max_features: 5000, min_df: 2, ngrams: 2 } }),
    backend: z.enum(BACKENDS).default('auto'),
    /** A hyperparameter sweep over this config (`mlops sweep plan`, `mlops train --trial K`). */
    sweep: SweepConfigSchema.optional(),
  })
  .strict();
export type TrainConfig = z.infer<typeof TrainConfigSchema>;

export function defaultTrainConfig(): TrainConfig {
  return TrainConfigSchema.parse({ schema_version: TRAIN_CONFIG_SCHEMA_VERSION });
}

/** Parses train.yml text; every problem is reported as "file: path.to.field: message". */
export function parseTrainConfig(text: string, file: string): TrainConfig {
  return parseConfigFile(text, file, TrainConfigSchema, { expect: `expected a mapping with schema_version: ${TRAIN_CONFIG_SCHEMA_VERSION}` });
}

export async function readTrainConfig(file: string): Promise<TrainConfig> {
  return parseTrainConfig(await readText(file), file);
}
