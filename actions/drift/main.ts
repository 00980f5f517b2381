import * as core from '@actions/core';
import { join } from 'node:path';
import { runDriftCheck } from '../../src/drift/check.ts';
import { METHOD_CHOICES } from '../../src/drift/methods.ts';
import { booleanInput, choiceInput, input, listInput, optionalInput, runAction } from '../../src/github/action.ts';
import { createGitHubClient, parseRepo } from '../../src/github/client.ts';
import { reportDriftOnGitHub } from '../../src/github/drift-issue.ts';
import { dispatchInput, modelNameInput, numberInput, runUrl } from '../../src/github/alert-inputs.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';
import { MlopsError } from '../../src/util/errors.ts';

await runAction(async () => {
  const env = process.env;
  const reference = listInput('reference');
  if (reference.length === 0) input('reference');
  const current = listInput('current');
  if (current.length === 0) input('current');
  const repository = env.GITHUB_REPOSITORY ?? '';
  const model = modelNameInput('model', reference[0], env);
  const dispatch = dispatchInput(env);

  const { result, markdown } = await runDriftCheck({
    reference,
    current,
    columns: listInput('columns'),
    method: choiceInput('method', METHOD_CHOICES, 'auto'),
    threshold: numberInput('threshold', (x) => x > 0),
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

  const openIssue = booleanInput('open-issue', true);
  let issueNumber = '';
  let dispatched = false;
  if (openIssue || (dispatch && result.dataset_drift)) {
    if (!repository.includes('/')) throw new MlopsError('GITHUB_REPOSITORY is not set: run inside GitHub Actions, or set open-issue: false and dispatch: none');
    const client = createGitHubClient({ token: input('token'), baseUrl: env.GITHUB_API_URL });
    const outcome = await reportDriftOnGitHub({
      client,
      repo: parseRepo(repository),
      model,
      result,
      markdown,
      now: () => new Date(),
      openIssue,
      dispatch,
      cooldownHours: numberInput('cooldown-hours', (x) => x >= 0),
      runUrl: runUrl(env),
    });
    issueNumber = outcome.issue ? String(outcome.issue.number) : '';
    dispatched = outcome.dispatched;
    if (outcome.issue) core.info(`drift issue #${outcome.issue.number}: ${outcome.issue.action}`);
    if (outcome.dispatch_skipped && result.dataset_drift) core.info(`retraining not dispatched: ${outcome.dispatch_skipped}`);
  }

  core.setOutput('drift', String(result.dataset_drift));
  core.setOutput('share-drifted', String(result.share_drifted));
  core.setOutput('drifted-columns', result.drifted_columns.join(','));
  core.setOutput('report', reportPath);
  core.setOutput('result', resultPath);
  core.setOutput('issue-number', issueNumber);
  core.setOutput('dispatched', String(dispatched));
  if (result.dataset_drift && booleanInput('fail-on-drift', false)) core.setFailed(`dataset drift: ${result.drifted_columns.join(', ')}`);
});
