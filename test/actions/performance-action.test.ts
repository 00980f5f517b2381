import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startIssueRepo } from '../github-server.ts';
import { cli, readAll, tempDir } from '../helpers.ts';
import { weakOnnx, writeOnnx } from '../evaluate/onnx-models.ts';
import { runAction } from '../helpers/action.ts';

const HOLDOUT = 'templates/example/data/holdout.csv';

/**
 * A project as the scheduled workflow sees it: the weak model in production in a registry
 * (a bare repo), a day of its prediction logs, and labels that arrived for 600 of the rows.
 */
async function project() {
  const dir = tempDir();
  const remote = join(dir, 'registry.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const env = { PATH: process.env.PATH!, HOME: process.env.HOME!, GITHUB_ACTOR: 'ci', MLOPS_REGISTRY_REMOTE: remote };
  const model = writeOnnx(dir, 'weak.onnx', weakOnnx);
  assert.equal((await cli(['registry', 'register', 'churn', '--model', model, '--stage', 'production'], { env })).code, 0);
  const { columns, rows } = await readAll(HOLDOUT);
  const target = columns.indexOf('churned');
  const logs = join(dir, 'predictions-20261122T000000Z-a-0001.jsonl');
  writeFileSync(
    logs,
    rows
      .map((row, i) => {
        const entry: Record<string, unknown> = Object.fromEntries(columns.flatMap((c, j) => (j === target ? [] : [[c, row[j]]])));
        return JSON.stringify({ ...entry, prediction: '0', model_version: i < 500 ? '1' : '2', timestamp: `2026-11-22T0${Math.floor(i / 200)}:00:00.000Z` });
      })
      .join('\n') + '\n',
  );
  const labels = join(dir, 'labels.csv');
  writeFileSync(
    labels,
    'customer_id,churned\n' +
      rows
        .slice(0, 600)
        .map((r) => `${r[columns.indexOf('customer_id')]},${r[target]}`)
        .join('\n') +
      '\n',
  );
  const strict = join(dir, 'gate.yml');
  writeFileSync(strict, 'schema_version: 1\nrules: ["accuracy >= 0.7"]\n');
  const loose = join(dir, 'loose.yml');
  writeFileSync(loose, 'schema_version: 1\nrules: ["accuracy >= 0.5"]\n');
  return { dir, env, logs, labels, strict, loose };
}

test(
  'actions/performance: failing gate on late labels opens the performance issue and dispatches; persisting comments; too few rows leaves it; passing closes it',
  { timeout: 120_000 },
  async () => {
    const p = await project();
    // The data-drift issue of the same model must not be mistaken for the performance one.
    const repo = await startIssueRepo([{ number: 5, body: '<!-- mlops-drift model="churn" -->\n## drift' }]);
    const env = { ...p.env, GITHUB_API_URL: repo.server.url, GITHUB_REPOSITORY: 'acme/churn', GITHUB_RUN_ID: '77', GITHUB_WORKSPACE: p.dir };
    const inputs = {
      model: 'registry:churn#production',
      data: p.logs,
      labels: p.labels,
      key: 'customer_id',
      target: 'churned',
      gate: p.strict,
      dispatch: 'repository',
      token: 'ghs_x',
    };
    const writes = () => repo.server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    try {
      const first = await runAction('performance', inputs, { env });
      assert.equal(first.code, 0, first.stdout + first.stderr);
      assert.deepEqual(
        [first.outputs.status, first.outputs.passed, first.outputs.rows, first.outputs['issue-number'], first.outputs.dispatched],
        ['fail', 'false', '600', '100', 'true'],
      );
      assert.match(first.stdout, /::warning title=performance drift::accuracy >= 0\.7: 0\.\d+ < 0\.7/);
      assert.deepEqual(writes(), ['POST /repos/acme/churn/dispatches', 'POST /repos/acme/churn/issues']);
      const dispatch = repo.server.requests.find((r) => r.path.endsWith('/dispatches'))!.body as {
        event_type: string;
        client_payload: Record<string, unknown>;
      };
      assert.equal(dispatch.event_type, 'mlops-retrain');
      assert.deepEqual(
        { ...dispatch.client_payload, summary: undefined },
        { model: 'churn', trigger: 'performance', summary: undefined, failed_rules: ['accuracy >= 0.7'], rows: 600, issue_number: null },
      );
      assert.match(dispatch.client_payload.summary as string, /^failed 1 gate rule on 600 labelled rows: accuracy 0\.\d+ < 0\.7$/);
      const issue = repo.issues.find((i) => i.number === 100)!;
      assert.match(
        issue.body,
        /^<!-- mlops-performance model="churn" -->\n<!-- mlops-performance-dispatched-at=\S+ -->\n## Performance — churn: ⚠️ below the gate/,
      );
      assert.match(issue.body, /`registry:churn#production` on late labels — classification on `churned`, 600 rows/);
      assert.match(issue.body, /> Monitoring the model on its own: absolute rules and budgets judge it/);
      assert.doesNotMatch(issue.body, /no champion yet/);
      assert.match(issue.body, /600 of 1,000 logged rows matched \(400 without a label yet\); served by `1` \(500\), `2` \(100\)/);
      assert.match(issue.body, /\[Workflow run\]\(https:\/\/github.com\/acme\/churn\/actions\/runs\/77\)/);
      const result = JSON.parse(readFileSync(first.outputs.result, 'utf8'));
      assert.equal(result.labels.matched_rows, 600);
      assert.equal(first.summary, readFileSync(first.outputs.report, 'utf8'));

      repo.server.requests.length = 0;
      const again = await runAction('performance', inputs, { env });
      assert.deepEqual([again.outputs.status, again.outputs['issue-number'], again.outputs.dispatched], ['fail', '100', 'false']);
      assert.deepEqual(writes(), ['POST /repos/acme/churn/issues/100/comments']);
      assert.match(repo.comments.at(-1)!.body, /^Performance is still below the gate \(retraining was dispatched at \S+, within the 24 h cooldown\)\./);

      repo.server.requests.length = 0;
      const early = await runAction('performance', { ...inputs, since: '2026-11-22T02:00:00Z', 'min-rows': '300' }, { env });
      assert.equal(early.code, 0, early.stdout + early.stderr);
      assert.deepEqual([early.outputs.status, early.outputs.passed, early.outputs.rows, early.outputs['issue-number']], ['skipped', '', '200', '']);
      assert.match(early.summary, /not judged \(too few labelled rows\)/);
      assert.deepEqual(repo.server.requests, [], 'not judged: the issue is neither commented on nor closed');

      const fixed = await runAction('performance', { ...inputs, gate: p.loose }, { env });
      assert.deepEqual([fixed.outputs.status, fixed.outputs.passed, fixed.outputs['issue-number'], fixed.outputs.dispatched], ['pass', 'true', '100', 'false']);
      assert.deepEqual(writes(), ['POST /repos/acme/churn/issues/100/comments', 'PATCH /repos/acme/churn/issues/100']);
      assert.match(repo.comments.at(-1)!.body, /^The model passes the gate again on 600 labelled rows; closing\./);
      assert.equal(repo.issues.find((i) => i.number === 100)!.state, 'closed');
      assert.equal(repo.issues.find((i) => i.number === 5)!.state, 'open');

      const failing = await runAction('performance', { ...inputs, 'open-issue': 'false', dispatch: 'none', 'fail-on-failure': 'true' }, { env });
      assert.equal(failing.code, 1);
      assert.match(failing.stdout, /::error::the model failed 1 gate rules on 600 labelled rows/);
    } finally {
      await repo.server.close();
    }
  },
);

test('actions/performance: labels without key is a clear input error', async () => {
  const r = await runAction('performance', { model: 'm.onnx', data: 'logs.jsonl', labels: 'labels.csv', target: 'y' });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::input "key" is required with "labels"/);
});

