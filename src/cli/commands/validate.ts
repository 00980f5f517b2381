import type { Command } from '../command.ts';
import { listOption, oneOf, parseCommandArgs, requireOption } from '../args.ts';
import { expandDataPaths } from '../../data/read.ts';
import { parseProfile, profileFiles } from '../../profile/profile.ts';
import { validationJson, validationMarkdown } from '../../validation/report.ts';
import { inferRules, inferredHeader, rulesToYaml } from '../../validation/infer.ts';
import { describeTypeDrift, typeDriftColumns } from '../../profile/type-drift.ts';
import { MlopsError } from '../../util/errors.ts';
import { pathExists } from '../../util/fs.ts';
import { resolve } from 'node:path';
import { loadRulesWithReference } from '../../validation/load.ts';
import { validateFiles } from '../../validation/validate.ts';
import { readText, writeText } from '../../util/fs.ts';
import { rowProgress } from '../../report/progress.ts';

const help = `mlops validate: check data against a rules file; or write a starting rules file.

Usage:
  mlops validate --data FILE... --rules rules.yml [--format json|markdown] [--out report]
  mlops validate --infer (--data FILE... | --profile profile.json) --out rules.yml [--key COL]
                 [--reference profile.json] [--force]

Options:
  --data FILE        CSV/TSV, JSONL or Parquet; a glob or repeated flag reads several files as one dataset
  --rules FILE       YAML rules (see docs/validation.md): types, nullability, max null fraction,
                     min/max, allowed values, unique keys, regex, row-count bounds, and comparisons
                     with a reference profile (new categories, range ± tolerance)
  --format F         markdown (default) or json: { ok, rows, violations: [{ rule, column, severity,
                     count, examples }] }
  --out FILE         also write the report (or, with --infer, the rules) to FILE
  --infer            write rules inferred from the data or a profile instead of validating
  --reference FILE   with --infer: add reference-profile rules comparing against FILE
  --key COL          with --infer: a key column (unique, never null); all-distinct columns named
                     like ids (id, user_id, orderId, uuid) are keys without it
  --force            with --infer: replace an existing --out file (without it: exit 2)

Inferred rules hold on fresh data from the same source: numeric min/max (errors) at the
training range widened by max(range, 3·IQR) on each side (not below 0 for a column never
negative), an expected_range warning band at the range widened by 10%; category lists strict
only when small (≤ 20) and every value seen twice, else an "unseen category" warning; null
limits max(2 × observed share, share + 0.02). See docs/validation.md.

Exit codes: 0 no error-level rule broken (warnings allowed), 1 an error-level rule broken, 2 bad input.

Examples:
  mlops validate --data data/train.csv --rules rules.yml
  mlops validate --data 'data/*.parquet' --rules rules.yml --format json > report.json
  mlops validate --infer --data data/train.csv --out rules.yml
`;

export const validateCommand: Command = {
  name: 'validate',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('validate', argv, {
      data: { type: 'string', multiple: true },
      rules: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      infer: { type: 'boolean' },
      profile: { type: 'string' },
      reference: { type: 'string' },
      delimiter: { type: 'string' },
      force: { type: 'boolean' },
      key: { type: 'string', multiple: true },
    });
    const patterns = listOption(values.data);
    if (values.infer) {
      const out = requireOption('validate', values.out, '--out');
      const outFile = resolve(io.cwd, out);
      // Checked before profiling, so a big dataset is not read for nothing.
      if (!values.force && (await pathExists(outFile))) throw new MlopsError(`${out} already exists: refusing to overwrite it (use --force to replace it)`);
      const profile = values.profile
        ? parseProfile(await readText(values.profile), values.profile)
        : await profileFiles(await expandDataPaths(patterns.length ? patterns : [requireOption('validate', undefined, '--data or --profile')], io.cwd), {
            delimiter: values.delimiter,
            now: io.now,
          });
      for (const c of typeDriftColumns(profile)) io.stderr.write(`warning: ${describeTypeDrift(c)} (ruled as a number, so validation flags those cells)\n`);
      const rules = inferRules(profile, { referencePath: values.reference, keys: listOption(values.key) });
      await writeText(outFile, rulesToYaml(rules, inferredHeader(values.profile ?? patterns.join(', '), profile.rows)));
      io.stderr.write(`wrote ${out} with rules for ${profile.columns.length} columns\n`);
      return 0;
    }
    const rulesFile = requireOption('validate', values.rules, '--rules');
    if (patterns.length === 0) requireOption('validate', undefined, '--data');
    const format = oneOf('validate', '--format', values.format, ['json', 'markdown'] as const, 'markdown');
    const { rules, reference } = await loadRulesWithReference(resolve(io.cwd, rulesFile));
    const files = await expandDataPaths(patterns, io.cwd);
    const progress = rowProgress(io.stderr, 'validated');
    const report = await validateFiles(files, rules, { reference, delimiter: values.delimiter, onProgress: (n) => progress.update(n) });
    const text = format === 'json' ? JSON.stringify(validationJson(report), null, 2) + '\n' : validationMarkdown(report);
    io.stdout.write(text);
    if (values.out) await writeText(values.out, text);
    return report.ok ? 0 : 1;
  },
};
