import { z } from 'zod';
import type { Profile } from '../profile/schema.ts';
import { PreprocessingSchema } from '../model/preprocess.ts';
import { META_PREPROCESSING } from '../model/tabular.ts';
import type { FeatureSpec } from '../model/types.ts';

/**
 * What training saw of one numeric feature. `profile`: the training profile's min and max, exact.
 * `preprocessing`: only the mean and standard deviation stored in the ONNX graph are known, so
 * the range is mean ± 3 std (a model file without its lineage).
 */
export const FeatureRangeSchema = z.object({ min: z.number(), max: z.number(), source: z.enum(['profile', 'preprocessing']) });
export type FeatureRange = z.infer<typeof FeatureRangeSchema>;
export type FeatureRanges = Record<string, FeatureRange>;

/**
 * How far outside a range a value must be to be flagged, in widths of the range: a value a little
 * past what training saw is ordinary extrapolation, one ten widths away is another unit or a bug.
 */
export const FAR_OUTSIDE_WIDTHS = 10;

/** Ranges of the numeric (and integer) columns of a training profile; other columns have none. */
export function rangesFromProfile(profile: Profile): FeatureRanges {
  const ranges: FeatureRanges = {};
  for (const c of profile.columns) {
    if ((c.type === 'number' || c.type === 'integer') && c.numeric && Number.isFinite(c.numeric.min) && Number.isFinite(c.numeric.max)) {
      ranges[c.name] = { min: c.numeric.min, max: c.numeric.max, source: 'profile' };
    }
  }
  return ranges;
}

/** Ranges from the preprocessing our exporter stores in the ONNX metadata, when it is there. */
export function rangesFromOnnxMetadata(metadata: Record<string, string>): FeatureRanges {
  const stored = metadata[META_PREPROCESSING];
  if (stored === undefined) return {};
  let parsed;
  try {
    parsed = PreprocessingSchema.safeParse(JSON.parse(stored));
  } catch {
    return {};
  }
  if (!parsed.success) return {};
  const ranges: FeatureRanges = {};
  for (const step of parsed.data.numeric) {
    if (step.type === 'boolean') continue;
    ranges[step.name] = { min: step.mean - 3 * step.std, max: step.mean + 3 * step.std, source: 'preprocessing' };
  }
  return ranges;
}

/** Keeps the ranges of the model's own numeric features (a profile covers every column of the data). */
export function rangesForFeatures(ranges: FeatureRanges, features: readonly FeatureSpec[]): FeatureRanges {
  return Object.fromEntries(
    features.filter((f) => (f.type === 'number' || f.type === 'integer') && Object.hasOwn(ranges, f.name)).map((f) => [f.name, ranges[f.name]]),
  );
}

/** True when `value` lies more than FAR_OUTSIDE_WIDTHS widths of the range below its min or above its max. */
export function farOutside(value: number, range: FeatureRange): boolean {
  // A constant column has no width: measure in its magnitude instead (1 for a constant 0).
  const width = range.max - range.min > 0 ? range.max - range.min : Math.max(Math.abs(range.max), 1);
  const slack = FAR_OUTSIDE_WIDTHS * width;
  return value < range.min - slack || value > range.max + slack;
}
