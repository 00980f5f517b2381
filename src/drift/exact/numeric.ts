import { andersonKsamp, cramerVonMises2samp, energyDistance, ks2samp, mannWhitneyU, stdPopulation, wassersteinSorted } from '../../stats/two-sample.ts';
import type { DriftMethod } from '../methods.ts';
import type { ColumnSamples } from './samples.ts';

/** What a test on raw values adds to a column's result (statistic, p-value and how it was found). */
export interface ExactOutcome {
  statistic: number;
  p_value?: number;
  log10_p_value?: number;
  p_value_method?: 'exact' | 'asymptotic' | 'interpolated';
  p_value_capped?: boolean;
  wasserstein_raw?: number;
}

/**
 * The numeric methods that read the values themselves, computed on both sides' sorted raw
 * samples, each equal to scipy's function on the same data (test/drift/exact-stats.test.ts).
 * Binned methods (psi, js, hellinger, tvd) return null: their shares come from the exact
 * distributions' bins in compare.ts, which are exact already.
 */
export function exactNumericTest(samples: ColumnSamples, method: DriftMethod): ExactOutcome | null {
  const { reference: a, current: b } = samples;
  switch (method) {
    case 'ks': {
      const r = ks2samp(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: r.p_value_method };
    }
    case 'wasserstein': {
      // Evidently's normed Wasserstein: W₁ / std_ref (ddof 0); a constant reference has no scale
      const raw = wassersteinSorted(a, b);
      const std = stdPopulation(a);
      return { statistic: std > 0 ? raw / std : raw === 0 ? 0 : Infinity, wasserstein_raw: raw };
    }
    case 'energy':
      return { statistic: energyDistance(a, b) };
    case 'anderson': {
      if (a[0] === a[a.length - 1] && b[0] === b[b.length - 1] && a[0] === b[0])
        return { statistic: 0, p_value: 0.25, log10_p_value: Math.log10(0.25), p_value_method: 'interpolated', p_value_capped: true };
      const r = andersonKsamp(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: 'interpolated', p_value_capped: r.capped };
    }
    case 'cramer_von_mises': {
      const r = cramerVonMises2samp(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: r.p_value_method };
    }
    case 'mannwhitney': {
      const r = mannWhitneyU(a, b);
      return { statistic: r.statistic, p_value: r.p_value, log10_p_value: r.log10_p_value, p_value_method: r.p_value_method };
    }
    default:
      return null;
  }
}
