import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lineage } from '../../src/model/lineage.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { tempDir } from '../helpers.ts';

export const BRANCH = 'mlops-registry';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
}

export function bareRepo(): string {
  const dir = join(tempDir('mlops-registry-remote-'), 'remote.git');
  execFileSync('git', ['init', '--bare', '--quiet', dir]);
  return dir;
}

export function head(remote: string): string | null {
  try {
    return git(remote, 'rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`);
  } catch {
    return null;
  }
}

/** A file that looks like an ONNX model: the registry treats models as bytes plus metadata. */
export function modelFile(seed: string): { file: string; sha256: string; bytes: Buffer } {
  const bytes = Buffer.from(`\x08\x07\x12\x07mlops-test-${seed}\n`.repeat(40));
  const file = join(tempDir('mlops-model-'), 'model.onnx');
  writeFileSync(file, bytes);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

export function jsonFile(name: string, value: unknown): string {
  const file = join(tempDir('mlops-json-'), name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Rewrites files on the registry branch behind the registry's back, as a broken tool would. */
export function tamper(remote: string, edits: Record<string, string | Buffer>): string {
  const work = join(tempDir('mlops-tamper-'), 'w');
  execFileSync('git', ['clone', '--quiet', '--branch', BRANCH, remote, work]);
  for (const [path, content] of Object.entries(edits)) writeFileSync(join(work, path), content);
  git(work, 'commit', '--quiet', '-am', 'tamper');
  git(work, 'push', '--quiet', 'origin', BRANCH);
  return git(work, 'rev-parse', 'HEAD');
}

export async function lineageFor(model: { file: string; sha256: string; bytes: Buffer }, metrics: Record<string, number>): Promise<Lineage> {
  const profile = await profileFiles(['templates/example/data/train.csv'], { now: () => new Date('2026-01-01T00:00:00Z') });
  return {
    schema_version: 1,
    kind: 'mlops/lineage',
    model: {
      file: 'model.onnx',
      sha256: model.sha256,
      size_bytes: model.bytes.length,
      format: 'onnx',
      framework: 'tfjs',
      task: 'classification',
      target: 'churned',
      signature: {
        inputs: [{ name: 'features', type: 'float32', shape: ['batch', 10] }],
        outputs: [{ name: 'probability', type: 'float32', shape: ['batch', 1] }],
      },
    },
    params: { epochs: 20, learning_rate: 0.01 },
    metrics,
    data: {
      fingerprint: 'sha256:' + 'ab'.repeat(32),
      files: [{ path: 'data/train.csv', sha256: 'cd'.repeat(32), bytes: 12345 }],
      rows: profile.rows,
      profile,
    },
    source: {
      commit: 'f'.repeat(40),
      repository: 'acme/churn',
      run_id: '42',
      run_url: 'https://github.com/acme/churn/actions/runs/42',
      actor: 'alice',
      workflow: 'train',
    },
    environment: { os: 'linux', arch: 'x64', cpus: 2, memory_bytes: 8e9, node: 'v20.20.2', packages: { '@tensorflow/tfjs': '4.22.0' } },
    seed: 7,
    started_at: '2026-01-01T00:00:00Z',
    duration_s: 12.5,
  };
}
