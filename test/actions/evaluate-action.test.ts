import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubServer } from '../github-server.ts';
import { tempDir, tempFile } from '../helpers.ts';
import { goodOnnx, weakOnnx, writeOnnx } from '../evaluate/onnx-models.ts';
import { runAction } from '../helpers/action.ts';

const HOLDOUT = new URL('../../templates/example/data/holdout.csv', import.meta.url).pathname;

test('actions/evaluate: a worse candidate fails the step, names the rules, writes outputs, summary and the sticky comment', async () => {
  const comments: { id: number; body: string; html_url: string }[] = [];
  const server = await startGitHubServer({
    'GET /repos/:owner/:repo/issues/:n/comments': () => ({ body: comments }),
    'POST /repos/:owner/:repo/issues/:n/comments': (req) => {
      const c = { id: 7, body: (req.body as { body: string }).body, html_url: 'https://github.test/acme/churn/pull/3#c7' };
      comments.push(c);
      return { status: 201, body: c };
    },
  });
  try {
    const dir = tempDir();
    const gate = join(dir, 'gate.yml');
    writeFileSync(gate, 'schema_version: 1\nrules: [accuracy >= 0.7, f1 >= champion - 0.01]\n');
    const r = await runAction(
      'evaluate',
      {
        model: writeOnnx(dir, 'weak.onnx', weakOnnx),
        baseline: writeOnnx(dir, 'good.onnx', goodOnnx),
        data: HOLDOUT,
        target: 'churned',
        gate,
        slices: 'region',
        'report-path': join(dir, 'out/report.md'),
        'json-path': join(dir, 'out/eval.json'),
        'github-token': 'tok',
      },
      {
        env: {
          GITHUB_API_URL: server.url,
          GITHUB_REPOSITORY: 'acme/churn',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: tempFile('event.json', JSON.stringify({ pull_request: { number: 3, head: { sha: 'c0ffee1234567890c0ffee1234567890c0ffee12' } } })),
          GITHUB_SHA: 'beefbeefbeefbeefbeefbeefbeefbeefbeefbeef',
          GITHUB_SERVER_URL: 'https://github.test',
          GITHUB_RUN_ID: '987',
          GITHUB_RUN_NUMBER: '12',
          GITHUB_RUN_ATTEMPT: '2',
          GITHUB_WORKFLOW: 'ml-evaluate',
        },
      },
    );
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.outputs.verdict, 'fail');
    assert.equal(r.outputs.passed, 'false');
    const metrics = JSON.parse(r.outputs.metrics);
    assert.equal(metrics.verdict, 'fail');
    assert.equal(metrics.candidate.accuracy, 0.601);
    assert.ok(metrics.champion.accuracy > 0.72);
    assert.equal(r.outputs['comment-url'], 'https://github.test/acme/churn/pull/3#c7');
    assert.match(r.stdout, new RegExp(`::error title=evaluation gate,file=${gate},line=2::accuracy >= 0\\.7: 0\\.601 < 0\\.7`));
    assert.match(r.stdout, /::error::evaluation gate failed: 2 of 2 rules; see the report/);
    const report = readFileSync(join(dir, 'out/report.md'), 'utf8');
    assert.match(report, /^## ❌ Evaluation gate failed: 2 of 2 rules/);
    assert.equal(r.summary, report + '\n');
    assert.equal(comments.length, 1);
    // The comment is edited in place on every push, so it says which head commit and run it reflects (not the merge SHA).
    const footer =
      /\n\n<sub>Reflects commit \[`c0ffee1`\]\(https:\/\/github\.test\/acme\/churn\/commit\/c0ffee1234567890c0ffee1234567890c0ffee12\) · workflow run \[ml-evaluate #12 \(attempt 2\)\]\(https:\/\/github\.test\/acme\/churn\/actions\/runs\/987\/attempts\/2\) · updated (\d{4}-\d\d-\d\d \d\d:\d\d) UTC<\/sub>\n$/;
    const stamp = footer.exec(comments[0].body);
    assert.ok(stamp, comments[0].body.slice(-400));
    assert.ok(Math.abs(Date.parse(stamp[1].replace(' ', 'T') + 'Z') - Date.now()) < 10 * 60_000, 'stamped with the current time');
    assert.equal(comments[0].body.slice(0, stamp.index + 1), '<!-- mlops-report:evaluate -->\n' + report);
    assert.equal(JSON.parse(readFileSync(join(dir, 'out/eval.json'), 'utf8')).verdict.verdict, 'fail');
  } finally {
    await server.close();
  }
});

test('actions/evaluate: each failed gate rule is annotated on its line in gate.yml', async () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'gate.yml'),
    [
      '# policy for churn',
      'schema_version: 1',
      'rules:',
      '  - accuracy >= 0.5',
      '  # the candidate must not lose F1',
      '  - f1 >= champion - 0.01',
      '  - "accuracy >= 0.7"',
      'slices:',
      '  columns: [region]',
      '  min_rows: 1',
      '  rules:',
      '    - accuracy >= 0.99',
      '',
    ].join('\n'),
  );
  writeOnnx(dir, 'weak.onnx', weakOnnx);
  writeOnnx(dir, 'good.onnx', goodOnnx);
  const r = await runAction(
    'evaluate',
    {
      model: 'weak.onnx',
      baseline: 'good.onnx',
      data: HOLDOUT,
      target: 'churned',
      gate: 'gate.yml',
      comment: 'false',
      'report-path': 'r.md',
      'json-path': 'e.json',
    },
    { env: { GITHUB_WORKSPACE: dir }, cwd: dir },
  );
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error title=evaluation gate'));
  assert.ok(
    annotations.some((l) => /^::error title=evaluation gate,file=gate\.yml,line=6::f1 >= champion - 0\.01: /.test(l)),
    annotations.join('\n'),
  );
  assert.ok(
    annotations.some((l) => /^::error title=evaluation gate,file=gate\.yml,line=7::accuracy >= 0\.7: 0\.601 < 0\.7/.test(l)),
    annotations.join('\n'),
  );
  const slices = annotations.filter((l) => l.includes('accuracy >= 0.99 @ region='));
  assert.ok(slices.length > 0, annotations.join('\n'));
  for (const l of slices) assert.match(l, /^::error title=evaluation gate,file=gate\.yml,line=12::/);
  assert.ok(!annotations.some((l) => l.includes('accuracy >= 0.5:')), 'a passing rule is not annotated');
});
