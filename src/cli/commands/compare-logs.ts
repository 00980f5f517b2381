import { defineCommand } from '../define.ts';
import { expandDataPaths } from '../../data/read.ts';
import { compareLogs } from '../../serve/compare-logs.ts';
import { readLabels } from '../../data/labels.ts';
import { compareLogsMarkdown } from '../../serve/compare-logs-report.ts';
import { MlopsError } from '../../util/errors.ts';
import { writeText } from '../../util/fs.ts';

export const compareLogsCommand = defineCommand({
  name: 'compare-logs',
  summary: 'an A/B report from the prediction logs of mlops serve --shadow or --canary.',
  usage: ["mlops compare-logs --logs 'DIR/*.jsonl' [--labels FILE --key COL --target COL] [--format markdown|json]"],
  options: {
    logs: { type: 'list', value: 'GLOB', required: true, description: 'prediction logs (mlops serve --log-predictions); a glob or repeated flag' },
    labels: { type: 'string', value: 'FILE', description: 'arrived labels (CSV/JSONL/Parquet, or a glob) joined to logged rows by --key' },
    key: { type: 'string', value: 'COL', description: 'the column both the logs and the labels hold (a request field such as id)' },
    target: { type: 'string', value: 'COL', description: 'the label column in --labels' },
    format: { type: 'choice', choices: ['markdown', 'json'], default: 'markdown', description: 'the report format' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'also write the report here' },
  },
  text: `With a shadow, every logged row holds both models' outputs: the report gives the agreement
rate, each model's prediction distribution and, with labels, each model's accuracy, f1,
roc_auc and log_loss (rmse, mae, r2, mape for regression) and McNemar's test on the paired
rows (shadow as candidate). With a canary, rows are grouped by the model_version that answered.`,
  examples: [
    "mlops compare-logs --logs 'logs/predictions/*.jsonl'",
    "mlops compare-logs --logs 'logs/*.jsonl' --labels labels.csv --key customer_id --target churned",
  ],
  async run(values, io) {
    if (values.labels && (!values.key || !values.target)) throw new MlopsError('--labels needs --key (the join column) and --target (the label column)');
    if (!values.labels && (values.key || values.target)) throw new MlopsError('--key and --target go with --labels FILE');
    const files = await expandDataPaths(values.logs, io.cwd);
    const labels = values.labels ? await readLabels([values.labels], values.key!, values.target!, io.cwd) : undefined;
    const result = await compareLogs(files, labels);
    const text = values.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : compareLogsMarkdown(result);
    if (values.out) await writeText(values.out, text);
    io.stdout.write(text);
    return 0;
  },
});
