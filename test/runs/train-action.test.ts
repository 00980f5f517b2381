import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { listRuns } from '../../src/runs/store.ts';
import { tempDir } from '../helpers.ts';
import { runAction } from '../helpers/action.ts';

test('the train action records a failed command run (status failed, its error line) and fails the step', { timeout: 120_000 }, async () => {
  const cwd = tempDir();
  const r = await runAction(
    'train',
    {
      command: 'exit 4',
      outputs: 'model.onnx',
      'upload-artifact': 'false',
      'install-runtime': 'false',
      'cache-data': 'false',
      'runs-dir': 'records',
      name: 'churn',
    },
    {
      env: {
        GITHUB_REPOSITORY: 'acme/churn',
        GITHUB_REF: 'refs/pull/9/merge',
        GITHUB_SHA: 'e'.repeat(40),
        GITHUB_RUN_ID: '77',
        GITHUB_SERVER_URL: 'https://github.com',
        RUNNER_NAME: 'hosted-2',
      },
      cwd,
    },
  );
  assert.notEqual(r.code, 0, 'the step fails');
  assert.match(r.stdout + r.stderr, /the training command failed with exit code 4/);
  const [run, ...others] = await listRuns({ dir: join(cwd, 'records') });
  assert.equal(others.length, 0);
  assert.equal(r.outputs['run-id'], run.id);
  assert.equal(run.status, 'failed');
  assert.equal(run.model, 'churn');
  assert.equal(run.error, 'the training command failed with exit code 4');
  assert.deepEqual(run.source, { commit: 'e'.repeat(40), ref: 'refs/pull/9/merge', pr: 9, workflow_run_url: 'https://github.com/acme/churn/actions/runs/77' });
  assert.equal(run.environment.runner, 'hosted-2');
});
