import type { Command } from '../command.ts';
import { READ_LIMIT_HELP, READ_LIMIT_OPTIONS, listOption, oneOf, parseCommandArgs, readLimits, requireOption } from '../args.ts';
import { expandDataPaths } from '../../data/read.ts';
import { mergeProfiles, parseProfile, profileFiles } from '../../profile/profile.ts';
import { profileMarkdown } from '../../profile/report.ts';
import { describeTypeDrift, typeDriftColumns } from '../../profile/type-drift.ts';
import { readText, writeJson } from '../../util/fs.ts';
import { rowProgress } from '../../report/progress.ts';
import { MlopsError } from '../../util/errors.ts';

const help = `mlops profile: infer a dataset's schema and per-column statistics into a mergeable profile.

Usage:
  mlops profile --data FILE... [--out profile.json] [--format json|markdown]
  mlops profile merge A.json B.json... --out all.json

Options:
  --data FILE      CSV/TSV, JSONL or Parquet (.gz for text); a glob or repeated flag reads
                   several files as one dataset
  --out FILE       write the profile JSON here (default: print to stdout)
  --format F       what to print: json (default when no --out) or markdown (a summary table)
  --delimiter C    CSV delimiter (default: detected from the header line)
${READ_LIMIT_HELP}

A profile holds, per column: type (number, integer, boolean, category, string, datetime),
nulls, distinct count (exact up to 1,000 values, HyperLogLog beyond), min/max/mean/std,
quantiles and histogram from a t-digest, and top categories (values over 200 characters are
stored truncated, with their length and a hash). Memory grows with columns × sketch size, not
with rows (docs/profile.md). Profiles of shards merge into the profile of the whole (within
sketch error), so big data can be profiled in a matrix:

Examples:
  mlops profile --data data/train.csv --out profile.json
  mlops profile --data 'logs/*.jsonl' --format markdown
  mlops profile merge shard-*.json --out all.json
`;

export const profileCommand: Command = {
  name: 'profile',
  help,
  async run(argv, io) {
    if (argv[0] === 'merge') return merge(argv.slice(1), io);
    const { values } = parseCommandArgs('profile', argv, {
      data: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      format: { type: 'string' },
      delimiter: { type: 'string' },
      ...READ_LIMIT_OPTIONS,
    });
    const patterns = listOption(values.data);
    if (patterns.length === 0) requireOption('profile', undefined, '--data');
    const format = oneOf('profile', '--format', values.format, ['json', 'markdown'] as const, values.out ? 'markdown' : 'json');
    const limits = readLimits(values);
    const files = await expandDataPaths(patterns, io.cwd);
    const progress = rowProgress(io.stderr, 'profiled');
    const profile = await profileFiles(files, { delimiter: values.delimiter, ...limits, onProgress: (rows) => progress.update(rows), now: io.now });
    for (const c of typeDriftColumns(profile)) io.stderr.write(`warning: ${describeTypeDrift(c)}\n`);
    if (values.out) {
      await writeJson(values.out, profile);
      io.stderr.write(`wrote ${values.out}: ${profile.rows} rows, ${profile.columns.length} columns in ${progress.elapsedSeconds().toFixed(1)}s\n`);
    }
    if (format === 'markdown') io.stdout.write(profileMarkdown(profile));
    else if (!values.out) io.stdout.write(JSON.stringify(profile, null, 2) + '\n');
    return 0;
  },
};

async function merge(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const { values, positionals } = parseCommandArgs('profile merge', argv, { out: { type: 'string', short: 'o' } }, true);
  if (positionals.length === 0) throw new MlopsError('give the profile files to merge (see mlops profile --help)');
  const profiles = await Promise.all(positionals.map(async (f) => parseProfile(await readText(f), f)));
  const merged = mergeProfiles(profiles, io.now());
  if (values.out) {
    await writeJson(values.out, merged);
    io.stderr.write(`wrote ${values.out}: ${merged.rows} rows from ${profiles.length} profiles\n`);
  } else io.stdout.write(JSON.stringify(merged, null, 2) + '\n');
  return 0;
}