test('actions/performance: a setting the core rejects is worded as the input, not the CLI flag', async () => {
  const r = await runAction('performance', {
    model: 'm.onnx',
    data: 'logs.jsonl',
    labels: 'labels.csv',
    key: 'id',
    target: 'y',
    since: 'last week',
    token: 'tok',
  });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::input "since" must be a span such as 30d, 12h, 2w or 90m, or an ISO date such as 2026-11-01 \(got "last week"\)/);
  assert.doesNotMatch(r.stdout, /--since/);
});

test('actions/performance: a bad cooldown-hours or min-rows fails before the runtime install and the evaluation', async () => {
  for (const [input, value, message] of [
    ['cooldown-hours', '-1', /::error::input "cooldown-hours" must be a number in range \(got "-1"\)/],
    ['min-rows', '1.5', /::error::input "min-rows" must be a whole number \(got "1.5"\)/],
  ] as const) {
    // The model and data do not exist: an evaluation that ran first would fail on them instead.
    const r = await runAction('performance', { model: 'missing.onnx', data: 'missing.jsonl', target: 'y', token: 't', [input]: value });
    assert.equal(r.code, 1);
    assert.match(r.stdout, message);
    assert.doesNotMatch(r.stdout, /missing\.(onnx|jsonl)|Runtime packages/);
  }
});
