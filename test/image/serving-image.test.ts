import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sha256 } from '../../src/serve/model-source.ts';
import { cli, tempDir } from '../helpers.ts';
import { demoModelWithLineage } from '../serve/demo-lineage.ts';
import { call, predict } from '../serve/http.ts';
import { startServerProcess } from '../serve/process.ts';
import { parsePrometheus, sampleValue } from '../serve/prometheus.ts';
import { hostCaMounts, imageCacheDir, openBuildah, standInBase } from './buildah.ts';

const LINEAGE = {
  metrics: { auc: 0.81 },
  data: { fingerprint: 'sha256:' + 'cd'.repeat(32), files: [], rows: 4000 },
  source: { commit: 'beefcafe'.repeat(5), repository: 'acme/churn', run_url: 'https://github.com/acme/churn/actions/runs/42' },
  duration_s: 9,
};
const REGISTRY_COMMIT = 'a1b2c3d4'.repeat(5);
const IMAGE = 'localhost/mlops-test/churn:3';

const ROWS = [
  {
    age: 40,
    tenure_months: 8,
    monthly_charges: 62.19,
    total_charges: 497.47,
    support_calls: 0,
    has_partner: false,
    plan: 'standard',
    contract: 'month-to-month',
    region: 'east',
  },
  {
    age: 38,
    tenure_months: 3,
    monthly_charges: 76.15,
    total_charges: 217.93,
    support_calls: 0,
    has_partner: true,
    plan: 'standard',
    contract: 'two-year',
    region: 'north',
  },
  {
    age: 67,
    tenure_months: 60,
    monthly_charges: 20.5,
    total_charges: 1230,
    support_calls: 5,
    has_partner: true,
    plan: 'basic',
    contract: 'one-year',
    region: 'west',
  },
  {
    age: 19,
    tenure_months: 0,
    monthly_charges: 99.99,
    total_charges: 0,
    support_calls: 9,
    has_partner: false,
    plan: 'premium',
    contract: 'month-to-month',
    region: 'south',
  },
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The node process under `root` (a host pid) whose arguments include `needle`: chroot isolation runs the container's processes on the host. */
function descendant(root: number, needle: string): { pid: number; uid: number; gid: number } | undefined {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      // Fields after the parenthesised command: state, then ppid.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const under = (pid: number): boolean => pid === root || (pid > 1 && parents.has(pid) && under(parents.get(pid)!));
  for (const pid of parents.keys()) {
    if (pid === root || !under(pid)) continue;
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!/(^|\/)node$/.test(args[0]) || !args.includes(needle)) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const id = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)![1]);
      return { pid, uid: id('Uid'), gid: id('Gid') };
    } catch {
      continue;
    }
  }
  return undefined;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

