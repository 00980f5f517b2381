import type { Command } from '../command.ts';
import { parseCommandArgs, requireOption } from '../args.ts';
import { publishReport } from '../../github-api/comment.ts';
import { commentContext } from '../../github-api/context.ts';
import { readText } from '../../util/fs.ts';
import { MlopsError } from '../../util/errors.ts';
import { resolve } from 'node:path';

const help = `mlops report: publish a Markdown report where reviewers look.

Usage:
  mlops report comment --file report.md --id evaluate [--pr N] [--repo owner/name]

Creates or updates ONE sticky comment per report id on the pull request (a hidden
<!-- mlops-report:ID --> marker finds it again, so reruns update instead of stacking), and
appends the report to the job summary when GITHUB_STEP_SUMMARY is set. Reports over
GitHub's 65,536-character limit are cut with a note.

Options:
  --file FILE      the Markdown report (e.g. from mlops evaluate --out report.md)
  --id ID          report id: one comment per id and pull request (letters, digits, . _ -)
  --pr N           pull request number (default: from the pull_request or workflow_run event)
  --repo O/N       repository (default: GITHUB_REPOSITORY)

Environment: GITHUB_TOKEN (or GH_TOKEN) with pull-requests: write, GITHUB_API_URL,
GITHUB_EVENT_NAME/GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY. Without a token, a pull request
or write permission (pull requests from forks get a read-only token) the report goes to the
job summary only and the command says why; that is not an error.

Examples:
  mlops report comment --file report.md --id evaluate
  GITHUB_TOKEN=... mlops report comment --file drift.md --id drift --pr 12 --repo acme/churn
`;

export const reportCommand: Command = {
  name: 'report',
  help,
  async run(argv, io) {
    if (argv[0] !== 'comment') throw new MlopsError(`unknown subcommand "${argv[0] ?? ''}": use mlops report comment (see mlops report --help)`);
    const { values } = parseCommandArgs('report comment', argv.slice(1), {
      file: { type: 'string' },
      id: { type: 'string' },
      pr: { type: 'string' },
      repo: { type: 'string' },
    });
    const file = requireOption('report comment', values.file, '--file');
    const id = requireOption('report comment', values.id, '--id');
    const pr = values.pr === undefined ? undefined : Number(values.pr);
    if (pr !== undefined && !(Number.isInteger(pr) && pr > 0)) throw new MlopsError(`--pr must be a pull request number (got "${values.pr}")`);
    const markdown = await readText(resolve(io.cwd, file));
    const context = await commentContext(io.env, { repo: values.repo, pullRequest: pr });
    const result = await publishReport({ ...context, id, markdown, now: io.now });
    if (result.comment) io.stdout.write(`${result.comment.action} comment ${result.comment.url}\n`);
    if (result.skipped) io.stderr.write(`no comment posted: ${result.skipped}\n`);
    if (result.summary) io.stderr.write('appended the report to the job summary\n');
    return 0;
  },
};
