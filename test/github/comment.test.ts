import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startGitHubServer, type Route } from '../github-server.ts';
import { createGitHubClient } from '../../src/github-api/client.ts';
import { publishReport, pullRequestOfEvent, reportMarker, upsertStickyComment } from '../../src/github-api/comment.ts';
import { tempFile } from '../helpers.ts';

interface StoredComment {
  id: number;
  body: string;
  html_url: string;
}

/** An issue-comments API with real state and Link-header pagination, like GitHub's. */
async function commentsServer(initial: string[] = [], options: { denyWrites?: boolean; failFirst?: number } = {}) {
  const comments: StoredComment[] = initial.map((body, i) => ({ id: i + 1, body, html_url: `https://github.test/c/${i + 1}` }));
  let nextId = comments.length + 1;
  let failures = options.failFirst ?? 0;
  let base = '';
  const routes: Record<string, Route> = {
    'GET /repos/:owner/:repo/issues/:n/comments': (req) => {
      if (failures > 0) {
        failures--;
        return { status: 502, body: { message: 'Bad Gateway' } };
      }
      const perPage = Number(req.query.get('per_page') ?? 30);
      const page = Number(req.query.get('page') ?? 1);
      const body = comments.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(comments.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last)
        headers.link = `<${base}${req.path}?per_page=${perPage}&page=${page + 1}>; rel="next", <${base}${req.path}?per_page=${perPage}&page=${last}>; rel="last"`;
      return { body, headers };
    },
    'POST /repos/:owner/:repo/issues/:n/comments': (req) => {
      if (options.denyWrites) return { status: 403, body: { message: 'Resource not accessible by integration' } };
      const c = { id: nextId++, body: (req.body as { body: string }).body, html_url: `https://github.test/c/${nextId - 1}` };
      comments.push(c);
      return { status: 201, body: c };
    },
    'PATCH /repos/:owner/:repo/issues/comments/:id': (req, params) => {
      const c = comments.find((x) => x.id === Number(params.id));
      if (!c) return { status: 404, body: { message: 'Not Found' } };
      c.body = (req.body as { body: string }).body;
      return { body: c };
    },
    'GET /repos/:owner/:repo/pulls': (req) => ({ body: req.query.get('head') === 'fork-owner:feature' ? [{ number: 42, head: { sha: 'abc' } }] : [] }),
  };
  const server = await startGitHubServer(routes);
  base = server.url;
  return { ...server, comments };
}

const repo = { owner: 'acme', repo: 'churn' };

test('creates the sticky comment once and updates it on the next run, found on the second page', async () => {
  const others = Array.from({ length: 130 }, (_, i) => `someone else's comment ${i}`);
  others[5] = '> <!-- mlops-report:evaluate -->\n> quoted by a reviewer';
  const server = await commentsServer(others);
  try {
    const client = createGitHubClient({ token: 't0ken', baseUrl: server.url, retries: 0 });
    const first = await upsertStickyComment(client, { ...repo, issueNumber: 7, id: 'evaluate' }, '## run 1');
    const second = await upsertStickyComment(client, { ...repo, issueNumber: 7, id: 'evaluate' }, '## run 2');
    assert.equal(first.action, 'created');
    assert.equal(second.action, 'updated');
    assert.equal(second.commentId, first.commentId);
    const ours = server.comments.filter((c) => c.body.startsWith(reportMarker('evaluate')));
    assert.equal(ours.length, 1, 'exactly one report comment after two runs');
    assert.equal(ours[0].body, '<!-- mlops-report:evaluate -->\n## run 2');
    assert.equal(server.comments.length, 131);
    assert.equal(server.comments[5].body, '> <!-- mlops-report:evaluate -->\n> quoted by a reviewer', 'a quote of the marker is left alone');
    const calls = server.requests.map((r) => `${r.method} ${r.path}${r.query.get('page') ? '?page=' + r.query.get('page') : ''}`);
    assert.deepEqual(calls, [
      'GET /repos/acme/churn/issues/7/comments',
      'GET /repos/acme/churn/issues/7/comments?page=2',
      'POST /repos/acme/churn/issues/7/comments',
      'GET /repos/acme/churn/issues/7/comments',
      'GET /repos/acme/churn/issues/7/comments?page=2',
      `PATCH /repos/acme/churn/issues/comments/${first.commentId}`,
    ]);
    assert.equal(server.requests[0].headers.authorization, 'token t0ken');
  } finally {
    await server.close();
  }
});

