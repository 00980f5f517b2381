import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { booleanInput, input, integerInput, optionalSecretInput, runAction, writeOutputs } from '../../src/github/action.ts';
import { publishReport } from '../../src/github-api/comment.ts';
import { commentContext } from '../../src/github-api/context.ts';
import { MlopsError } from '../../src/util/errors.ts';

/** Every input, read and checked before the report is read or GitHub is called. */
function readCommentSettings() {
  return {
    file: input('report'),
    pullRequest: integerInput('pr', { min: 1 }, 'a pull request number'),
    token: optionalSecretInput('github-token'),
    summary: booleanInput('summary', true),
    key: input('key', 'report'),
  };
}

await runAction(async () => {
  const { file, pullRequest, token, summary, key } = readCommentSettings();
  let markdown: string;
  try {
    markdown = await readFile(file, 'utf8');
  } catch (err) {
    throw new MlopsError(`${file}: cannot read the report (${(err as Error).message})`);
  }
  const context = await commentContext(process.env, { token, pullRequest });
  if (!summary) context.summaryFile = undefined;
  const result = await publishReport({ ...context, id: key, markdown, now: () => new Date() });
  writeOutputs({ 'comment-url': result.comment?.url ?? '', action: result.comment?.action ?? 'skipped' });
  if (result.comment) core.info(`${result.comment.action} comment ${result.comment.url}`);
  if (result.skipped) core.warning(`No comment posted: ${result.skipped}`);
});
