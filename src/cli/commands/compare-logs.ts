import type { Command } from '../command.ts';
import { listOption, oneOf, parseCommandArgs, requireOption } from '../args.ts';
import { expandDataPaths } from '../../data/read.ts';
import { compareLogs } from '../../serve/compare-logs.ts';
import { readLabels } from '../../data/labels.ts';
import { compareLogsMarkdown } from '../../serve/compare-logs-report.ts';
import { MlopsError } from '../../util/errors.ts';
import { writeText } from '../../util/fs.ts';

const help = `mlops compare-logs: an A/B report from the prediction logs of mlops serve --shadow or --canary.

Usage:
  mlops compare-logs --logs 'DIR/*.jsonl' [--labels FILE --key COL --target COL] [--format markdown|json]

Options:
  --logs GLOB       prediction logs (mlops serve --log-predictions); a glob or repeated flag
  --labels FILE     arrived labels (CSV/JSONL/Parquet, or a glob) joined to logged rows by --key
  --key COL         the column both the logs and the labels hold (a request field such as id)
  --target COL      the label column in --labels
  --format F        markdown (default) or json
  --out FILE        also write the report here

With a shadow, every logged row holds both models' outputs: the report gives the agreement
rate, each model's prediction distribution and, with labels, each model's accuracy, f1,
roc_auc and log_loss (rmse, mae, r2, mape for regression) and McNemar's test on the paired
rows (shadow as candidate). With a canary, rows are grouped by the model_version that answered.

Examples:
  mlops compare-logs --logs 'logs/predictions/*.jsonl'
  mlops compare-logs --logs 'logs/*.jsonl' --labels labels.csv --key customer_id --target churned
`;

export const compareLogsCommand: Command = {
  name: 'compare-logs',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('compare-logs', argv, {
      logs: { type: 'string', multiple: true },
      labels: { type: 'string' },
      key: { type: 'string' },
      target: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
    });
    const patterns = listOption(values.logs);
    if (patterns.length === 0) requireOption('compare-logs', undefined, '--logs');
    const format = oneOf('compare-logs', '--format', values.format, ['markdown', 'json'] as const, 'markdown');
    if (values.labels && (!values.key || !values.target)) throw new MlopsError('--labels needs --key (the join column) and --target (the label column)');
    if (!values.labels && (values.key || values.target)) throw new MlopsError('--key and --target go with --labels FILE');
    const files = await expandDataPaths(patterns, io.cwd);
    const labels = values.labels ? await readLabels([values.labels], values.key!, values.target!, io.cwd) : undefined;
    const result = await compareLogs(files, labels);
    const text = format === 'json' ? JSON.stringify(result, null, 2) + '\n' : compareLogsMarkdown(result);
    if (values.out) await writeText(values.out, text);
    io.stdout.write(text);
    return 0;
  },
};
