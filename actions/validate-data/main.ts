import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { expandDataPaths } from '../../src/data/read.ts';
import { validationJson, validationMarkdown } from '../../src/validation/report.ts';
import { loadRulesWithReference } from '../../src/validation/load.ts';
import { validationAnnotations } from '../../src/validation/annotations.ts';
import { validateFiles } from '../../src/validation/validate.ts';
import { emitAnnotation } from '../../src/github/annotations.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';
import { booleanInput, choiceInput, input, listInput, runAction, writeOutputs } from '../../src/github/action.ts';

/** Every input, read and checked before the rules or any data are read. */
function readValidateSettings() {
  const patterns = listInput('data');
  return {
    patterns: patterns.length ? patterns : [input('data')],
    rulesFile: input('rules'),
    failOn: choiceInput('fail-on', ['error', 'warning', 'never'] as const, 'error'),
    reportPath: input('report-path', 'mlops-validation.md'),
    jsonPath: input('json-path', 'mlops-validation.json'),
    summary: booleanInput('summary', true),
  };
}

await runAction(async () => {
  const { patterns, rulesFile, failOn, reportPath, jsonPath, summary } = readValidateSettings();
  const { rules, reference } = await loadRulesWithReference(rulesFile);
  const files = await expandDataPaths(patterns);
  core.info(`validating ${files.length} file(s) against ${rulesFile}`);
  const report = await validateFiles(files, rules, { reference });
  const markdown = validationMarkdown(report);
  await writeText(reportPath, markdown);
  await writeJson(jsonPath, validationJson(report));
  if (summary) await core.summary.addRaw(markdown).write();

  writeOutputs({
    ok: String(report.ok),
    violations: String(report.violations.length),
    errors: String(report.errors),
    rows: String(report.rows),
    'report-path': reportPath,
    'json-path': jsonPath,
  });
  for (const a of validationAnnotations(report, { file: rulesFile, text: await readFile(rulesFile, 'utf8') })) emitAnnotation(a);
  const failed = failOn === 'error' ? report.errors > 0 : failOn === 'warning' ? report.violations.length > 0 : false;
  if (failed) core.setFailed(`data validation failed: ${report.errors} error(s), ${report.warnings} warning(s); see the job summary`);
});