test('reports with different ids get their own comments', async () => {
  const server = await commentsServer();
  try {
    const client = createGitHubClient({ token: 't', baseUrl: server.url, retries: 0 });
    await upsertStickyComment(client, { ...repo, issueNumber: 1, id: 'evaluate' }, 'a');
    await upsertStickyComment(client, { ...repo, issueNumber: 1, id: 'drift' }, 'b');
    await upsertStickyComment(client, { ...repo, issueNumber: 1, id: 'evaluate' }, 'c');
    assert.deepEqual(
      server.comments.map((c) => c.body),
      ['<!-- mlops-report:evaluate -->\nc', '<!-- mlops-report:drift -->\nb'],
    );
  } finally {
    await server.close();
  }
});

test('retries a 5xx answer', async () => {
  const server = await commentsServer([], { failFirst: 1 });
  try {
    const client = createGitHubClient({ token: 't', baseUrl: server.url, retries: 1 });
    const r = await upsertStickyComment(client, { ...repo, issueNumber: 3, id: 'evaluate' }, 'x');
    assert.equal(r.action, 'created');
    assert.deepEqual(
      server.requests.map((q) => q.method),
      ['GET', 'GET', 'POST'],
    );
  } finally {
    await server.close();
  }
});

test('without write permission (fork) it falls back to the job summary and says so', async () => {
  const server = await commentsServer([], { denyWrites: true });
  try {
    const summaryFile = tempFile('summary.md', '');
    const client = createGitHubClient({ token: 't', baseUrl: server.url, retries: 0 });
    const r = await publishReport({ client, repo, pullRequest: 9, id: 'evaluate', markdown: '## report', summaryFile });
    assert.equal(r.comment, undefined);
    assert.match(r.skipped ?? '', /no permission to comment on pull request #9 \(HTTP 403.*fork.*job summary only/);
    assert.equal(readFileSync(summaryFile, 'utf8'), '## report\n');
  } finally {
    await server.close();
  }
});

test('no pull request: summary only, with the reason', async () => {
  const summaryFile = tempFile('summary.md', '');
  const r = await publishReport({
    id: 'evaluate',
    markdown: 'x',
    summaryFile,
    client: createGitHubClient({ token: 't', baseUrl: 'http://127.0.0.1:9' }),
    repo,
  });
  assert.match(r.skipped ?? '', /not a pull request run/);
  assert.equal(readFileSync(summaryFile, 'utf8'), 'x\n');
});

test('finds the pull request of pull_request and workflow_run events, including runs from forks', async () => {
  const server = await commentsServer();
  try {
    const client = createGitHubClient({ token: 't', baseUrl: server.url, retries: 0 });
    assert.equal(await pullRequestOfEvent(client, repo, 'pull_request', { pull_request: { number: 5 } }), 5);
    assert.equal(await pullRequestOfEvent(client, repo, 'workflow_run', { workflow_run: { pull_requests: [{ number: 6 }] } }), 6);
    assert.equal(server.requests.length, 0);
    const fork = { workflow_run: { pull_requests: [], head_branch: 'feature', head_sha: 'abc', head_repository: { owner: { login: 'fork-owner' } } } };
    assert.equal(await pullRequestOfEvent(client, repo, 'workflow_run', fork), 42);
    assert.equal(server.requests[0].query.get('head'), 'fork-owner:feature');
    assert.equal(await pullRequestOfEvent(client, repo, 'push', {}), undefined);
  } finally {
    await server.close();
  }
});

test('report ids are checked so the marker cannot break the HTML comment', () => {
  assert.throws(() => reportMarker('a -->'), /report id/);
});

test('a secondary rate limit (403 with retry-after, or with the message alone) is waited out and retried', async () => {
  let limited = 2;
  const server = await startGitHubServer({
    'GET /repos/:owner/:repo/issues/:n/comments': () => {
      if (limited === 2) return (limited--, { status: 403, body: { message: 'You have exceeded a secondary rate limit.' }, headers: { 'retry-after': '3' } });
      if (limited === 1) return (limited--, { status: 403, body: { message: 'You have exceeded a secondary rate limit.' } });
      return { body: [] };
    },
    'POST /repos/:owner/:repo/issues/:n/comments': () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
  });
  try {
    const waits: number[] = [];
    const client = createGitHubClient({ token: 't', baseUrl: server.url, retries: 2, sleep: async (ms) => void waits.push(ms) });
    await assert.rejects(upsertStickyComment(client, { ...repo, issueNumber: 2, id: 'evaluate' }, 'x'), (e: { status?: number }) => e.status === 403);
    assert.deepEqual(waits, [3000, 60000], 'retry-after seconds, else a minute');
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['GET', 'GET', 'GET', 'POST'],
      'a plain 403 is not retried',
    );
  } finally {
    await server.close();
  }
});
