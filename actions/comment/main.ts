import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { booleanInput, input, optionalInput, optionalSecretInput, runAction } from '../../src/github/action.ts';
import { publishReport } from '../../src/github-api/comment.ts';
import { commentContext } from '../../src/github-api/context.ts';
import { MlopsError } from '../../src/util/errors.ts';

await runAction(async () => {
  const file = input('report');
  const pr = optionalInput('pr');
  const pullRequest = pr === undefined ? undefined : Number(pr);
  if (pullRequest !== undefined && !(Number.isInteger(pullRequest) && pullRequest > 0)) throw new MlopsError(`input "pr" must be a pull request number (got "${pr}")`);
  let markdown: string;
  try {
    markdown = await readFile(file, 'utf8');
  } catch (err) {
    throw new MlopsError(`${file}: cannot read the report (${(err as Error).message})`);
  }
  const context = await commentContext(process.env, { token: optionalSecretInput('github-token'), pullRequest });
  if (!booleanInput('summary', true)) context.summaryFile = undefined;
  const result = await publishReport({ ...context, id: input('key', 'report'), markdown, now: () => new Date() });
  core.setOutput('comment-url', result.comment?.url ?? '');
  core.setOutput('action', result.comment?.action ?? 'skipped');
  if (result.comment) core.info(`${result.comment.action} comment ${result.comment.url}`);
  if (result.skipped) core.warning(`No comment posted: ${result.skipped}`);
});