test('the generated context builds with buildah and serves in the container as `mlops serve` does on the host', { timeout: 900_000 }, async (t) => {
  const buildah = await openBuildah(imageCacheDir());
  if (typeof buildah === 'string') {
    t.skip(`image test skipped: ${buildah}`);
    return;
  }
  // Leftovers of an interrupted run: working containers are never worth keeping between runs.
  await buildah.run(['rm', '--all']);

  const started = performance.now();
  const base = await standInBase(buildah);
  t.diagnostic(
    `${buildah.driver} storage; stand-in base ${base.ref}: ${base.built ? `built in ${seconds(started)} s (${JSON.stringify(base.built)})` : 'cached'}, ${(base.layerBytes / 1e6).toFixed(0)} MB`,
  );

  const dir = tempDir();
  const { modelFile, bytes } = await demoModelWithLineage(dir, LINEAGE);
  const ctx = join(dir, 'ctx');
  const r = await cli([
    'build-context',
    '--model',
    modelFile,
    '--name',
    'churn',
    '--model-version',
    '3',
    '--registry-commit',
    REGISTRY_COMMIT,
    '--base-image',
    base.ref,
    '--out',
    ctx,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const context = JSON.parse(r.stdout);

  const building = performance.now();
  // --format docker: the OCI image config has no HEALTHCHECK, buildah drops it from OCI images.
  const bud = await buildah.run(
    ['bud', '--isolation', 'chroot', '--format', 'docker', '--pull-never', '--layers=false', ...(await hostCaMounts(dir)), '-t', IMAGE, ctx],
    600_000,
  );
  assert.equal(bud.code, 0, `buildah bud failed:\n${bud.stdout.slice(-3000)}\n${bud.stderr.slice(-3000)}`);
  t.diagnostic(`image built in ${seconds(building)} s`);

  let ctr: string | undefined;
  try {
    const image = await buildah.inspectImage(IMAGE);
    const config = image.Docker.config;
    const layers: { size: number }[] = JSON.parse(image.Manifest).layers;
    const appBytes = layers.slice(1).reduce((s, l) => s + l.size, 0);
    t.diagnostic(
      `image ${((base.layerBytes + appBytes) / 1e6).toFixed(0)} MB: base ${(base.layerBytes / 1e6).toFixed(0)} MB + app layer ${(appBytes / 1e6).toFixed(0)} MB`,
    );
    // onnxruntime-node ships its native build for six platforms (about 290 MB); the image keeps one.
    assert.ok(appBytes < 120e6, `the app layer is ${(appBytes / 1e6).toFixed(0)} MB: other platforms' onnxruntime binaries were not pruned`);

    // The labels are the lineage: what build-context printed, and what the model's lineage says.
    const { 'io.buildah.version': _, ...labels } = config.Labels;
    assert.deepEqual(labels, context.labels);
    assert.equal(labels['io.mlops.model.sha256'], sha256(bytes));
    assert.equal(labels['io.mlops.source.commit'], LINEAGE.source.commit);
    assert.equal(labels['org.opencontainers.image.revision'], LINEAGE.source.commit);
    assert.equal(labels['org.opencontainers.image.source'], 'https://github.com/acme/churn');
    assert.equal(labels['io.mlops.data.fingerprint'], LINEAGE.data.fingerprint);
    assert.equal(labels['io.mlops.registry.commit'], REGISTRY_COMMIT);
    assert.equal(labels['io.mlops.training.run'], LINEAGE.source.run_url);
    assert.equal(`${labels['org.opencontainers.image.base.name']}@${labels['org.opencontainers.image.base.digest']}`, base.ref);
    assert.equal(config.User, '1000:1000');
    assert.deepEqual(config.Healthcheck.Test, ['CMD', 'node', 'healthcheck.mjs']);

    ctr = (await buildah.must(['from', '--pull-never', IMAGE])).trim();
    // chroot isolation shares the host's network: a free port on loopback, for the server and its healthcheck alike.
    const port = await freePort();
    const env = ['-e', 'MLOPS_HOST=127.0.0.1', '-e', `MLOPS_PORT=${port}`];
    const inContainer = (cmd: string[]) => buildah.run(['run', '--isolation', 'chroot', ...env, ctr!, '--', ...cmd]);

    const ids = JSON.parse((await inContainer(['node', '-e', WHO_CAN_WRITE])).stdout);
    assert.deepEqual(ids, {
      node: '24',
      uid: 1000,
      gid: 1000,
      writable: { 'model/model.onnx': false, 'model/serving.json': false, model: false, 'server.mjs': false, '/var/log/mlops': true },
    });

    const healthCmd = config.Healthcheck.Test.slice(1);
    assert.equal((await inContainer(healthCmd)).code, 1, 'the healthcheck fails while no server answers');

    const server = buildah.spawn(['run', '--isolation', 'chroot', ...env, ctr, '--', ...config.Cmd]);
    try {
      // The HEALTHCHECK's own command, run until it passes, within the image's start period (20 s).
      const waiting = performance.now();
      let healthy = false;
      while (!healthy && performance.now() - waiting < 20_000) {
        healthy = (await inContainer(healthCmd)).code === 0;
        if (!healthy) await sleep(250);
      }
      assert.ok(healthy, `the healthcheck never passed:\n${server.output()}`);
      t.diagnostic(`healthy ${seconds(waiting)} s after start`);
      const url = `http://127.0.0.1:${port}`;
      assert.match(server.output(), /"msg":"listening"/);
      const serving = descendant(server.child.pid!, 'server.mjs');
      assert.ok(serving, 'the server process is found under buildah run');
      assert.deepEqual({ uid: serving.uid, gid: serving.gid }, { uid: 1000, gid: 1000 }, 'the server itself runs as 1000:1000');

      const host = await startServerProcess(['--import', 'tsx', 'src/cli/main.ts', 'serve', '--model', join(ctx, 'model', 'model.onnx'), '--port', '0']);
      try {
        const inImage = await predict(url, { instances: ROWS });
        const onHost = await predict(host.url, { instances: ROWS });
        assert.equal(inImage.status, 200, inImage.text);
        assert.deepEqual(inImage.json.model, { name: 'churn', version: '3' });
        assert.deepEqual(inImage.json.probabilities, onHost.json.probabilities, 'identical probabilities in the image and on the host');
        assert.deepEqual(inImage.json.predictions, onHost.json.predictions);
        assert.equal(inImage.json.probabilities.length, ROWS.length);
        assert.equal(inImage.json.predictions.length, ROWS.length);
      } finally {
        await host.stop();
      }

      const metrics = parsePrometheus((await call(`${url}/metrics`)).text);
      assert.equal(sampleValue(metrics.samples, 'mlops_predictions_total', { model_version: '3' }), ROWS.length);
      const meta = (await call(`${url}/metadata`)).json;
      assert.equal(meta.lineage.registry_commit, REGISTRY_COMMIT);
      // What `docker stop` does: SIGTERM to the container's process (buildah run itself would SIGKILL it).
      process.kill(serving.pid, 'SIGTERM');
      assert.equal(await server.exited, 0, `the server did not stop cleanly on SIGTERM:\n${server.output()}`);
    } finally {
      // On failure: buildah run kills what it runs when it gets SIGTERM, so no server outlives the test.
      if (server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
  } finally {
    if (ctr) await buildah.run(['rm', ctr]);
    await buildah.run(['rmi', IMAGE]);
  }
  t.diagnostic(`image test took ${seconds(started)} s`);
});

/** Run inside the container as its USER: its Node major version, who it is, and which served files it could change. */
const WHO_CAN_WRITE = `
const fs = require('node:fs');
const can = (p) => { try { fs.accessSync(p, fs.constants.W_OK); return true; } catch { return false; } };
const paths = ['model/model.onnx', 'model/serving.json', 'model', 'server.mjs', '/var/log/mlops'];
console.log(JSON.stringify({ node: process.versions.node.split('.')[0], uid: process.getuid(), gid: process.getgid(), writable: Object.fromEntries(paths.map((p) => [p, can(p)])) }));
`;
