import { performance } from 'node:perf_hooks';
import { REGISTRY_LOCATION_HELP, registryLocationOptions, withRegistryLocation } from '../registry-flags.ts';
import type { Command } from '../command.ts';
import { listOption, oneOf, parseCommandArgs, positiveInteger, requireOption } from '../args.ts';
import { rowProgress } from '../../report/progress.ts';
import { DEFAULT_PREDICT_BATCH } from '../../predict/predict.ts';
import { runPredict } from '../../predict/run.ts';
import { predictMarkdown } from '../../predict/summary.ts';
import { formatNumber } from '../../report/markdown.ts';
import { writeJson } from '../../util/fs.ts';

const help = `mlops predict: score a data file with a model (batch inference), streaming in and out.

Usage:
  mlops predict --model MODEL --data IN --out OUT [--keys id,customer_id] [--rejects FILE]

Options:
  --model MODEL       registry:NAME#production (or #staging, @VERSION) or a model.onnx file
  --data IN           CSV, JSONL or Parquet file or glob (several files need --out to be a folder)
  --out OUT           output file; the format follows the extension (.csv, .jsonl, .parquet).
                      With several input files, a folder: one NAME.predictions.FORMAT per input
  --out-format F      csv, jsonl or parquet when --out is a folder (default: the input's format)
  --keys LIST         input columns copied to the output to join predictions back
                      (default: columns named id or key; with none, a "row" column holds the
                      1-based row number)
  --rejects FILE      JSONL file of rows that could not be scored, each with its file, row
                      number, reason and values (default: OUT.rejects.jsonl; always written;
                      a folder when there are several input files)
  --batch-size N      rows per model call (default ${DEFAULT_PREDICT_BATCH})
  --reject-unknown-categories
                      reject rows whose category the model never saw (default: score them;
                      the model encodes an unseen category as all zeros)
  --format F          the summary on stdout: markdown (default) or json
  --summary FILE      also write the JSON summary here
  --delimiter C       CSV delimiter (default: detected)

Output columns: the keys (or row), prediction, prob_<class> for each class of a classifier,
model and model_version. Every input row is either in the output or in the rejects file:
a missing value (for a model that does not impute), a value that is not a number or integer
where the model needs one, an unknown category with --reject-unknown-categories, or a row the
model refuses. A progress line with rows/s goes to stderr at most every 2 seconds.

Outputs are written to a temporary file beside them and renamed when complete: a failed or
stopped run leaves the previous output intact. An --out or --rejects that is (or links to) an
input is refused (exit 2). Rows with a non-finite score (NaN probabilities) are rejected.

${REGISTRY_LOCATION_HELP}
Exit codes: 0 every row scored, 1 some rows were rejected (outputs are still written and
complete for the other rows), 2 bad usage or input (unreadable model or data, missing
feature column, missing key column).

Examples:
  mlops predict --model registry:churn#production --data data/current.csv --out predictions.csv --keys customer_id
  mlops predict --model model.onnx --data scores.parquet --out out/scores.parquet --format json
  mlops predict --model model.onnx --data 'incoming/*.jsonl' --out predictions/ --out-format parquet
`;

export const predictCommand: Command = {
  name: 'predict',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('predict', argv, {
      ...registryLocationOptions,
      model: { type: 'string' },
      data: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      'out-format': { type: 'string' },
      keys: { type: 'string', multiple: true },
      rejects: { type: 'string' },
      'batch-size': { type: 'string' },
      'reject-unknown-categories': { type: 'boolean' },
      format: { type: 'string' },
      summary: { type: 'string' },
      delimiter: { type: 'string' },
    });
    const model = requireOption('predict', values.model, '--model');
    const data = listOption(values.data);
    if (data.length === 0) requireOption('predict', undefined, '--data');
    const out = requireOption('predict', values.out, '--out');
    const format = oneOf('predict', '--format', values.format, ['markdown', 'json'] as const, 'markdown');
    const outFormat = values['out-format'] === undefined ? undefined : oneOf('predict', '--out-format', values['out-format'], ['csv', 'jsonl', 'parquet'] as const, 'csv');
    const batchSize = values['batch-size'] === undefined ? undefined : positiveInteger('--batch-size', values['batch-size']);
    const progress = rowProgress(io.stderr, 'scored');
    const summary = await runPredict({
      model,
      data,
      out,
      outFormat,
      rejects: values.rejects,
      keys: values.keys === undefined ? undefined : listOption(values.keys),
      batchSize,
      rejectUnknownCategories: values['reject-unknown-categories'] ?? false,
      delimiter: values.delimiter,
      cwd: io.cwd,
      env: withRegistryLocation(io.env, values),
      clock: () => performance.now(),
      onProgress: (rows) => progress.update(rows),
    });
    if (values.summary) await writeJson(values.summary, summary);
    io.stdout.write(format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : predictMarkdown(summary));
    io.stderr.write(
      `${formatNumber(summary.rows)} rows in, ${formatNumber(summary.predicted)} predicted, ${formatNumber(summary.rejected)} rejected` +
        ` (${formatNumber(Math.round(summary.rows_per_second))} rows/s)` +
        (summary.rejected > 0 ? `; rejects: ${summary.files.filter((f) => f.rejected > 0).map((f) => f.rejects).join(', ')}` : '') +
        '\n',
    );
    return summary.rejected > 0 ? 1 : 0;
  },
};
