import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveModelSource, sha256, SERVING_FILE } from '../../src/serve/model-source.ts';
import { writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { tempDir } from '../helpers.ts';

test('a bare .onnx file is named after the file and versioned by its hash', async () => {
  const dir = tempDir();
  const file = await writeDemoMlp(dir);
  const { manifest, modelFile } = await resolveModelSource('model.onnx', { cwd: dir, env: {} });
  assert.equal(modelFile, file);
  assert.equal(manifest.name, 'model');
  assert.equal(manifest.version, `sha-${sha256(readFileSync(file)).slice(0, 12)}`);
  assert.deepEqual(manifest.lineage, {});
  assert.equal(manifest.signature.inputs.length, 9);
});

test('serving.json beside the model gives name, version and lineage, and must match the file', async () => {
  const dir = tempDir();
  const file = await writeDemoMlp(dir);
  const manifest = (await resolveModelSource(file, { cwd: dir, env: {}, name: 'churn', version: 'v2' })).manifest;
  writeFileSync(join(dir, SERVING_FILE), JSON.stringify({ ...manifest, lineage: { source_commit: 'abc' } }));
  const again = await resolveModelSource(file, { cwd: dir, env: {} });
  assert.equal(again.manifest.name, 'churn');
  assert.equal(again.manifest.version, 'v2');
  assert.deepEqual(again.manifest.lineage, { source_commit: 'abc' });
  assert.equal((await resolveModelSource(file, { cwd: dir, env: {}, version: 'v9' })).manifest.version, 'v9', 'flags win');

  const other = tempDir();
  await writeDemoMlp(other, 99);
  copyFileSync(join(dir, SERVING_FILE), join(other, SERVING_FILE));
  await assert.rejects(resolveModelSource(join(other, 'model.onnx'), { cwd: other, env: {} }), /serving\.json: its sha256 does not match model\.onnx/);
  writeFileSync(join(other, SERVING_FILE), '{"schema_version": 1}');
  await assert.rejects(resolveModelSource(join(other, 'model.onnx'), { cwd: other, env: {} }), /not a valid serving manifest \(kind:/);
});

test('a registry reference goes through the resolver and its metadata becomes the lineage summary', async () => {
  const dir = tempDir();
  const file = await writeDemoMlp(dir);
  const asked: string[] = [];
  const { manifest, modelFile } = await resolveModelSource('registry:churn#production', {
    cwd: dir,
    env: {},
    resolveRegistry: async (ref) => {
      asked.push(ref);
      return {
        name: 'churn',
        version: 'v3',
        modelFile: file,
        dir,
        metadata: {
          created_at: '2026-03-01T00:00:00Z',
          model: { framework: 'tfjs' },
          source: { commit: 'c0ffee', repository: 'acme/churn', run_url: 'https://example.test/run/1' },
          data: { fingerprint: 'sha256:beef' },
          metrics: { auc: 0.8, note: 'not a number' },
        },
      };
    },
  });
  assert.deepEqual(asked, ['registry:churn#production']);
  assert.equal(modelFile, file);
  assert.equal(manifest.name, 'churn');
  assert.equal(manifest.version, 'v3');
  assert.deepEqual(manifest.lineage, {
    source_commit: 'c0ffee',
    source_repository: 'acme/churn',
    run_url: 'https://example.test/run/1',
    data_fingerprint: 'sha256:beef',
    framework: 'tfjs',
    trained_at: '2026-03-01T00:00:00Z',
    metrics: { auc: 0.8 },
  });
  await assert.rejects(resolveModelSource('registry:churn#production', { cwd: dir, env: {} }), /no registry access/);
});
