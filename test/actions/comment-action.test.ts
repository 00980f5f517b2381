import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startGitHubServer } from '../github-server.ts';
import { tempFile } from '../helpers.ts';
import { runActionEntry } from './run-action.ts';

test('actions/comment creates the sticky comment from a pull_request event, then updates it', async () => {
  const comments: { id: number; body: string; html_url: string }[] = [];
  const server = await startGitHubServer({
    'GET /repos/:owner/:repo/issues/:n/comments': () => ({ body: comments }),
    'POST /repos/:owner/:repo/issues/:n/comments': (req) => {
      const c = { id: comments.length + 100, body: (req.body as { body: string }).body, html_url: `https://github.test/acme/churn/pull/4#c${comments.length + 100}` };
      comments.push(c);
      return { status: 201, body: c };
    },
    'PATCH /repos/:owner/:repo/issues/comments/:id': (req, p) => {
      const c = comments.find((x) => x.id === Number(p.id))!;
      c.body = (req.body as { body: string }).body;
      return { body: c };
    },
  });
  try {
    const event = tempFile('event.json', JSON.stringify({ pull_request: { number: 4 } }));
    const env = { GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'acme/churn', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event };
    const first = await runActionEntry('comment', { file: tempFile('r.md', '## first'), id: 'evaluate', 'github-token': 'tok' }, env);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.deepEqual(first.outputs, { 'comment-url': 'https://github.test/acme/churn/pull/4#c100', action: 'created' });
    assert.equal(first.summary, '## first\n');
    const second = await runActionEntry('comment', { file: tempFile('r.md', '## second'), id: 'evaluate', 'github-token': 'tok' }, env);
    assert.equal(second.outputs.action, 'updated');
    assert.deepEqual(comments.map((c) => c.body), ['<!-- mlops-report:evaluate -->\n## second']);
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), [
      'GET /repos/acme/churn/issues/4/comments',
      'POST /repos/acme/churn/issues/4/comments',
      'GET /repos/acme/churn/issues/4/comments',
      'PATCH /repos/acme/churn/issues/comments/100',
    ]);
  } finally {
    await server.close();
  }
});

test('actions/comment on a push: summary only, a warning, and the step does not fail', async () => {
  const r = await runActionEntry('comment', { file: tempFile('r.md', '## report'), 'github-token': 'tok' }, { GITHUB_REPOSITORY: 'acme/churn', GITHUB_API_URL: 'http://127.0.0.1:9' });
  assert.equal(r.code, 0);
  assert.equal(r.outputs.action, 'skipped');
  assert.match(r.stdout, /::warning::No comment posted: not a pull request run: the report is in the job summary only/);
  assert.equal(r.summary, '## report\n');
});
