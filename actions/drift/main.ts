import * as core from '@actions/core';
import { join } from 'node:path';
import { runDriftCheck } from '../../src/drift/check.ts';
import { INCONCLUSIVE_POLICIES } from '../../src/drift/bound.ts';
import { WEIGHTINGS } from '../../src/drift/detect.ts';
import { EXACT_MODES } from '../../src/drift/exact/samples.ts';
import { METHOD_CHOICES } from '../../src/drift/methods.ts';
import { booleanInput, choiceInput, input, listInput, numberInput, optionalInput, runAction, writeOutputs } from '../../src/github/action.ts';
import { reportDriftOnGitHub, withHtmlLink } from '../../src/alerts/drift-issue.ts';
import { uploadReport } from '../../src/github/artifacts.ts';
import { alertOnGitHub, modelNameInput, readAlertSettings } from '../../src/github/alert-inputs.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';

/** Every input, read and checked before any data is read (a bad cooldown-hours fails first, not after the check). */
function readDriftSettings(env: NodeJS.ProcessEnv) {
  const reference = listInput('reference');
  if (reference.length === 0) input('reference');
  const current = listInput('current');
  if (current.length === 0) input('current');
  return {
    reference,
    current,
    model: modelNameInput('model', reference[0], env),
    columns: listInput('columns'),
    method: choiceInput('method', METHOD_CHOICES, 'auto'),
    threshold: numberInput('threshold', { above: 0 }),
    exact: choiceInput('exact', EXACT_MODES, 'auto'),
    driftShare: numberInput('drift-share', { min: 0, max: 1 }),
    config: optionalInput('config'),
    inconclusive: choiceInput('inconclusive', INCONCLUSIVE_POLICIES, 'exclude'),
    weights: optionalInput('weights') === undefined ? undefined : choiceInput('weights', WEIGHTINGS, 'importance'),
    uploadReport: booleanInput('upload-report', true),
    reportArtifact: input('report-artifact', 'drift-report'),
    failOnDrift: booleanInput('fail-on-drift', false),
    alert: readAlertSettings(env),
  };
}

await runAction(async () => {
  const env = process.env;
  const settings = readDriftSettings(env);
  const { model } = settings;

  const {
    result,
    markdown: report,
    html,
  } = await runDriftCheck({
    reference: settings.reference,
    current: settings.current,
    columns: settings.columns,
    method: settings.method,
    threshold: settings.threshold,
    exact: settings.exact,
    driftShare: settings.driftShare,
    config: settings.config,
    inconclusive: settings.inconclusive,
    weights: settings.weights,
    html: true,
    model,
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    now: () => new Date(),
  });
  const dir = env.RUNNER_TEMP ?? process.cwd();
  const reportPath = join(dir, 'drift-report.md');
  const resultPath = join(dir, 'drift.json');
  const htmlPath = join(dir, 'drift-report.html');
  await writeText(htmlPath, html!);
  const uploaded = settings.uploadReport ? await uploadReport(env, settings.reportArtifact, htmlPath, dir) : null;
  const markdown = withHtmlLink(report, uploaded?.url ?? null, settings.reportArtifact);
  await writeText(reportPath, markdown);
  await writeJson(resultPath, result);
  await core.summary.addRaw(markdown).write();

  const { issueNumber, dispatched } = await alertOnGitHub(env, settings.alert, { check: 'drift', failing: result.dataset_drift }, (context) =>
    reportDriftOnGitHub({ ...context, model, result, markdown }),
  );

  writeOutputs({
    drift: String(result.dataset_drift),
    'share-drifted': String(result.share_drifted),
    'drifted-columns': result.drifted_columns.join(','),
    'inconclusive-columns': (result.inconclusive_columns ?? []).join(','),
    report: reportPath,
    result: resultPath,
    'html-report': htmlPath,
    'report-url': uploaded?.url ?? '',
    'issue-number': issueNumber,
    dispatched: String(dispatched),
  });
  if (result.dataset_drift && settings.failOnDrift) core.setFailed(`dataset drift: ${result.drifted_columns.join(', ')}`);
});
