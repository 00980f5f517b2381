import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { gateAnnotations } from '../../src/evaluate/gate-annotations.ts';
import { runEvaluation } from '../../src/evaluate/run.ts';
import { loadModel } from '../../src/model/runtime.ts';
import { keyMetrics } from '../../src/evaluate/report.ts';
import { booleanInput, ensureActionRuntime, input, listInput, optionalInput, optionalSecretInput, runAction, writeOutputs } from '../../src/github/action.ts';
import { emitAnnotation } from '../../src/github/annotations.ts';
import { publishReport } from '../../src/github-api/comment.ts';
import { commentContext } from '../../src/github-api/context.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';

/** Every input, read and checked before the runtime is installed or any model is loaded. */
function readEvaluateSettings() {
  return {
    model: input('model'),
    data: listInput('data'),
    target: input('target'),
    baseline: optionalInput('baseline'),
    gate: optionalInput('gate'),
    slices: listInput('slices'),
    reportPath: input('report-path', 'mlops-evaluation.md'),
    jsonPath: input('json-path', 'mlops-evaluation.json'),
    token: optionalSecretInput('github-token'),
    comment: booleanInput('comment', true),
    reportId: input('report-id', 'evaluate'),
    failOnGate: booleanInput('fail-on-gate', true),
  };
}

await runAction(async () => {
  const settings = readEvaluateSettings();
  const { reportPath, jsonPath, token, gate } = settings;
  await ensureActionRuntime('evaluate', dirname(fileURLToPath(import.meta.url)));
  const { evaluation, markdown } = await runEvaluation({
    model: settings.model,
    data: settings.data,
    target: settings.target,
    baseline: settings.baseline,
    gate,
    slices: settings.slices,
    cwd: process.cwd(),
    env: token ? { ...process.env, GITHUB_TOKEN: token } : process.env,
    loadModel,
    clock: () => performance.now(),
    now: () => new Date(),
    warn: core.warning,
  });
  await writeText(reportPath, markdown);
  await writeJson(jsonPath, evaluation);

  let commentUrl = '';
  if (settings.comment) {
    const result = await publishReport({ ...(await commentContext(process.env, { token })), id: settings.reportId, markdown, now: () => new Date() });
    commentUrl = result.comment?.url ?? '';
    if (result.comment) core.info(`${result.comment.action} comment ${result.comment.url}`);
    if (result.skipped) core.warning(`No comment posted: ${result.skipped}`);
  } else await core.summary.addRaw(markdown).write();

  const v = evaluation.verdict;
  writeOutputs({
    verdict: v.verdict,
    passed: String(v.passed),
    metrics: JSON.stringify(keyMetrics(evaluation)),
    'report-path': reportPath,
    'json-path': jsonPath,
    'comment-url': commentUrl,
  });
  const failed = v.results.filter((r) => r.status === 'fail');
  if (failed.length > 0) for (const a of gateAnnotations(evaluation, gate ? { file: gate, text: await readFile(gate, 'utf8') } : undefined)) emitAnnotation(a);
  if (!v.passed && settings.failOnGate) core.setFailed(`evaluation gate failed: ${failed.length} of ${v.results.length} rules; see the report`);
});
