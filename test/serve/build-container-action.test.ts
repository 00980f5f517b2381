import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { tempDir } from '../helpers.ts';
import { parseOutputs } from '../helpers/action.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync('actions/build-container/action.yml', 'utf8'));
const steps: Step[] = action.runs.steps;

test('build-container is a composite action: buildx, GHCR login, build-push with our tags, labels, SBOM and provenance', () => {
  assert.equal(action.runs.using, 'composite');
  const uses = steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0]);
  assert.deepEqual(uses, ['docker/setup-buildx-action', 'docker/login-action', 'docker/build-push-action']);
  const login = steps.find((s) => s.uses?.startsWith('docker/login-action'))!;
  assert.equal(login.with!.registry, 'ghcr.io');
  assert.equal(login.with!.password, '${{ inputs.token }}');
  const build = steps.find((s) => s.id === 'build')!;
  assert.equal(build.with!.tags, '${{ steps.context.outputs.tags }}');
  assert.equal(build.with!.labels, '${{ steps.context.outputs.labels }}');
  assert.equal(build.with!.context, '${{ steps.context.outputs.context }}');
  assert.equal(build.with!.sbom, '${{ inputs.sbom }}');
  assert.equal(build.with!.provenance, '${{ inputs.provenance }}');
  assert.equal(action.inputs['stage-tag'].default, 'production');
  assert.equal(action.outputs.digest.value, '${{ steps.build.outputs.digest }}');
  const record = steps.find((s) => s.run?.includes('registry annotate'))!;
  assert.match(record.run!, /registry annotate "\$NAME" "\$VERSION" --image "\$IMAGE" --image-digest "\$DIGEST"/);
  assert.match(record.if!, /inputs\.push == 'true'/);
  for (const s of steps.filter((x) => x.run))
    assert.doesNotMatch(s.run!, /\$\{\{/, `${s.name}: inputs reach scripts through env, never expression interpolation`);
});

test('the context step writes the context and outputs NAME:VERSION and NAME:production tags', { timeout: 30_000 }, async () => {
  const root = tempDir();
  const modelFile = await writeDemoMlp(root);
  // The action runs dist/cli.js; a stand-in that loads the CLI from source plays it here.
  mkdirSync(join(root, 'action/actions/build-container'), { recursive: true });
  mkdirSync(join(root, 'action/dist'));
  writeFileSync(join(root, 'action/dist/cli.js'), `import ${JSON.stringify(resolve('src/cli/main.ts'))};\n`);
  writeFileSync(join(root, 'action/package.json'), '{"type": "module"}\n');
  const runnerTemp = join(root, 'runner-temp');
  mkdirSync(runnerTemp);
  const outputFile = join(root, 'github-output');
  writeFileSync(outputFile, '');
  const step = steps.find((s) => s.id === 'context')!;
  const r = spawnSync('bash', ['-c', step.run!], {
    env: {
      ...process.env,
      NODE_OPTIONS: '--import tsx',
      GITHUB_ACTION_PATH: join(root, 'action/actions/build-container'),
      RUNNER_TEMP: runnerTemp,
      GITHUB_RUN_ID: '77',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_OUTPUT: outputFile,
      MODEL: modelFile,
      IMAGE: '',
      STAGE_TAG: 'production',
      MODEL_VERSION: '4',
      OWNER: 'Acme',
      MLOPS_REGISTRY_BRANCH: 'mlops-registry',
    },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const outputs = parseOutputs(readFileSync(outputFile, 'utf8'));
  assert.equal(outputs.image, 'ghcr.io/acme/model');
  assert.equal(outputs.tags, 'ghcr.io/acme/model:4\nghcr.io/acme/model:production');
  assert.equal(outputs.name, 'model');
  assert.equal(outputs.version, '4');
  assert.equal(outputs.context, join(runnerTemp, 'mlops-build-context-77-1'));
  assert.ok(existsSync(join(outputs.context, 'Dockerfile')));
  assert.match(outputs.labels, /^io\.mlops\.model\.version=4$/m);

  const summaryFile = join(root, 'summary.md');
  const summary = steps.find((s) => s.name === 'Job summary')!;
  const s = spawnSync('bash', ['-c', summary.run!], {
    env: {
      ...process.env,
      GITHUB_STEP_SUMMARY: summaryFile,
      IMAGE: outputs.image,
      TAGS: outputs.tags,
      DIGEST: 'sha256:' + 'a'.repeat(64),
      LABELS: outputs.labels,
      PUSHED: 'true',
    },
    encoding: 'utf8',
  });
  assert.equal(s.status, 0, s.stderr);
  const text = readFileSync(summaryFile, 'utf8');
  assert.match(text, /Pushed `ghcr\.io\/acme\/model@sha256:a{64}`/);
  assert.match(text, /\| `ghcr\.io\/acme\/model:production` \|/);
});
