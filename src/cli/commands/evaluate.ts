import { defineCommand, type DefinedCommand, type OptionSpec } from '../define.ts';
import { featuresOption } from '../args.ts';
import { REGISTRY_ENV_HELP, registryLocationOptions, withRegistryLocation } from '../registry-flags.ts';
import { runEvaluation, type LoadModel } from '../../evaluate/run.ts';
import { formatNumber } from '../../report/markdown.ts';
import { writeText } from '../../util/fs.ts';
import { MlopsError } from '../../util/errors.ts';
import { rowProgress } from '../../report/progress.ts';
import { resolve } from 'node:path';
import { loadModel } from '../../model/runtime.ts';
import { parseSince } from '../../evaluate/label-join.ts';
import { gateApplied } from '../../evaluate/verdict.ts';

const options = {
  model: { type: 'string', value: 'FILE', required: true, description: 'the candidate ONNX model (or a registry reference)' },
  data: { type: 'list', value: 'FILE', required: true, description: 'held-out data (CSV/TSV, JSONL, Parquet; globs and repeated flags read several files)' },
  target: { type: 'string', value: 'COLUMN', required: true, description: 'the label column' },
  baseline: {
    type: 'string',
    value: 'REF',
    description:
      'the champion: registry:NAME#STAGE, registry:NAME@VERSION or a model file; without it (first model) only absolute rules and budgets are checked; a registry reference that names nothing yet (no registry branch, no such model, nobody in the stage) is first-model mode too: the report says "no production model yet: judged on absolute rules" and the JSON has first_model: { baseline, reason }. A malformed reference, an unknown stage or an unreachable registry is exit 2',
  },
  gate: {
    type: 'string',
    value: 'FILE',
    description: 'gate.yml: thresholds, relative rules, budgets, slice minimums and require_significant_improvement (see docs/evaluation.md)',
  },
  slices: {
    type: 'list',
    value: 'COLS',
    description: "columns to slice by (adds to the gate's slices.columns); numeric columns with many values are cut into quartile bins",
  },
  format: { type: 'choice', choices: ['markdown', 'json'], default: 'markdown', description: 'markdown or json (the full evaluation document)' },
  out: { type: 'string', short: 'o', value: 'FILE', description: 'write the report there instead of stdout' },
  'latency-rows': { type: 'integer', range: { min: 1 }, description: 'rows timed one at a time for p50/p99 latency (default 200)' },
  'min-rows': {
    type: 'integer',
    range: { min: 0 },
    description:
      'fewer evaluated rows than N: no metrics, the gate is not applied and the exit code is 0 (default 1 with --labels; without it, no rows is an error)',
  },
  labels: {
    type: 'list',
    value: 'FILE',
    description: "label files (CSV/JSONL/Parquet; globs and repeated flags read several, a key's last label wins)",
    group: 'Late labels (performance drift)',
  },
  key: {
    type: 'string',
    value: 'COL',
    description: 'the column both the logs and the labels hold (e.g. a customer or order id)',
    group: 'Late labels (performance drift)',
  },
  since: {
    type: 'string',
    value: 'WHEN',
    description: "only rows logged since then: a span back from now (30d, 12h, 2w, 90m) or an ISO date; read from the logs' timestamp column",
    group: 'Late labels (performance drift)',
  },
  ...featuresOption,
  ...registryLocationOptions,
} as const satisfies Record<string, OptionSpec>;

