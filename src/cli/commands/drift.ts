import { defineCommand } from '../define.ts';
import { delimiterOption } from '../args.ts';
import { REGISTRY_ENV_HELP, registryLocationOptions, withRegistryLocation } from '../registry-flags.ts';
import { runDriftCheck } from '../../drift/check.ts';
import { INCONCLUSIVE_POLICIES } from '../../drift/bound.ts';
import { WEIGHTINGS } from '../../drift/detect.ts';
import { EXACT_MODES } from '../../drift/exact/samples.ts';
import { METHOD_CHOICES } from '../../drift/methods.ts';
import { writeJson, writeText } from '../../util/fs.ts';
import { rowProgress } from '../../report/progress.ts';
import { join, resolve } from 'node:path';
import { DEFAULT_RETRAIN_EVENT, dispatchRequest } from '../../alerts/dispatch.ts';
import { newDriftIssue, retrainPayload } from '../../alerts/drift-issue.ts';

export const driftCommand = defineCommand({
  name: 'drift',
  summary: 'compare current data with a reference and decide whether it drifted.',
  usage: ['mlops drift --reference REF --current CUR [--columns a,b] [--method M] [--format json|markdown]'],
  options: {
    reference: {
      type: 'list',
      value: 'REF',
      required: true,
      description: 'a data file or glob, a profile JSON (from mlops profile), or registry:NAME#production (the profile stored with that model version)',
    },
    current: {
      type: 'list',
      value: 'CUR',
      required: true,
      description:
        'data files / globs (streamed and profiled), or profile JSONs: several profiles are merged first, so shards profiled in a matrix can be compared',
    },
    columns: { type: 'list', value: 'LIST', description: 'columns to check (default: every column of the reference)' },
    method: {
      type: 'choice',
      choices: METHOD_CHOICES,
      description:
        "auto (default) or one method for every column — numbers: ks, wasserstein, anderson, cramer_von_mises, mannwhitney, energy; categories: chisquare (two-sample), chisquare_gof (Evidently's), g_test, z and fisher_exact (two categories); both: psi, js, hellinger, tvd. A method that does not fit a column (ks on a category; anderson, cramer_von_mises, mannwhitney or energy without exact values) falls back to auto",
    },
    threshold: {
      type: 'number',
      range: { above: 0 },
      description: 'per-column threshold for every column: α for the tests (drift when p < X), else the distance at which a column drifts',
    },
    exact: {
      type: 'choice',
      choices: EXACT_MODES,
      default: 'auto',
      value: 'MODE',
      description:
        "auto: when both sides are data files, numeric columns are compared on their raw values (up to 2,000,000 per side per column), equal to scipy; always: fail (exit 2) unless every column is compared exactly; never: use the profiles' sketches and value counts only",
    },
    'drift-share': { type: 'fraction', description: 'the dataset drifts when this weighted share of columns drifted (default 0.5, or drift.yml)' },
    config: { type: 'string', value: 'FILE', description: 'drift.yml: defaults and per-column method/threshold/weight/skip' },
    format: { type: 'choice', choices: ['json', 'markdown'], default: 'json', description: 'printed to stdout' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'also write the JSON result here' },
    report: { type: 'string', value: 'FILE', description: 'also write the Markdown report here' },
    html: {
      type: 'string',
      value: 'FILE',
      description: 'also write a self-contained HTML report (sortable table, per-column reference vs current bars, statistic, error bound, importance)',
    },
    inconclusive: {
      type: 'choice',
      choices: INCONCLUSIVE_POLICIES,
      default: 'exclude',
      value: 'POLICY',
      description: "how a column counts when the sketches' error bound straddles its threshold: exclude (left out of the share), drift or no-drift",
    },
    weights: {
      type: 'choice',
      choices: WEIGHTINGS,
      value: 'W',
      description: "importance (default when the registry version stores the model's permutation importance) or equal: how columns weigh in the share",
    },
    ...delimiterOption,
    'github-dry-run': {
      type: 'string',
      value: 'DIR',
      description: 'on drift, write the GitHub requests the drift action would send (drift-issue.json, retrain-dispatch.json) to DIR instead of sending them',
    },
    model: { type: 'string', value: 'NAME', description: 'model name for the issue and dispatch (default: from a registry: reference)' },
    ...registryLocationOptions,
  },
  text: `auto follows Evidently 0.4.37: with at most 1,000 reference rows Kolmogorov–Smirnov (numbers),
chi-square (categories) or a z-test (two values); above, normalised Wasserstein (numbers) or
Jensen–Shannon distance (natural log; categories and numbers with ≤ 5 values); defaults
α = 0.05, distance thresholds 0.1. A column named "prediction" (or prediction_column in
drift.yml) is also reported as prediction drift. Free-text columns get five text tests
(lengths, out-of-vocabulary share, empty share, top tokens; "text:" in drift.yml), reported
under text_columns. A statistic from a sketch (a profile past ~2,000 distinct values) comes
with statistic_error_bound; a decision the bound cannot settle is "inconclusive", listed and
counted apart. Definitions and error bounds: docs/drift.md.

${REGISTRY_ENV_HELP}

Exit codes: 0 no dataset drift, 1 dataset drift, 2 error.`,
  examples: [
    'mlops drift --reference data/train.csv --current data/current.csv',
    "mlops drift --reference registry:churn#production --current 'logs/2026-06-*.jsonl' --format markdown",
    'mlops drift --reference profile.json --current shard-*.json --config drift.yml --out drift.json',
  ],
  async run(values, io) {
    const { reference, current, method, threshold, exact, inconclusive, weights } = values;
    const driftShare = values['drift-share'];
    const progress = rowProgress(io.stderr, 'read');
    const { result, markdown, html } = await runDriftCheck({
      reference,
      current,
      columns: values.columns,
      method,
      threshold,
      driftShare,
      config: values.config,
      delimiter: values.delimiter,
      exact,
      inconclusive,
      weights,
      html: values.html !== undefined,
      cwd: io.cwd,
      env: withRegistryLocation(io.env, values),
      now: io.now,
      onProgress: (rows) => progress.update(rows),
    });
    if (values.out) await writeJson(values.out, result);
    if (values.report) await writeText(values.report, markdown);
    if (values.html) await writeText(resolve(io.cwd, values.html), html!);
    if (values['github-dry-run'] && result.dataset_drift) {
      const dir = values['github-dry-run'];
      const model = values.model ?? modelFromRef(reference[0]);
      const target = { kind: 'repository' as const, eventType: DEFAULT_RETRAIN_EVENT };
      await writeJson(join(dir, 'drift-issue.json'), { route: 'POST /repos/{owner}/{repo}/issues', body: newDriftIssue(model, markdown, io.now()) });
      await writeJson(join(dir, 'retrain-dispatch.json'), dispatchRequest(target, retrainPayload(model, result, null)));
      io.stderr.write(`github dry run: wrote the issue and dispatch requests to ${dir}/drift-issue.json and ${dir}/retrain-dispatch.json\n`);
    }
    io.stdout.write(values.format === 'markdown' ? markdown : JSON.stringify(result, null, 2) + '\n');
    const tested = Object.keys(result.columns).length + Object.keys(result.text_columns ?? {}).length;
    const undecided = result.inconclusive_columns ?? [];
    io.stderr.write(
      `${result.dataset_drift ? 'dataset drift' : 'no dataset drift'}: ${result.drifted_columns.length} of ${tested} columns drifted` +
        `${result.drifted_columns.length ? ` (${result.drifted_columns.join(', ')})` : ''}` +
        `${undecided.length ? `, ${undecided.length} inconclusive (${undecided.join(', ')}; ${inconclusive === 'exclude' ? 'left out of the share' : `counted as ${inconclusive}`})` : ''}` +
        `, share ${result.share_drifted.toFixed(3)}\n`,
    );
    return result.dataset_drift ? 1 : 0;
  },
});

/** `registry:churn#production` → churn; any other reference → "model". */
function modelFromRef(ref: string): string {
  const m = /^registry:([^#@]+)/.exec(ref);
  return m ? m[1] : 'model';
}
