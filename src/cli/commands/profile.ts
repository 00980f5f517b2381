import type { Command } from '../command.ts';
import { defineCommand } from '../define.ts';
import { delimiterOption, readLimitOptions, readLimits } from '../args.ts';
import { expandDataPaths } from '../../data/read.ts';
import { mergeProfiles, parseProfile, profileFiles } from '../../profile/profile.ts';
import { profileMarkdown } from '../../profile/report.ts';
import { describeTypeDrift, typeDriftColumns } from '../../profile/type-drift.ts';
import { readText, writeJson } from '../../util/fs.ts';
import { rowProgress } from '../../report/progress.ts';
import { MlopsError } from '../../util/errors.ts';

const USAGE = ['mlops profile --data FILE... [--out profile.json] [--format json|markdown]', 'mlops profile merge A.json B.json... --out all.json'];

const profile = defineCommand({
  name: 'profile',
  summary: "infer a dataset's schema and per-column statistics into a mergeable profile.",
  usage: USAGE,
  options: {
    data: {
      type: 'list',
      value: 'FILE',
      required: true,
      description: 'CSV/TSV, JSONL or Parquet (.gz for text); a glob or repeated flag reads several files as one dataset',
    },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'write the profile JSON here (default: print to stdout)' },
    format: {
      type: 'choice',
      choices: ['json', 'markdown'],
      description: 'what to print: json (default when no --out) or markdown (a summary table; the default with --out)',
    },
    ...delimiterOption,
    ...readLimitOptions,
  },
  text: `A profile holds, per column: type (number, integer, boolean, category, string, datetime),
nulls, distinct count (exact up to 1,000 values, HyperLogLog beyond), min/max/mean/std,
quantiles and histogram from a t-digest, and top categories (values over 200 characters are
stored truncated, with their length and a hash). Memory grows with columns × sketch size, not
with rows (docs/profile.md). Profiles of shards merge into the profile of the whole (within
sketch error), so big data can be profiled in a matrix: mlops profile merge (see mlops profile merge --help).`,
  examples: [
    'mlops profile --data data/train.csv --out profile.json',
    "mlops profile --data 'logs/*.jsonl' --format markdown",
    'mlops profile merge shard-*.json --out all.json',
  ],
  async run(values, io) {
    const format = values.format ?? (values.out ? 'markdown' : 'json');
    const files = await expandDataPaths(values.data, io.cwd);
    const progress = rowProgress(io.stderr, 'profiled');
    const result = await profileFiles(files, { delimiter: values.delimiter, ...readLimits(values), onProgress: (rows) => progress.update(rows), now: io.now });
    for (const c of typeDriftColumns(result)) io.stderr.write(`warning: ${describeTypeDrift(c)}\n`);
    if (values.out) {
      await writeJson(values.out, result);
      io.stderr.write(`wrote ${values.out}: ${result.rows} rows, ${result.columns.length} columns in ${progress.elapsedSeconds().toFixed(1)}s\n`);
    }
    if (format === 'markdown') io.stdout.write(profileMarkdown(result));
    else if (!values.out) io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  },
});

const merge = defineCommand({
  name: 'profile merge',
  summary: 'merge the profiles of shards into the profile of the whole (within sketch error).',
  usage: ['mlops profile merge A.json B.json... [--out all.json]'],
  positionals: [{ name: 'PROFILE...', description: 'profile JSON files from mlops profile' }],
  options: { out: { type: 'string', short: 'o', value: 'FILE', description: 'write the merged profile here (default: print to stdout)' } },
  examples: ['mlops profile merge shard-*.json --out all.json'],
  async run(values, io, positionals) {
    if (positionals.length === 0) throw new MlopsError('give the profile files to merge (see mlops profile --help)');
    const profiles = await Promise.all(positionals.map(async (f) => parseProfile(await readText(f), f)));
    const merged = mergeProfiles(profiles, io.now());
    if (values.out) {
      await writeJson(values.out, merged);
      io.stderr.write(`wrote ${values.out}: ${merged.rows} rows from ${profiles.length} profiles\n`);
    } else io.stdout.write(JSON.stringify(merged, null, 2) + '\n');
    return 0;
  },
});

export const profileCommand: Command = {
  name: 'profile',
  help: profile.help,
  subcommands: [profile, merge],
  helpFor: (argv) => (argv[0] === 'merge' ? merge.help : profile.help),
  run: (argv, io) => (argv[0] === 'merge' ? merge.run(argv.slice(1), io) : profile.run(argv, io)),
};
