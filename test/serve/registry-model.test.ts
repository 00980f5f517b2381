import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { demoModelWithLineage } from './demo-lineage.ts';
import { cli, tempDir } from '../helpers.ts';
import { call } from './http.ts';
import { startServerProcess } from './process.ts';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  PATH: process.env.PATH,
  HOME: process.env.HOME,
};

/** A real registry branch in a bare repository holding the demo model as churn v1 in production. */
async function registryWithDemoModel() {
  const remote = join(tempDir(), 'remote.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const { modelFile, bytes, lineageFile } = await demoModelWithLineage(tempDir(), {
    metrics: { auc: 0.82 },
    data: { fingerprint: 'sha256:' + 'cd'.repeat(32), files: [], rows: 4000 },
    source: { commit: 'ab12'.repeat(10), repository: 'acme/churn' },
    duration_s: 9,
  });
  const env = { ...GIT_ENV, MLOPS_REGISTRY_REMOTE: remote };
  const reg = await cli(['registry', 'register', 'churn', '--model', modelFile, '--lineage', lineageFile, '--stage', 'production', '--remote', remote], {
    env,
  });
  assert.equal(reg.code, 0, reg.stderr);
  return { env, bytes };
}

test('registry:churn#production: build-context and serve take the model, name, version and lineage from the registry', { timeout: 60_000 }, async () => {
  const { env, bytes } = await registryWithDemoModel();
  const out = join(tempDir(), 'ctx');
  const built = await cli(['build-context', '--model', 'registry:churn#production', '--out', out, '--image-prefix', 'ghcr.io/acme', '--tag', 'production'], {
    env,
  });
  assert.equal(built.code, 0, built.stderr);
  const result = JSON.parse(built.stdout);
  assert.equal(result.name, 'churn');
  assert.equal(result.version, 'v1');
  assert.deepEqual(result.tags, ['ghcr.io/acme/churn:v1', 'ghcr.io/acme/churn:production']);
  assert.deepEqual(readFileSync(join(out, 'model', 'model.onnx')), bytes);
  assert.equal(result.labels['io.mlops.source.commit'], 'ab12'.repeat(10));
  assert.equal(result.labels['io.mlops.data.fingerprint'], 'sha256:' + 'cd'.repeat(32));
  assert.equal(result.labels['org.opencontainers.image.source'], 'https://github.com/acme/churn');

  const server = await startServerProcess(['--import', 'tsx', 'src/cli/main.ts', 'serve', '--model', 'registry:churn#production', '--port', '0'], {
    env: { ...env, NODE_OPTIONS: '' },
  });
  try {
    const meta = (await call(`${server.url}/metadata`)).json;
    assert.equal(meta.name, 'churn');
    assert.equal(meta.version, 'v1');
    assert.equal(meta.lineage.data_fingerprint, 'sha256:' + 'cd'.repeat(32));
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('a registry reference that does not resolve is one line and exit 2', { timeout: 30_000 }, async () => {
  const { env } = await registryWithDemoModel();
  const r = await cli(['build-context', '--model', 'registry:churn#staging', '--out', join(tempDir(), 'ctx')], { env });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^mlops build-context: error: registry:churn#staging: .*staging/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('--shadow takes a registry reference: the log names the registry version next to the primary', { timeout: 60_000 }, async () => {
  const { env } = await registryWithDemoModel();
  const dir = tempDir();
  const modelFile = await writeDemoMlp(dir);
  const logDir = join(dir, 'logs');
  const args = [
    '--import',
    'tsx',
    'src/cli/main.ts',
    'serve',
    '--model',
    modelFile,
    '--model-version',
    'local',
    '--shadow',
    'registry:churn#production',
    '--log-predictions',
    logDir,
    '--port',
    '0',
  ];
  const server = await startServerProcess(args, { env: { ...env, NODE_OPTIONS: '' } });
  const row = {
    customer_id: 'C1',
    age: 41,
    tenure_months: 12,
    monthly_charges: 70.5,
    total_charges: 846,
    plan: 'basic',
    contract: 'month-to-month',
    region: 'north',
    support_calls: 2,
    has_partner: false,
    signup_date: '2025-04-27',
  };
  let reply;
  try {
    reply = await call(`${server.url}/predict`, { body: JSON.stringify({ instances: [row] }) });
  } finally {
    assert.equal(await server.stop(), 0);
  }
  assert.equal(reply.status, 200, reply.text);
  assert.equal(reply.json.model.version, 'local');
  assert.ok(server.logs.some((l) => l.msg === 'shadow model' && l.name === 'churn' && l.version === 'v1'));
  const [file] = readdirSync(logDir);
  const line = JSON.parse(readFileSync(join(logDir, file), 'utf8').trim());
  assert.equal(line.model_version, 'local');
  assert.equal(line.shadow_model_version, 'v1');
  assert.equal(line.shadow_prediction, line.prediction);
});
