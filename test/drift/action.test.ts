import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { startGitHubServer } from '../github-server.ts';
import { runAction } from '../helpers/action.ts';

const train = resolve('templates/example/data/train.csv');
const shifted = resolve('templates/example/data/current.csv');
const unshifted = resolve('templates/example/data/holdout.csv');

/** The drift action against a local GitHub API at `apiUrl`, as a run in acme/churn. */
function runDrift(inputs: Record<string, string>, apiUrl: string) {
  const env = { GITHUB_REPOSITORY: 'acme/churn', GITHUB_API_URL: apiUrl, GITHUB_REF_NAME: 'main', GITHUB_RUN_ID: '42' };
  return runAction('drift', { token: 'ghs_test', ...inputs }, { env });
}

test('action: drift opens the model issue, dispatches the retrain workflow, writes summary and outputs', async () => {
  const server = await startGitHubServer({
    'GET /repos/acme/churn/issues': () => ({ body: [] }),
    'POST /repos/acme/churn/issues': () => ({ status: 201, body: { number: 31 } }),
    'POST /repos/acme/churn/actions/workflows/:w/dispatches': () => ({ status: 204 }),
  });
  try {
    const r = await runDrift({ reference: train, current: shifted, model: 'churn', dispatch: 'workflow', workflow: 'retrain.yml' }, server.url);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.drift, 'true');
    assert.equal(r.outputs['issue-number'], '31');
    assert.equal(r.outputs.dispatched, 'true');
    assert.ok(Number(r.outputs['share-drifted']) >= 0.5);
    assert.match(r.outputs['drifted-columns'], /monthly_charges/);
    assert.equal(readFileSync(r.outputs.report, 'utf8'), r.summary);
    assert.equal(JSON.parse(readFileSync(r.outputs.result, 'utf8')).dataset_drift, true);
    assert.match(r.summary, /^## Data drift — churn: ⚠️ drift detected/);
    const writes = server.requests.filter((q) => q.method === 'POST');
    assert.deepEqual(
      writes.map((q) => q.path),
      ['/repos/acme/churn/actions/workflows/retrain.yml/dispatches', '/repos/acme/churn/issues'],
    );
    assert.equal(writes[0].headers.authorization, 'token ghs_test');
    assert.deepEqual((writes[0].body as { ref: string }).ref, 'main');
    assert.match((writes[1].body as { body: string }).body, /\[Workflow run\]\(https:\/\/github.com\/acme\/churn\/actions\/runs\/42\)/);
  } finally {
    await server.close();
  }
});

test('action: no drift and no open issue makes no write; fail-on-drift fails the step on drift; bad input fails cleanly', async () => {
  const server = await startGitHubServer({ 'GET /repos/acme/churn/issues': () => ({ body: [] }) });
  try {
    const ok = await runDrift({ reference: train, current: unshifted }, server.url);
    assert.equal(ok.code, 0);
    assert.equal(ok.outputs.drift, 'false');
    assert.equal(ok.outputs['issue-number'], '');
    assert.deepEqual(
      server.requests.map((q) => q.method),
      ['GET'],
    );

    const fail = await runDrift({ reference: train, current: shifted, 'open-issue': 'false', 'fail-on-drift': 'true' }, server.url);
    assert.equal(fail.code, 1);
    assert.match(fail.stdout, /::error::dataset drift: /);
    assert.equal(fail.outputs.drift, 'true');

    const bad = await runDrift({ reference: train, current: shifted, method: 'nope', 'open-issue': 'false' }, server.url);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /::error::input "method" must be one of auto, ks/);
  } finally {
    await server.close();
  }
});

test('action: a bad cooldown-hours fails before any data is read or any request is sent', async () => {
  const server = await startGitHubServer({ 'GET /repos/acme/churn/issues': () => ({ body: [] }) });
  try {
    // The current data does not exist: if the drift check ran first, the error would name it instead.
    const r = await runDrift({ reference: train, current: '/nonexistent/current.csv', 'cooldown-hours': 'soon' }, server.url);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::error::input "cooldown-hours" must be a number in range \(got "soon"\)/);
    assert.doesNotMatch(r.stdout, /nonexistent/);
    assert.deepEqual(server.requests, []);
    assert.deepEqual(r.outputs, {});
    assert.equal(r.summary, '');
  } finally {
    await server.close();
  }
});

test('action: the HTML report is written (output html-report); without an artifact service it is not uploaded nor linked', async () => {
  const server = await startGitHubServer({ 'GET /repos/acme/churn/issues': () => ({ body: [] }) });
  try {
    const r = await runDrift({ reference: train, current: unshifted, model: 'churn' }, server.url);
    assert.equal(r.code, 0, r.stdout);
    const html = readFileSync(r.outputs['html-report'], 'utf8');
    assert.match(html, /^<!doctype html>.*<table id="drift">/s);
    assert.equal(r.outputs['report-url'], '');
    assert.equal(r.outputs['inconclusive-columns'], '');
    assert.doesNotMatch(r.summary, /Interactive HTML report/);
    assert.match(r.stdout, /no artifact service in this run/);
  } finally {
    await server.close();
  }
});
