import { z } from 'zod';
import { TextStateSchema, TextSummarySchema } from './text.ts';

/** Bumped on any change that older readers cannot ignore. */
export const PROFILE_SCHEMA_VERSION = 1;

export const ColumnType = z.enum(['number', 'integer', 'boolean', 'category', 'string', 'datetime']);
export type ColumnType = z.infer<typeof ColumnType>;

const TDigestStateSchema = z.object({
  compression: z.number().positive(),
  min: z.number(),
  max: z.number(),
  centroids: z.array(z.tuple([z.number(), z.number().positive()])),
});

/** src/profile/kll.ts: a KLL sketch with the bookkeeping that bounds its rank error. */
const KllStateSchema = z.object({
  k: z.number().int().positive(),
  n: z.number().nonnegative(),
  min: z.number(),
  max: z.number(),
  levels: z.array(z.string()),
  rng: z.number().int().nonnegative(),
  variance: z.number().nonnegative(),
  sigma_closed: z.number().nonnegative(),
  parts_closed: z.number().int().nonnegative(),
  error_sum: z.number().nonnegative(),
});

const FrequentStateSchema = z.object({
  capacity: z.number().int().positive(),
  error: z.number().nonnegative(),
  items: z.array(z.tuple([z.string(), z.number().nonnegative()])),
});

/** Where a cell is: the file and its 1-based data row (header excluded), and its text. */
export const CellLocationSchema = z.object({ file: z.string(), row: z.number().int().positive(), value: z.string() });
export type CellLocation = z.infer<typeof CellLocationSchema>;

/** Everything needed to merge a column's profile with another shard's. */
export const ColumnStateSchema = z.object({
  all_numeric: z.boolean(),
  all_integer: z.boolean(),
  all_boolean: z.boolean(),
  all_datetime: z.boolean(),
  moments: z.object({ n: z.number(), mean: z.number(), m2: z.number() }).nullable(),
  sketch: TDigestStateSchema.nullable(),
  frequent: FrequentStateSchema,
  /** true once more distinct values were seen than `frequent` keeps exactly. */
  hll: z.string().nullable(),
  lengths: z.object({ min: z.number(), max: z.number(), sum: z.number() }).nullable(),
  /**
   * A numeric column's every value, sorted, as distinct values with their counts, kept while the
   * column has at most PROFILE_SAMPLE_MAX_VALUES values (src/profile/column.ts): the drift check
   * against a small training set is then exact (docs/drift.md). Absent in older profiles and
   * above the limit.
   */
  sample: z.object({ values: z.array(z.number()), counts: z.array(z.number().int().positive()) }).optional(),
  /**
   * Once a non-numeric cell turned a numeric column to text: numeric cells and the others, with
   * the first few offending cells, while it may still be numeric in ≥ 99% of cells (null after).
   */
  mixed: z
    .object({ numeric: z.number().int().nonnegative(), other: z.number().int().nonnegative(), examples: z.array(CellLocationSchema) })
    .nullable()
    .optional(),
  /** Non-numeric columns: text statistics (src/profile/text.ts); absent in older profiles. */
  text: TextStateSchema.optional(),
  /**
   * Numeric columns whose values are no longer counted exactly: a KLL sketch whose rank error
   * is proven (drift reports it as statistic_error_bound). Absent in profiles written before it.
   */
  kll: KllStateSchema.nullable().optional(),
});
export type ColumnState = z.infer<typeof ColumnStateSchema>;

export const NumericSummarySchema = z.object({
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  std: z.number(),
  quantiles: z.record(z.string(), z.number()),
  histogram: z.object({ edges: z.array(z.number()), counts: z.array(z.number()) }),
});
export type NumericSummary = z.infer<typeof NumericSummarySchema>;

export const ColumnProfileSchema = z.object({
  name: z.string(),
  type: ColumnType,
  nullable: z.boolean(),
  count: z.number().int().nonnegative(),
  nulls: z.number().int().nonnegative(),
  distinct: z.object({ value: z.number().int().nonnegative(), exact: z.boolean() }),
  numeric: NumericSummarySchema.optional(),
  datetime: z.object({ min: z.string(), max: z.string() }).optional(),
  top_categories: z
    .object({
      values: z.array(z.object({ value: z.string(), count: z.number() })),
      exact: z.boolean(),
      other_count: z.number(),
    })
    .optional(),
  string_length: z.object({ min: z.number(), max: z.number(), mean: z.number() }).optional(),
  /**
   * Numeric in ≥ 99% of non-null cells but not all: a numeric column with bad cells, not text.
   * `non_numeric` counts the others; `examples` are the first of them (file, row, value).
   */
  type_drift: z.object({ numeric_share: z.number(), non_numeric: z.number().int(), examples: z.array(CellLocationSchema) }).optional(),
  /** Free-text (string) columns: lengths, empty share and top tokens. */
  text: TextSummarySchema.optional(),
  state: ColumnStateSchema,
});
export type ColumnProfile = z.infer<typeof ColumnProfileSchema>;

export const ProfileSchema = z.object({
  schema_version: z.literal(PROFILE_SCHEMA_VERSION),
  kind: z.literal('mlops/profile'),
  created_at: z.string(),
  rows: z.number().int().nonnegative(),
  sources: z.array(z.object({ file: z.string(), rows: z.number().int().nonnegative() })),
  columns: z.array(ColumnProfileSchema),
});
export type Profile = z.infer<typeof ProfileSchema>;