/** The command with its model loader passed in, so the flow is testable with any ModelRunner. */
export function createEvaluateCommand(loadModel: LoadModel): DefinedCommand {
  return defineCommand({
    name: 'evaluate',
    summary: 'score a candidate model against the champion on held-out data and apply the gate.',
    usage: [
      'mlops evaluate --model candidate.onnx --data holdout.csv --target label',
      '               [--baseline registry:NAME#production | --baseline other.onnx]',
      '               [--gate gate.yml] [--slices col1,col2] [--format json|markdown] [--out FILE]',
      "mlops evaluate --model registry:NAME#production --data 'logs/*.jsonl'",
      '               --labels labels.csv --key id --target label [--since 30d] [--min-rows 100]',
    ],
    options,
    text: `Late labels (performance drift): with --labels, --data are prediction logs from mlops serve
--log-predictions (or any rows holding --key) and the labels that arrived since are joined
to them by --key; --target names the label column in the label files.
The report says how many logged rows matched, how many await labels and which model
versions served them; evaluating registry:NAME#production on them is a concept-drift check.

Metrics: accuracy, precision/recall/f1 (binary: positive class; _macro, _weighted), roc_auc,
pr_auc, log_loss, ece for classifiers; rmse, mae, r2, mape for regressors; size_mb,
p50_latency_ms, p99_latency_ms, throughput_rows_per_s for both.

${REGISTRY_ENV_HELP}

Exit codes: 0 the gate passed (or no gate, or fewer rows than --min-rows), 1 the gate failed
(the failing rules are named), 2 bad usage or input.`,
    examples: [
      'mlops evaluate --model model.onnx --data data/holdout.csv --target churned --gate gate.yml',
      'mlops evaluate --model model.onnx --data data/holdout.csv --target churned \\',
      '  --baseline registry:churn#production --gate gate.yml --slices region,plan --out report.md',
      "mlops evaluate --model new.onnx --baseline old.onnx --data 'holdout/*.parquet' --target y --format json",
      "mlops evaluate --model registry:churn#production --data 'logs/predictions/*.jsonl' \\",
      "  --labels 'labels/*.csv' --key customer_id --target churned --since 30d --gate gate.yml",
    ],
    async run(values, io) {
      const { model, data, target } = values;
      const latencyRows = values['latency-rows'];
      const labelFiles = values.labels;
      if (labelFiles.length > 0 && !values.key) throw new MlopsError('--labels needs --key: the column that joins the labels to the logged rows');
      if (labelFiles.length === 0 && (values.key || values.since))
        throw new MlopsError(`${values.key ? '--key' : '--since'} goes with --labels FILE (late labels joined to prediction logs)`);
      const minRows = values['min-rows'] ?? (labelFiles.length > 0 ? 1 : undefined);
      const progress = rowProgress(io.stderr, 'evaluated');
      const { evaluation, markdown } = await runEvaluation({
        model,
        data,
        target,
        baseline: values.baseline,
        gate: values.gate,
        slices: values.slices,
        latencyRows,
        labels:
          labelFiles.length > 0
            ? { files: labelFiles, key: values.key!, since: values.since === undefined ? undefined : parseSince(values.since, io.now()) }
            : undefined,
        minRows,
        cwd: io.cwd,
        env: withRegistryLocation(io.env, values),
        loadModel,
        ...(values.features.length > 0 ? { features: values.features } : {}),
        clock: () => performance.now(),
        now: io.now,
        onProgress: (rows) => progress.update(rows),
        warn: (line) => io.stderr.write(`mlops evaluate: warning: ${line}\n`),
      });
      const text = values.format === 'json' ? JSON.stringify(evaluation, null, 2) + '\n' : markdown;
      if (values.out) await writeText(resolve(io.cwd, values.out), text);
      else io.stdout.write(text);
      const v = evaluation.verdict;
      const failed = v.results.filter((r) => r.status === 'fail');
      const j = evaluation.labels;
      if (j)
        io.stderr.write(
          `labels joined on ${j.key}: ${j.matched_rows} of ${j.logged_rows} logged rows matched, ${j.unmatched_rows} without a label, ${j.outside_window_rows} outside the window\n`,
        );
      io.stderr.write(
        !gateApplied(evaluation)
          ? `gate not applied: ${evaluation.rows} rows evaluated, fewer than --min-rows ${evaluation.min_rows}${values.out ? `; wrote ${values.out}` : ''}\n`
          : v.passed
            ? `gate passed: ${v.results.filter((r) => r.status === 'pass').length} rules pass on ${formatNumber(evaluation.rows)} rows${values.out ? `; wrote ${values.out}` : ''}\n`
            : `gate failed: ${failed.map((r) => (r.slice ? `${r.rule} @ ${r.slice}` : r.rule) + ` (${r.reason})`).join('; ')}${values.out ? `; wrote ${values.out}` : ''}\n`,
      );
      return v.passed ? 0 : 1;
    },
  });
}

export const evaluateCommand = createEvaluateCommand(loadModel);
