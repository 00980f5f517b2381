import { performance } from 'node:perf_hooks';
import { REGISTRY_ENV_HELP, registryLocationOptions, withRegistryLocation } from '../registry-flags.ts';
import { defineCommand } from '../define.ts';
import { delimiterOption, featuresOption } from '../args.ts';
import { rowProgress } from '../../report/progress.ts';
import { DEFAULT_PREDICT_BATCH } from '../../predict/predict.ts';
import { runPredict } from '../../predict/run.ts';
import { predictMarkdown } from '../../predict/summary.ts';
import { formatNumber } from '../../report/markdown.ts';
import { writeJson } from '../../util/fs.ts';

export const predictCommand = defineCommand({
  name: 'predict',
  summary: 'score a data file with a model (batch inference), streaming in and out.',
  usage: ['mlops predict --model MODEL --data IN --out OUT [--keys id,customer_id] [--rejects FILE]'],
  options: {
    model: { type: 'string', value: 'MODEL', required: true, description: 'registry:NAME#production (or #staging, @VERSION) or a model.onnx file' },
    data: { type: 'list', value: 'IN', required: true, description: 'CSV, JSONL or Parquet file or glob (several files need --out to be a folder)' },
    out: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      required: true,
      description:
        'output file; the format follows the extension (.csv, .jsonl, .parquet). With several input files, a folder: one NAME.predictions.FORMAT per input',
    },
    'out-format': { type: 'choice', choices: ['csv', 'jsonl', 'parquet'], description: "the format when --out is a folder (default: the input's format)" },
    keys: {
      type: 'list',
      value: 'LIST',
      description:
        'input columns copied to the output to join predictions back (default: columns named id or key; with none, a "row" column holds the 1-based row number)',
    },
    rejects: {
      type: 'string',
      value: 'FILE',
      description:
        'JSONL file of rows that could not be scored, each with its file, row number, reason and values (default: OUT.rejects.jsonl; always written; a folder when there are several input files)',
    },
    'batch-size': { type: 'integer', range: { min: 1 }, default: DEFAULT_PREDICT_BATCH, description: 'rows per model call' },
    'reject-unknown-categories': {
      type: 'boolean',
      description: 'reject rows whose category the model never saw (default: score them; the model encodes an unseen category as all zeros)',
    },
    format: { type: 'choice', choices: ['markdown', 'json'], default: 'markdown', description: 'the summary on stdout' },
    summary: { type: 'string', value: 'FILE', description: 'also write the JSON summary here' },
    ...featuresOption,
    ...delimiterOption,
    ...registryLocationOptions,
  },
  text: `Output columns: the keys (or row), prediction, prob_<class> for each class of a classifier,
model and model_version. Every input row is either in the output or in the rejects file:
a missing value (for a model that does not impute), a value that is not a number or integer
where the model needs one, an unknown category with --reject-unknown-categories, or a row the
model refuses. A progress line with rows/s goes to stderr at most every 2 seconds.

Outputs are written to a temporary file beside them and renamed when complete: a failed or
stopped run leaves the previous output intact. An --out or --rejects that is (or links to) an
input is refused (exit 2). Rows with a non-finite score (NaN probabilities) are rejected.

${REGISTRY_ENV_HELP}

Exit codes: 0 every row scored, 1 some rows were rejected (outputs are still written and
complete for the other rows), 2 bad usage or input (unreadable model or data, missing
feature column, missing key column).`,
  examples: [
    'mlops predict --model registry:churn#production --data data/current.csv --out predictions.csv --keys customer_id',
    'mlops predict --model model.onnx --data scores.parquet --out out/scores.parquet --format json',
    "mlops predict --model model.onnx --data 'incoming/*.jsonl' --out predictions/ --out-format parquet",
  ],
  async run(values, io) {
    const progress = rowProgress(io.stderr, 'scored');
    const summary = await runPredict({
      model: values.model,
      data: values.data,
      out: values.out,
      outFormat: values['out-format'],
      rejects: values.rejects,
      keys: values.keys.length === 0 ? undefined : values.keys,
      batchSize: values['batch-size'],
      rejectUnknownCategories: values['reject-unknown-categories'],
      delimiter: values.delimiter,
      ...(values.features.length > 0 ? { features: values.features } : {}),
      cwd: io.cwd,
      env: withRegistryLocation(io.env, values),
      clock: () => performance.now(),
      onProgress: (rows) => progress.update(rows),
    });
    if (values.summary) await writeJson(values.summary, summary);
    io.stdout.write(values.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : predictMarkdown(summary));
    io.stderr.write(
      `${formatNumber(summary.rows)} rows in, ${formatNumber(summary.predicted)} predicted, ${formatNumber(summary.rejected)} rejected` +
        ` (${formatNumber(Math.round(summary.rows_per_second))} rows/s)` +
        (summary.rejected > 0
          ? `; rejects: ${summary.files
              .filter((f) => f.rejected > 0)
              .map((f) => f.rejects)
              .join(', ')}`
          : '') +
        '\n',
    );
    return summary.rejected > 0 ? 1 : 0;
  },
});
