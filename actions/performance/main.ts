import * as core from '@actions/core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEvaluation } from '../../src/evaluate/run.ts';
import { parseSince } from '../../src/evaluate/label-join.ts';
import { gateApplied } from '../../src/evaluate/verdict.ts';
import { loadModel } from '../../src/model/runtime.ts';
import {
  booleanInput,
  ensureActionRuntime,
  input,
  integerInput,
  listInput,
  optionalInput,
  runAction,
  secretInput,
  writeOutputs,
} from '../../src/github/action.ts';
import { alertOnGitHub, modelNameInput, readAlertSettings } from '../../src/github/alert-inputs.ts';
import { reportPerformanceOnGitHub } from '../../src/alerts/performance-issue.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';
import { MlopsError } from '../../src/util/errors.ts';

/** Every input, read and checked before the runtime is installed or any data is read. */
function readPerformanceSettings(env: NodeJS.ProcessEnv) {
  const reference = input('model');
  const data = listInput('data');
  if (data.length === 0) input('data');
  const labels = listInput('labels');
  const key = optionalInput('key');
  if (labels.length > 0 && !key) throw new MlopsError('input "key" is required with "labels": the column that joins labels to the logged rows');
  const since = optionalInput('since');
  return {
    reference,
    data,
    target: input('target'),
    gate: optionalInput('gate'),
    slices: listInput('slices'),
    labels: labels.length > 0 ? { files: labels, key: key!, since: since === undefined ? undefined : parseSince(since, new Date()) } : undefined,
    minRows: integerInput('min-rows', { min: 0 }) ?? 100,
    model: modelNameInput('name', reference, env),
    token: secretInput('token'),
    failOnFailure: booleanInput('fail-on-failure', false),
    alert: readAlertSettings(env),
  };
}

await runAction(async () => {
  const env = process.env;
  const settings = readPerformanceSettings(env);
  const { model } = settings;
  await ensureActionRuntime('evaluate', dirname(fileURLToPath(import.meta.url)));

  const { evaluation, markdown } = await runEvaluation({
    model: settings.reference,
    data: settings.data,
    target: settings.target,
    gate: settings.gate,
    slices: settings.slices,
    labels: settings.labels,
    minRows: settings.minRows,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env: { ...env, GITHUB_TOKEN: settings.token },
    loadModel,
    clock: () => performance.now(),
    now: () => new Date(),
    warn: core.warning,
  });
  const judged = gateApplied(evaluation);
  const status = !judged ? 'skipped' : evaluation.verdict.passed ? 'pass' : 'fail';
  const heading = `## Performance — ${model}: ${status === 'fail' ? '⚠️ below the gate' : status === 'pass' ? 'within the gate' : 'not judged (too few labelled rows)'}\n\n`;
  const report = heading + markdown;
  const dir = env.RUNNER_TEMP ?? process.cwd();
  const reportPath = join(dir, 'performance-report.md');
  const resultPath = join(dir, 'performance.json');
  await writeText(reportPath, report);
  await writeJson(resultPath, evaluation);
  await core.summary.addRaw(report).write();

  // Not judged (too few labelled rows): the issue stays as it is.
  const { issueNumber, dispatched } = judged
    ? await alertOnGitHub(env, settings.alert, { check: 'performance', failing: status === 'fail' }, (context) =>
        reportPerformanceOnGitHub({ ...context, model, evaluation, markdown: report }),
      )
    : { issueNumber: '', dispatched: false };
  if (!judged)
    core.notice(`${evaluation.rows} labelled rows, fewer than min-rows ${evaluation.min_rows}: performance not judged`, { title: 'performance drift' });

  writeOutputs({
    status,
    passed: judged ? String(evaluation.verdict.passed) : '',
    rows: String(evaluation.rows),
    report: reportPath,
    result: resultPath,
    'issue-number': issueNumber,
    dispatched: String(dispatched),
  });
  const failed = evaluation.verdict.results.filter((r) => r.status === 'fail');
  for (const r of failed) core.warning(`${r.rule}${r.slice ? ` @ ${r.slice}` : ''}: ${r.reason}`, { title: 'performance drift' });
  if (status === 'fail' && settings.failOnFailure) core.setFailed(`the model failed ${failed.length} gate rules on ${evaluation.rows} labelled rows`);
});
