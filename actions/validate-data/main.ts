import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { expandDataPaths } from '../../src/data/read.ts';
import { validationJson, validationMarkdown } from '../../src/validation/report.ts';
import { loadRulesWithReference } from '../../src/validation/load.ts';
import { validationAnnotations } from '../../src/validation/annotations.ts';
import { validateFiles } from '../../src/validation/validate.ts';
import { emitAnnotation } from '../../src/github/annotations.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';
import { booleanInput, choiceInput, input, listInput, runAction } from '../../src/github/action.ts';

await runAction(async () => {
  const patterns = listInput('data');
  const rulesFile = input('rules');
  const failOn = choiceInput('fail-on', ['error', 'warning', 'never'] as const, 'error');
  const reportPath = input('report-path', 'mlops-validation.md');
  const jsonPath = input('json-path', 'mlops-validation.json');

  const { rules, reference } = await loadRulesWithReference(rulesFile);
  const files = await expandDataPaths(patterns.length ? patterns : [input('data')]);
  core.info(`validating ${files.length} file(s) against ${rulesFile}`);
  const report = await validateFiles(files, rules, { reference });
  const markdown = validationMarkdown(report);
  await writeText(reportPath, markdown);
  await writeJson(jsonPath, validationJson(report));
  if (booleanInput('summary', true)) await core.summary.addRaw(markdown).write();

  core.setOutput('ok', String(report.ok));
  core.setOutput('violations', String(report.violations.length));
  core.setOutput('errors', String(report.errors));
  core.setOutput('rows', String(report.rows));
  core.setOutput('report-path', reportPath);
  core.setOutput('json-path', jsonPath);
  for (const a of validationAnnotations(report, { file: rulesFile, text: await readFile(rulesFile, 'utf8') })) emitAnnotation(a);
  const failed = failOn === 'error' ? report.errors > 0 : failOn === 'warning' ? report.violations.length > 0 : false;
  if (failed) core.setFailed(`data validation failed: ${report.errors} error(s), ${report.warnings} warning(s); see the job summary`);
});
