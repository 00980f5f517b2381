import * as core from '@actions/core';
import { join } from 'node:path';
import { runDriftCheck } from '../../src/drift/check.ts';
import { EXACT_MODES } from '../../src/drift/exact/samples.ts';
import { METHOD_CHOICES } from '../../src/drift/methods.ts';
import { booleanInput, choiceInput, input, listInput, optionalInput, runAction } from '../../src/github/action.ts';
import { reportDriftOnGitHub } from '../../src/alerts/drift-issue.ts';
import { alertOnGitHub, dispatchInput, modelNameInput, numberInput } from '../../src/github/alert-inputs.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';

await runAction(async () => {
  const env = process.env;
  const reference = listInput('reference');
  if (reference.length === 0) input('reference');
  const current = listInput('current');
  if (current.length === 0) input('current');
  const model = modelNameInput('model', reference[0], env);
  const dispatch = dispatchInput(env);

  const { result, markdown } = await runDriftCheck({
    reference,
    current,
    columns: listInput('columns'),
    method: choiceInput('method', METHOD_CHOICES, 'auto'),
    threshold: numberInput('threshold', (x) => x > 0),
    exact: choiceInput('exact', EXACT_MODES, 'auto'),
    driftShare: numberInput('drift-share', (x) => x >= 0 && x <= 1),
    config: optionalInput('config'),
    model,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    now: () => new Date(),
  });
  const dir = env.RUNNER_TEMP ?? process.cwd();
  const reportPath = join(dir, 'drift-report.md');
  const resultPath = join(dir, 'drift.json');
  await writeText(reportPath, markdown);
  await writeJson(resultPath, result);
  await core.summary.addRaw(markdown).write();

  const { issueNumber, dispatched } = await alertOnGitHub(env, { check: 'drift', failing: result.dataset_drift, dispatch }, (context) =>
    reportDriftOnGitHub({ ...context, model, result, markdown }),
  );

  core.setOutput('drift', String(result.dataset_drift));
  core.setOutput('share-drifted', String(result.share_drifted));
  core.setOutput('drifted-columns', result.drifted_columns.join(','));
  core.setOutput('report', reportPath);
  core.setOutput('result', resultPath);
  core.setOutput('issue-number', issueNumber);
  core.setOutput('dispatched', String(dispatched));
  if (result.dataset_drift && booleanInput('fail-on-drift', false)) core.setFailed(`dataset drift: ${result.drifted_columns.join(', ')}`);
});
