import { defineCommand, requireOption } from '../define.ts';
import { delimiterOption } from '../args.ts';
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

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check data against a rules file; or write a starting rules file.',
  usage: [
    'mlops validate --data FILE... --rules rules.yml [--format json|markdown] [--out report]',
    'mlops validate --infer (--data FILE... | --profile profile.json) --out rules.yml [--key COL]',
    '               [--reference profile.json] [--force]',
  ],
  options: {
    data: { type: 'list', value: 'FILE', description: 'CSV/TSV, JSONL or Parquet; a glob or repeated flag reads several files as one dataset' },
    rules: {
      type: 'string',
      value: 'FILE',
      description:
        'YAML rules (see docs/validation.md): types, nullability, max null fraction, min/max, allowed values, unique keys, regex, row-count bounds, and comparisons with a reference profile (new categories, range ± tolerance); for text min_length, max_length, max_empty_fraction and pattern',
    },
    format: {
      type: 'choice',
      choices: ['json', 'markdown'],
      default: 'markdown',
      description: 'the report: markdown, or json: { ok, rows, violations: [{ rule, column, severity, count, examples }] }',
    },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'also write the report (or, with --infer, the rules) to FILE' },
    ...delimiterOption,
    infer: { type: 'boolean', description: 'write rules inferred from the data or a profile instead of validating', group: 'Writing rules (--infer)' },
    profile: {
      type: 'string',
      value: 'FILE',
      description: 'with --infer: infer from this profile (from mlops profile) instead of --data',
      group: 'Writing rules (--infer)',
    },
    reference: {
      type: 'string',
      value: 'FILE',
      description: 'with --infer: add reference-profile rules comparing against FILE',
      group: 'Writing rules (--infer)',
    },
    key: {
      type: 'list',
      value: 'COL',
      description: 'with --infer: a key column (unique, never null); all-distinct columns named like ids (id, user_id, orderId, uuid) are keys without it',
      group: 'Writing rules (--infer)',
    },
    force: { type: 'boolean', description: 'with --infer: replace an existing --out file (without it: exit 2)', group: 'Writing rules (--infer)' },
  },
  text: `Inferred rules hold on fresh data from the same source: numeric min/max (errors) at the
training range widened by max(range, 3·IQR) on each side (not below 0 for a column never
negative), an expected_range warning band at the range widened by 10%; category lists strict
only when small (≤ 20) and every value seen twice, else an "unseen category" warning; null
limits max(2 × observed share, share + 0.02). See docs/validation.md.

Exit codes: 0 no error-level rule broken (warnings allowed), 1 an error-level rule broken, 2 bad input.`,
  examples: [
    'mlops validate --data data/train.csv --rules rules.yml',
    "mlops validate --data 'data/*.parquet' --rules rules.yml --format json > report.json",
    'mlops validate --infer --data data/train.csv --out rules.yml',
  ],
  async run(values, io) {
    const patterns = values.data;
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
      const rules = inferRules(profile, { referencePath: values.reference, keys: values.key });
      await writeText(outFile, rulesToYaml(rules, inferredHeader(values.profile ?? patterns.join(', '), profile.rows)));
      io.stderr.write(`wrote ${out} with rules for ${profile.columns.length} columns\n`);
      return 0;
    }
    const rulesFile = requireOption('validate', values.rules, '--rules');
    if (patterns.length === 0) requireOption('validate', undefined, '--data');
    const { rules, reference } = await loadRulesWithReference(resolve(io.cwd, rulesFile));
    const files = await expandDataPaths(patterns, io.cwd);
    const progress = rowProgress(io.stderr, 'validated');
    const report = await validateFiles(files, rules, { reference, delimiter: values.delimiter, onProgress: (n) => progress.update(n) });
    const text = values.format === 'json' ? JSON.stringify(validationJson(report), null, 2) + '\n' : validationMarkdown(report);
    io.stdout.write(text);
    if (values.out) await writeText(values.out, text);
    return report.ok ? 0 : 1;
  },
});
