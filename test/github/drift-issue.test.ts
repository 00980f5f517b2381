import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DriftResult } from '../../src/drift/detect.ts';
import { createGitHubClient } from '../../src/github-api/client.ts';
import { modelMarker, reportDriftOnGitHub } from '../../src/alerts/drift-issue.ts';
import { startIssueRepo, type RecordedRequest } from '../github-server.ts';

const repo = { owner: 'acme', repo: 'churn' };

async function fakeRepo(seed: Parameters<typeof startIssueRepo>[0] = []) {
  const { server, issues } = await startIssueRepo(seed);
  return { server, issues, client: createGitHubClient({ token: 't0ken', baseUrl: server.url, retries: 0 }) };
}

function result(drift: boolean): DriftResult {
  return {
    dataset_drift: drift,
    share_drifted: drift ? 0.6 : 0.1,
    drift_share_threshold: 0.5,
    drifted_columns: drift ? ['age', 'plan', 'region'] : [],
    columns: {},
    skipped: {},
    prediction_drift: null,
    reference_rows: 100,
    current_rows: 100,
  };
}

const writes = (requests: RecordedRequest[]) => requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

test('first drift opens one labelled issue with the model marker and dispatches repository_dispatch', async () => {
  const { server, client } = await fakeRepo([{ number: 7, body: `${modelMarker('other-model')}\nreport` }]);
  try {
    const now = new Date('2026-06-01T06:00:00Z');
    const out = await reportDriftOnGitHub({
      client,
      repo,
      model: 'churn',
      result: result(true),
      markdown: '## report',
      now: () => now,
      dispatch: { kind: 'repository', eventType: 'mlops-retrain' },
    });
    assert.deepEqual(out, { issue: { number: 100, action: 'created' }, dispatched: true });
    assert.deepEqual(writes(server.requests), ['POST /repos/acme/churn/dispatches', 'POST /repos/acme/churn/issues']);
    const list = server.requests[0];
    assert.equal(list.query.get('labels'), 'drift');
    assert.equal(list.query.get('state'), 'open');
    assert.equal(list.headers.authorization, 'token t0ken');
    const dispatch = server.requests.find((r) => r.path.endsWith('/dispatches'))!.body as { event_type: string; client_payload: Record<string, unknown> };
    assert.equal(dispatch.event_type, 'mlops-retrain');
    assert.deepEqual(dispatch.client_payload, {
      model: 'churn',
      trigger: 'data-drift',
      summary: '3 of 0 columns drifted (share 0.600): age, plan, region',
      share_drifted: 0.6,
      drifted_columns: ['age', 'plan', 'region'],
      issue_number: null,
    });
    const created = server.requests.at(-1)!.body as { title: string; labels: string[]; body: string };
    assert.equal(created.title, 'Drift detected: churn');
    assert.deepEqual(created.labels, ['drift']);
    assert.ok(created.body.startsWith(`${modelMarker('churn')}\n<!-- mlops-drift-dispatched-at=2026-06-01T06:00:00.000Z -->\n## report`));
  } finally {
    await server.close();
  }
});

test('persisting drift comments on the same issue; the cooldown holds back a second dispatch, then allows it', async () => {
  const body = `${modelMarker('churn')}\n<!-- mlops-drift-dispatched-at=2026-06-01T06:00:00.000Z -->\n## old report`;
  const { server, client, issues } = await fakeRepo([
    { number: 3, body: `${modelMarker('churn')} a pull request`, pull_request: {} },
    { number: 12, body },
  ]);
  try {
    const target = { kind: 'workflow' as const, workflow: 'retrain.yml', ref: 'main' };
    const soon = await reportDriftOnGitHub({
      client,
      repo,
      model: 'churn',
      result: result(true),
      markdown: '## new',
      now: () => new Date('2026-06-01T18:00:00Z'),
      dispatch: target,
      cooldownHours: 24,
    });
    assert.equal(soon.issue?.number, 12);
    assert.equal(soon.issue?.action, 'commented');
    assert.equal(soon.dispatched, false);
    assert.match(soon.dispatch_skipped!, /within the 24 h cooldown/);
    assert.deepEqual(writes(server.requests), ['POST /repos/acme/churn/issues/12/comments']);
    assert.match((server.requests.at(-1)!.body as { body: string }).body, /^Drift persists \(retraining was dispatched at 2026-06-01T06:00:00.000Z/);

    server.requests.length = 0;
    const later = await reportDriftOnGitHub({
      client,
      repo,
      model: 'churn',
      result: result(true),
      markdown: '## newer',
      now: () => new Date('2026-06-02T07:00:00Z'),
      dispatch: target,
      cooldownHours: 24,
    });
    assert.deepEqual(later, { issue: { number: 12, action: 'commented' }, dispatched: true });
    assert.deepEqual(writes(server.requests), [
      'POST /repos/acme/churn/actions/workflows/retrain.yml/dispatches',
      'POST /repos/acme/churn/issues/12/comments',
      'PATCH /repos/acme/churn/issues/12',
    ]);
    const dispatch = server.requests.find((r) => r.path.endsWith('/dispatches'))!.body;
    assert.deepEqual(dispatch, { ref: 'main', inputs: { model: 'churn', drift_summary: '3 of 0 columns drifted (share 0.600): age, plan, region' } });
    assert.match(issues.find((i) => i.number === 12)!.body, /dispatched-at=2026-06-02T07:00:00.000Z -->\n## old report/);
  } finally {
    await server.close();
  }
});

test('a run without drift closes the open issue with a comment, and does nothing when none is open', async () => {
  const { server, client, issues } = await fakeRepo([{ number: 12, body: `${modelMarker('churn')}\n## report` }]);
  try {
    const out = await reportDriftOnGitHub({
      client,
      repo,
      model: 'churn',
      result: result(false),
      markdown: '## fine',
      now: () => new Date(),
      dispatch: { kind: 'repository', eventType: 'x' },
    });
    assert.deepEqual(out, { issue: { number: 12, action: 'closed' }, dispatched: false });
    assert.deepEqual(writes(server.requests), ['POST /repos/acme/churn/issues/12/comments', 'PATCH /repos/acme/churn/issues/12']);
    assert.deepEqual(server.requests.at(-1)!.body, { state: 'closed', state_reason: 'completed' });
    assert.equal(issues[0].state, 'closed');

    server.requests.length = 0;
    const again = await reportDriftOnGitHub({ client, repo, model: 'churn', result: result(false), markdown: '## fine', now: () => new Date() });
    assert.deepEqual(again, { issue: null, dispatched: false });
    assert.deepEqual(writes(server.requests), []);
  } finally {
    await server.close();
  }
});
