import type { Command } from '../command.ts';
import { listOption, oneOf, parseCommandArgs, requireOption } from '../args.ts';
import { expandDataPaths } from '../../data/read.ts';
import { parseProfile, profileFiles } from '../../profile/profile.ts';
import { validationJson, validationMarkdown } from '../../report/validation-report.ts';
import { inferRules, rulesToYaml } from '../../validation/infer.ts';
import { loadRulesWithReference } from '../../validation/load.ts';
import { validateFiles } from '../../validation/validate.ts';
import { readText, writeText } from '../../util/fs.ts';
import { rowProgress } from '../progress.ts';

const help = `mlops validate: check data against a rules file; or write a starting rules file.

Usage:
  mlops validate --data FILE... --rules rules.yml [--format json|markdown] [--out report]
  mlops validate --infer (--data FILE... | --profile profile.json) --out rules.yml [--reference profile.json]

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

Exit codes: 0 no error-level rule broken (warnings allowed), 1 an error-level rule broken, 2 bad input.

Examples:
  mlops validate --data data/train.csv --rules rules.yml
  mlops validate --data 'data/*.parquet' --rules rules.yml --format json > report.json
  mlops validate --infer --data data/train.csv --out rules.yml
`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate data against a rules file (or infer rules from a profile)',
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
    });
    const patterns = listOption(values.data);
    if (values.infer) {
      const out = requireOption('validate', values.out, '--out');
      const profile = values.profile
        ? parseProfile(await readText(values.profile), values.profile)
        : await profileFiles(await expandDataPaths(patterns.length ? patterns : [requireOption('validate', undefined, '--data or --profile')], io.cwd), {
            delimiter: values.delimiter,
            now: io.now,
          });
      const rules = inferRules(profile, values.reference);
      await writeText(out, rulesToYaml(rules, `# Inferred by mlops validate --infer from ${values.profile ?? patterns.join(', ')} (${profile.rows} rows).\n# Review it: loosen ranges and null limits to what the data may legitimately do.\n`));
      io.stderr.write(`wrote ${out} with rules for ${profile.columns.length} columns\n`);
      return 0;
    }
    const rulesFile = requireOption('validate', values.rules, '--rules');
    if (patterns.length === 0) requireOption('validate', undefined, '--data');
    const format = oneOf('validate', '--format', values.format, ['json', 'markdown'] as const, 'markdown');
    const { rules, reference } = await loadRulesWithReference(rulesFile);
    const files = await expandDataPaths(patterns, io.cwd);
    const progress = rowProgress(io.stderr, 'validated');
    const report = await validateFiles(files, rules, { reference, delimiter: values.delimiter, onProgress: (n) => progress.update(n) });
    const text = format === 'json' ? JSON.stringify(validationJson(report), null, 2) + '\n' : validationMarkdown(report);
    io.stdout.write(text);
    if (values.out) await writeText(values.out, text);
    return report.ok ? 0 : 1;
  },
};
