import { mulberry32 } from '../util/random.ts';
import { binomialCdf, chiSquareSf, quantileSorted } from '../stats/special.ts';

export interface BootstrapResult {
  /** Metric difference (candidate − champion) on the full data. */
  observed: number;
  lower: number;
  upper: number;
  /** Confidence level of [lower, upper], e.g. 0.95. */
  confidence: number;
  resamples: number;
  /** Resamples where either metric was undefined (e.g. one class drawn), left out of the interval. */
  skipped: number;
  seed: number;
}

/**
 * Paired percentile bootstrap of a metric difference: each resample draws n row indices with
 * replacement (mulberry32 seeded, so the same seed gives the same interval), applied to both
 * models' predictions on the same rows. Resample counts are passed to the metric as weights,
 * so ranking metrics reuse one sort instead of sorting per resample.
 */
export function pairedBootstrap(
  n: number,
  metric: (weights: Float64Array | undefined, which: 'candidate' | 'champion') => number | null,
  options: { resamples: number; seed: number; confidence: number },
): BootstrapResult {
  const cand = metric(undefined, 'candidate');
  const champ = metric(undefined, 'champion');
  const observed = cand === null || champ === null ? NaN : cand - champ;
  const rand = mulberry32(options.seed);
  const weights = new Float64Array(n);
  const diffs: number[] = [];
  let skipped = 0;
  for (let r = 0; r < options.resamples; r++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[Math.floor(rand() * n)]++;
    const a = metric(weights, 'candidate');
    const b = metric(weights, 'champion');
    if (a === null || b === null) skipped++;
    else diffs.push(a - b);
  }
  diffs.sort((x, y) => x - y);
  const tail = (1 - options.confidence) / 2;
  return {
    observed,
    lower: quantileSorted(diffs, tail),
    upper: quantileSorted(diffs, 1 - tail),
    confidence: options.confidence,
    resamples: options.resamples,
    skipped,
    seed: options.seed,
  };
}

export interface McNemarResult {
  /** Rows the candidate gets right and the champion wrong. */
  candidateOnly: number;
  /** Rows the champion gets right and the candidate wrong. */
  championOnly: number;
  statistic: number | null;
  pValue: number;
  method: 'exact' | 'chi-square';
}

/** Below this many discordant pairs the chi-square approximation is poor; use the exact test. */
export const MCNEMAR_EXACT_BELOW = 25;

/**
 * McNemar's test on paired correctness. Exact two-sided binomial test (p = 0.5) when the
 * discordant count is under 25; otherwise chi-square with Edwards' continuity correction,
 * (|b − c| − 1)² / (b + c) on 1 degree of freedom.
 */
export function mcnemar(candidateCorrect: ArrayLike<boolean | number>, championCorrect: ArrayLike<boolean | number>): McNemarResult {
  let b = 0;
  let c = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    if (candidateCorrect[i] && !championCorrect[i]) b++;
    else if (!candidateCorrect[i] && championCorrect[i]) c++;
  }
  return mcnemarFromCounts(b, c);
}

export function mcnemarFromCounts(b: number, c: number): McNemarResult {
  const discordant = b + c;
  if (discordant < MCNEMAR_EXACT_BELOW) {
    const pValue = discordant === 0 ? 1 : Math.min(1, 2 * binomialCdf(Math.min(b, c), discordant, 0.5));
    return { candidateOnly: b, championOnly: c, statistic: null, pValue, method: 'exact' };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / discordant;
  return { candidateOnly: b, championOnly: c, statistic, pValue: chiSquareSf(statistic, 1), method: 'chi-square' };
}
