import type { Command } from '../command.ts';
import { REGISTRY_LOCATION_HELP, registryLocationOptions, withRegistryLocation } from '../registry-flags.ts';
import { listOption, oneOf, parseCommandArgs, requireOption } from '../args.ts';
import { runDriftCheck } from '../../drift/check.ts';
import { EXACT_MODES } from '../../drift/exact/samples.ts';
import { METHOD_CHOICES } from '../../drift/methods.ts';
import { writeJson, writeText } from '../../util/fs.ts';
import { MlopsError } from '../../util/errors.ts';
import { rowProgress } from '../../report/progress.ts';
import { join } from 'node:path';
import { DEFAULT_RETRAIN_EVENT, dispatchRequest } from '../../alerts/dispatch.ts';
import { newDriftIssue, retrainPayload } from '../../alerts/drift-issue.ts';

const help = `mlops drift: compare current data with a reference and decide whether it drifted.

Usage:
  mlops drift --reference REF --current CUR [--columns a,b] [--method M] [--format json|markdown]

Options:
  --reference REF   a data file or glob, a profile JSON (from mlops profile), or
                    registry:NAME#production (the profile stored with that model version)
  --current CUR     data files / globs (streamed and profiled), or profile JSONs: several
                    profiles are merged first, so shards profiled in a matrix can be compared
  --columns LIST    columns to check (default: every column of the reference)
  --method M        auto (default) or one method for every column —
                    numbers: ks, wasserstein, anderson, cramer_von_mises, mannwhitney, energy;
                    categories: chisquare (two-sample), chisquare_gof (Evidently's), g_test,
                    z and fisher_exact (two categories); both: psi, js, hellinger, tvd.
                    A method that does not fit a column (ks on a category; anderson,
                    cramer_von_mises, mannwhitney or energy without exact values) falls back to auto
  --threshold X     per-column threshold for every column: α for the tests (drift when
                    p < X), else the distance at which a column drifts
  --exact MODE      auto (default): when both sides are data files, numeric columns are compared
                    on their raw values (up to 2,000,000 per side per column), equal to scipy;
                    always: fail (exit 2) unless every column is compared exactly;
                    never: use the profiles' sketches and value counts only
  --drift-share X   the dataset drifts when this weighted share of columns drifted (default 0.5)
  --config FILE     drift.yml: defaults and per-column method/threshold/weight/skip
  --format F        json (default) or markdown, printed to stdout
  --out FILE        also write the JSON result here
  --report FILE     also write the Markdown report here
  --delimiter C     CSV delimiter (default: detected)
  --github-dry-run DIR  on drift, write the GitHub requests the drift action would send
                    (drift-issue.json, retrain-dispatch.json) to DIR instead of sending them
  --model NAME      model name for the issue and dispatch (default: from a registry: reference)

auto follows Evidently 0.4.37: with at most 1,000 reference rows Kolmogorov–Smirnov (numbers),
chi-square (categories) or a z-test (two values); above, normalised Wasserstein (numbers) or
Jensen–Shannon distance (natural log; categories and numbers with ≤ 5 values); defaults
α = 0.05, distance thresholds 0.1. A column named "prediction" (or prediction_column in
drift.yml) is also reported as prediction drift. Definitions and error bounds: docs/drift.md.

${REGISTRY_LOCATION_HELP}
Exit codes: 0 no dataset drift, 1 dataset drift, 2 error.

Examples:
  mlops drift --reference data/train.csv --current data/current.csv
  mlops drift --reference registry:churn#production --current 'logs/2026-06-*.jsonl' --format markdown
  mlops drift --reference profile.json --current shard-*.json --config drift.yml --out drift.json
`;

export const driftCommand: Command = {
  name: 'drift',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('drift', argv, {
      ...registryLocationOptions,
      reference: { type: 'string', multiple: true },
      current: { type: 'string', multiple: true },
      columns: { type: 'string', multiple: true },
      method: { type: 'string' },
      threshold: { type: 'string' },
      exact: { type: 'string' },
      'drift-share': { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      report: { type: 'string' },
      delimiter: { type: 'string' },
      model: { type: 'string' },
      'github-dry-run': { type: 'string' },
    });
    const reference = listOption(values.reference);
    const current = listOption(values.current);
    if (reference.length === 0) requireOption('drift', undefined, '--reference');
    if (current.length === 0) requireOption('drift', undefined, '--current');
    const format = oneOf('drift', '--format', values.format, ['json', 'markdown'] as const, 'json');
    const method = values.method === undefined ? undefined : oneOf('drift', '--method', values.method, METHOD_CHOICES, 'auto');
    const threshold = numberOption('--threshold', values.threshold, (x) => x > 0);
    const exact = oneOf('drift', '--exact', values.exact, EXACT_MODES, 'auto');
    const driftShare = numberOption('--drift-share', values['drift-share'], (x) => x >= 0 && x <= 1);
    const progress = rowProgress(io.stderr, 'read');
    const { result, markdown } = await runDriftCheck({
      reference,
      current,
      columns: listOption(values.columns),
      method,
      threshold,
      driftShare,
      config: values.config,
      delimiter: values.delimiter,
      exact,
      cwd: io.cwd,
      env: withRegistryLocation(io.env, values),
      now: io.now,
      onProgress: (rows) => progress.update(rows),
    });
    if (values.out) await writeJson(values.out, result);
    if (values.report) await writeText(values.report, markdown);
    if (values['github-dry-run'] && result.dataset_drift) {
      const dir = values['github-dry-run'];
      const model = values.model ?? modelFromRef(reference[0]);
      const target = { kind: 'repository' as const, eventType: DEFAULT_RETRAIN_EVENT };
      await writeJson(join(dir, 'drift-issue.json'), { route: 'POST /repos/{owner}/{repo}/issues', body: newDriftIssue(model, markdown, io.now()) });
      await writeJson(join(dir, 'retrain-dispatch.json'), dispatchRequest(target, retrainPayload(model, result, null)));
      io.stderr.write(`github dry run: wrote the issue and dispatch requests to ${dir}/drift-issue.json and ${dir}/retrain-dispatch.json\n`);
    }
    io.stdout.write(format === 'markdown' ? markdown : JSON.stringify(result, null, 2) + '\n');
    const tested = Object.keys(result.columns).length;
    io.stderr.write(
      `${result.dataset_drift ? 'dataset drift' : 'no dataset drift'}: ${result.drifted_columns.length} of ${tested} columns drifted` +
        `${result.drifted_columns.length ? ` (${result.drifted_columns.join(', ')})` : ''}, share ${result.share_drifted.toFixed(3)}\n`,
    );
    return result.dataset_drift ? 1 : 0;
  },
};

/** `registry:churn#production` → churn; any other reference → "model". */
function modelFromRef(ref: string): string {
  const m = /^registry:([^#@]+)/.exec(ref);
  return m ? m[1] : 'model';
}

function numberOption(flag: string, value: string | undefined, valid: (x: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !valid(x)) throw new MlopsError(`${flag} must be a number in range (got "${value}")`);
  return x;
}
