import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startGitHubServer } from '../github-server.ts';
import { tempFile } from '../helpers.ts';
import { runAction } from '../helpers/action.ts';

// One process start per action test keeps the suite fast; create-then-update is covered
// in-process by test/github/comment.test.ts and report-command.test.ts.
test('actions/comment updates the sticky comment of an earlier run, leaves others alone, writes outputs; summary: false skips the summary', async () => {
  const comments = [
    { id: 50, body: 'a reviewer', html_url: 'https://github.test/acme/churn/pull/4#c50' },
    { id: 51, body: '<!-- mlops-report:evaluate -->\n## old', html_url: 'https://github.test/acme/churn/pull/4#c51' },
  ];
  const server = await startGitHubServer({
    'GET /repos/:owner/:repo/issues/:n/comments': () => ({ body: comments }),
    'PATCH /repos/:owner/:repo/issues/comments/:id': (req, p) => {
      const c = comments.find((x) => x.id === Number(p.id))!;
      c.body = (req.body as { body: string }).body;
      return { body: c };
    },
  });
  try {
    const event = tempFile('event.json', JSON.stringify({ pull_request: { number: 4 } }));
    const env = { GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'acme/churn', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event };
    const r = await runAction('comment', { report: tempFile('r.md', '## new'), key: 'evaluate', summary: 'false', 'github-token': 'tok' }, { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(r.outputs, { 'comment-url': 'https://github.test/acme/churn/pull/4#c51', action: 'updated' });
    assert.equal(r.summary, '', 'an earlier step wrote the summary');
    const [reviewer, ours] = comments.map((c) => c.body);
    assert.equal(reviewer, 'a reviewer');
    // No commit or run in the environment: the stamp says when only.
    assert.match(ours, /^<!-- mlops-report:evaluate -->\n## new\n\n<sub>Updated \d{4}-\d\d-\d\d \d\d:\d\d UTC<\/sub>\n$/);
    assert.deepEqual(
      server.requests.map((q) => `${q.method} ${q.path}`),
      ['GET /repos/acme/churn/issues/4/comments', 'PATCH /repos/acme/churn/issues/comments/51'],
    );
    assert.equal(server.requests[0].headers.authorization, 'token tok');
  } finally {
    await server.close();
  }
});
