import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { defineCommand } from '../define.ts';
import { publishReport } from '../../github-api/comment.ts';
import { commentContext } from '../../github-api/context.ts';
import { readText } from '../../util/fs.ts';
import { MlopsError } from '../../util/errors.ts';

const comment = defineCommand({
  name: 'report comment',
  summary: 'publish a Markdown report where reviewers look.',
  usage: ['mlops report comment --file report.md --id evaluate [--pr N] [--repo owner/name]'],
  options: {
    file: { type: 'string', value: 'FILE', required: true, description: 'the Markdown report (e.g. from mlops evaluate --out report.md)' },
    id: { type: 'string', value: 'ID', required: true, description: 'report id: one comment per id and pull request (letters, digits, . _ -)' },
    pr: {
      type: 'integer',
      value: 'N',
      range: { min: 1 },
      expected: 'a pull request number',
      description: 'pull request number (default: from the pull_request or workflow_run event)',
    },
    repo: { type: 'string', value: 'O/N', description: 'repository (default: GITHUB_REPOSITORY)' },
  },
  text: `Creates or updates ONE sticky comment per report id on the pull request (a hidden
<!-- mlops-report:ID --> marker finds it again, so reruns update instead of stacking), and
appends the report to the job summary when GITHUB_STEP_SUMMARY is set. Reports over
GitHub's 65,536-character limit are cut with a note.

Environment: GITHUB_TOKEN (or GH_TOKEN) with pull-requests: write, GITHUB_API_URL,
GITHUB_EVENT_NAME/GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY. Without a token, a pull request
or write permission (pull requests from forks get a read-only token) the report goes to the
job summary only and the command says why; that is not an error.`,
  examples: [
    'mlops report comment --file report.md --id evaluate',
    'GITHUB_TOKEN=... mlops report comment --file drift.md --id drift --pr 12 --repo acme/churn',
  ],
  async run(values, io) {
    const markdown = await readText(resolve(io.cwd, values.file));
    const context = await commentContext(io.env, { repo: values.repo, pullRequest: values.pr });
    const result = await publishReport({ ...context, id: values.id, markdown, now: io.now });
    if (result.comment) io.stdout.write(`${result.comment.action} comment ${result.comment.url}\n`);
    if (result.skipped) io.stderr.write(`no comment posted: ${result.skipped}\n`);
    if (result.summary) io.stderr.write('appended the report to the job summary\n');
    return 0;
  },
});

export const reportCommand: Command = {
  name: 'report',
  help: comment.help,
  subcommands: [comment],
  async run(argv, io) {
    if (argv[0] !== 'comment') throw new MlopsError(`unknown subcommand "${argv[0] ?? ''}": use mlops report comment (see mlops report --help)`);
    return comment.run(argv.slice(1), io);
  },
};
