import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { gateAnnotations } from '../../src/evaluate/gate-annotations.ts';
import { runEvaluation } from '../../src/evaluate/run.ts';
import { loadModel } from '../../src/model/runtime.ts';
import { keyMetrics } from '../../src/evaluate/report.ts';
import { booleanInput, ensureActionRuntime, input, listInput, optionalInput, optionalSecretInput, runAction } from '../../src/github/action.ts';
import { emitAnnotation } from '../../src/github/annotations.ts';
import { publishReport } from '../../src/github-api/comment.ts';
import { commentContext } from '../../src/github-api/context.ts';
import { writeJson, writeText } from '../../src/util/fs.ts';

await runAction(async () => {
  await ensureActionRuntime('evaluate', dirname(fileURLToPath(import.meta.url)));
  const reportPath = input('report-path', 'mlops-evaluation.md');
  const jsonPath = input('json-path', 'mlops-evaluation.json');
  const token = optionalSecretInput('github-token');
  const { evaluation, markdown } = await runEvaluation({
    model: input('model'),
    data: listInput('data'),
    target: input('target'),
    baseline: optionalInput('baseline'),
    gate: optionalInput('gate'),
    slices: listInput('slices'),
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
  if (booleanInput('comment', true)) {
    const result = await publishReport({ ...(await commentContext(process.env, { token })), id: input('report-id', 'evaluate'), markdown, now: () => new Date() });
    commentUrl = result.comment?.url ?? '';
    if (result.comment) core.info(`${result.comment.action} comment ${result.comment.url}`);
    if (result.skipped) core.warning(`No comment posted: ${result.skipped}`);
  } else await core.summary.addRaw(markdown).write();

  const v = evaluation.verdict;
  core.setOutput('verdict', v.verdict);
  core.setOutput('passed', String(v.passed));
  core.setOutput('metrics', JSON.stringify(keyMetrics(evaluation)));
  core.setOutput('report-path', reportPath);
  core.setOutput('json-path', jsonPath);
  core.setOutput('comment-url', commentUrl);
  const failed = v.results.filter((r) => r.status === 'fail');
  const gate = optionalInput('gate');
  if (failed.length > 0) for (const a of gateAnnotations(evaluation, gate ? { file: gate, text: await readFile(gate, 'utf8') } : undefined)) emitAnnotation(a);
  if (!v.passed && booleanInput('fail-on-gate', true)) core.setFailed(`evaluation gate failed: ${failed.length} of ${v.results.length} rules; see the report`);
});
