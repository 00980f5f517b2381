import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startGitHubServer } from '../github-server.ts';
import { cli, tempFile } from '../helpers.ts';

test('mlops report comment posts once per id, finds the PR in a workflow_run event and writes the summary', async () => {
  const comments: { id: number; body: string; html_url: string }[] = [];
  const server = await startGitHubServer({
    'GET /repos/:owner/:repo/issues/:n/comments': () => ({ body: comments }),
    'POST /repos/:owner/:repo/issues/:n/comments': (req, p) => {
      const c = { id: 1, body: (req.body as { body: string }).body, html_url: `https://github.test/pull/${p.n}#c1` };
      comments.push(c);
      return { status: 201, body: c };
    },
    'PATCH /repos/:owner/:repo/issues/comments/:id': (req) => {
      comments[0].body = (req.body as { body: string }).body;
      return { body: comments[0] };
    },
  });
  try {
    const summary = tempFile('summary.md', '');
    const env = {
      GITHUB_TOKEN: 'tok',
      GITHUB_API_URL: server.url,
      GITHUB_REPOSITORY: 'acme/churn',
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: tempFile(
        'event.json',
        JSON.stringify({ workflow_run: { pull_requests: [{ number: 12 }], head_sha: 'abcdef0123456789abcdef0123456789abcdef01' } }),
      ),
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_RUN_ID: '55',
      GITHUB_RUN_NUMBER: '3',
      GITHUB_WORKFLOW: 'ml-report',
    };
    const first = await cli(['report', 'comment', '--file', tempFile('r.md', 'one'), '--id', 'evaluate'], { env });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'created comment https://github.test/pull/12#c1\n');
    const second = await cli(['report', 'comment', '--file', tempFile('r.md', 'two'), '--id', 'evaluate'], { env });
    assert.equal(second.stdout, 'updated comment https://github.test/pull/12#c1\n');
    // A workflow_run comment reflects the triggering run's head commit; the link goes to this run.
    assert.deepEqual(
      comments.map((c) => c.body),
      [
        '<!-- mlops-report:evaluate -->\ntwo\n\n<sub>Reflects commit [`abcdef0`](https://github.com/acme/churn/commit/abcdef0123456789abcdef0123456789abcdef01) · ' +
          'workflow run [ml-report #3](https://github.com/acme/churn/actions/runs/55) · updated 2026-01-01 00:00 UTC</sub>\n',
      ],
    );
    assert.equal(readFileSync(summary, 'utf8'), 'one\ntwo\n');
  } finally {
    await server.close();
  }
});

test('mlops report comment: --pr must be a number, the subcommand must exist, --help teaches', async () => {
  const bad = await cli(['report', 'comment', '--file', 'r.md', '--id', 'x', '--pr', 'abc']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--pr must be a pull request number/);
  const unknown = await cli(['report', 'post']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown subcommand "post"/);
  const help = await cli(['report', '--help']);
  assert.match(help.stdout, /Usage:\n  mlops report comment --file report\.md --id evaluate/);
});
