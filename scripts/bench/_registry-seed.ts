// Seeds registry branches for the benches (registry.ts, startup.ts) without going through
// `register`, so a 1,000-version history costs one `git fast-import`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  stringify,
  paths,
  REGISTRY_SCHEMA_VERSION,
  DEFAULT_STAGES,
  EVENTS_PER_SHARD,
  type RegistryEvent,
  type VersionMetadata,
} from '../../src/registry/format.ts';

export const BRANCH = 'mlops-registry';
const MODEL_BYTES = Buffer.from('\x08\x07bench-model\n'.repeat(200));
const at = '2026-01-01T00:00:00.000Z';

/** The model file the seeded versions (and registrations in the bench) store. */
export function seedModel(root: string): { modelPath: string } {
  const modelPath = join(root, 'model.onnx');
  writeFileSync(modelPath, MODEL_BYTES);
  return { modelPath };
}

/** A bare repository under `root` whose registry branch holds `n` versions of one model, "churn". */
export function seedRegistry(root: string, n: number): string {
  const modelBytes = MODEL_BYTES;
  const sha256 = createHash('sha256').update(modelBytes).digest('hex');
  const repo = mkdtempSync(join(root, `seed-${n}-`));
  execFileSync('git', ['init', '--bare', '--quiet', repo]);
  const chunks: Buffer[] = [
    Buffer.from(`commit refs/heads/${BRANCH}\ncommitter bench <bench@example.com> 1767225600 +0000\ndata 25\nregistry: seed for bench\n`),
  ];
  const file = (path: string, content: Buffer | string) => {
    const bytes = Buffer.from(content);
    chunks.push(Buffer.from(`M 100644 inline ${path}\ndata ${bytes.length}\n`), bytes, Buffer.from('\n'));
  };
  file(paths.config, stringify({ schema_version: REGISTRY_SCHEMA_VERSION, kind: 'mlops/registry', stages: [...DEFAULT_STAGES], created_at: at }));
  const events: RegistryEvent[] = [];
  for (let v = 1; v <= n; v++) {
    const meta: VersionMetadata = {
      schema_version: REGISTRY_SCHEMA_VERSION,
      kind: 'mlops/registry-version',
      name: 'churn',
      version: v,
      created_at: at,
      actor: 'bench',
      model: { file: 'model.onnx', sha256, size_bytes: modelBytes.length, format: 'onnx', storage: { kind: 'inline', path: 'model.onnx' } },
      source: {},
      params: { seed: v },
      metrics: { roc_auc: 0.8 + v / (n * 10) },
      data: {},
      card: 'MODEL_CARD.md',
    };
    file(`${paths.versionDir('churn', v)}/metadata.json`, stringify(meta));
    file(`${paths.versionDir('churn', v)}/MODEL_CARD.md`, `# churn v${v}\n`);
    file(`${paths.versionDir('churn', v)}/model.onnx`, Buffer.concat([modelBytes, Buffer.from(String(v))]));
    events.push({
      schema_version: REGISTRY_SCHEMA_VERSION,
      kind: 'mlops/registry-event',
      seq: v,
      type: 'register',
      name: 'churn',
      version: v,
      at,
      actor: 'bench',
    });
  }
  for (let start = 0; start < events.length; start += EVENTS_PER_SHARD) {
    file(
      paths.eventShard('churn', start + 1),
      events
        .slice(start, start + EVENTS_PER_SHARD)
        .map((e) => JSON.stringify(e) + '\n')
        .join(''),
    );
  }
  file(
    paths.index('churn'),
    stringify({
      schema_version: REGISTRY_SCHEMA_VERSION,
      kind: 'mlops/registry-index',
      name: 'churn',
      latest_version: n,
      events: n,
      stages: { production: { version: n, since: at, history: [] } },
      deprecated: {},
    }),
  );
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: Buffer.concat(chunks) });
  return repo;
}
