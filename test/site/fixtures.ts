import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../../src/runs/schema.ts';
import { cli, tempDir } from '../helpers.ts';
import { BRANCH, bareRepo, git, jsonFile, lineageFor, modelFile } from '../registry/fixtures.ts';

export const NOW = new Date('2026-03-01T12:00:00Z');
export const COMMIT_V1 = '1'.repeat(40);
export const COMMIT_V2 = '2c'.repeat(20);
export const FINGERPRINT = 'sha256:' + 'ab'.repeat(32);
export const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

export function run(id: string, fields: Partial<RunRecord> & { metrics: Record<string, number> }): RunRecord {
  return {
    schema_version: 1,
    kind: 'mlops/run',
    id,
    model: 'churn',
    status: 'ok',
    params: { epochs: 20, learning_rate: 0.01 },
    tags: {},
    source: { commit: COMMIT_V2, ref: 'refs/heads/main' },
    environment: { runner: 'local', backend: 'cpu' },
    started_at: `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}Z`,
    duration_ms: 12_500,
    ...fields,
  };
}

/** The runs of the fixture: four in a --runs-dir (one failed), one on the registry branch. */
export const DIR_RUNS: RunRecord[] = [
  run('20260201T100000Z-0000000a', { metrics: { roc_auc: 0.81, accuracy: 0.77 }, params: { epochs: 10, learning_rate: 0.01 } }),
  run('20260202T100000Z-0000000b', { metrics: { roc_auc: 0.93, accuracy: 0.85 }, params: { epochs: 40, learning_rate: 0.003 }, registered_as: 'churn@v2' }),
  run('20260203T100000Z-0000000c', { status: 'failed', error: 'trainer exited with code 1', metrics: {}, params: { epochs: 80, learning_rate: 0.1 } }),
  run('20260301T090000Z-0000000d', { metrics: { roc_auc: 0.72, accuracy: 0.7 }, params: { epochs: 5, learning_rate: HOSTILE }, tags: { note: HOSTILE } }),
];
export const BRANCH_RUN = run('20260115T080000Z-000000e1', {
  metrics: { roc_auc: 0.88, accuracy: 0.8 },
  params: { epochs: 20, learning_rate: 0.01 },
  registered_as: 'churn@v1',
});

export function writeRuns(dir: string, runs: RunRecord[]): void {
  for (const r of runs) {
    const month = join(dir, `${r.id.slice(0, 4)}-${r.id.slice(4, 6)}`);
    mkdirSync(month, { recursive: true });
    writeFileSync(join(month, `${r.id}.json`), JSON.stringify(r, null, 2) + '\n');
  }
}

/**
 * A registry in a local bare repository, written through the CLI as a project would: churn v1
 * (production, then replaced) and v2 (staging → production), with lineage; fraud v1 with a
 * hostile description; and one run record committed to the branch's runs/ folder.
 */
export async function buildRegistry(): Promise<{ remote: string; runsDir: string }> {
  const remote = bareRepo();
  const reg = async (args: string[]) => {
    const r = await cli(['registry', ...args, '--remote', remote], { env: { GITHUB_ACTOR: 'alice' }, now: NOW });
    if (r.code !== 0) throw new Error(`registry ${args.join(' ')}: ${r.stderr}`);
  };
  const m1 = modelFile('site-one');
  const l1 = await lineageFor(m1, { roc_auc: 0.88, accuracy: 0.8 });
  l1.source.commit = COMMIT_V1;
  await reg([
    'register',
    'churn',
    '--model',
    m1.file,
    '--lineage',
    jsonFile('lineage.json', l1),
    '--commit',
    COMMIT_V1,
    '--stage',
    'production',
    '--description',
    'Predicts churn for the retention team.',
  ]);
  const m2 = modelFile('site-two');
  const l2 = await lineageFor(m2, { roc_auc: 0.93, accuracy: 0.85 });
  l2.source.commit = COMMIT_V2;
  l2.params = { epochs: 40, learning_rate: 0.003 };
  await reg(['register', 'churn', '--model', m2.file, '--lineage', jsonFile('lineage.json', l2), '--commit', COMMIT_V2, '--stage', 'staging']);
  await reg(['promote', 'churn', 'v2', '--to', 'production', '--reason', 'beats v1 on roc_auc']);
  const m3 = modelFile('site-three');
  await reg([
    'register',
    'fraud',
    '--model',
    m3.file,
    '--metrics',
    jsonFile('m.json', { recall: 0.6 }),
    '--params',
    jsonFile('p.json', { depth: HOSTILE }),
    '--description',
    HOSTILE,
  ]);

  const work = join(tempDir('mlops-site-branch-'), 'w');
  execFileSync('git', ['clone', '--quiet', '--branch', BRANCH, remote, work]);
  writeRuns(join(work, 'runs'), [BRANCH_RUN]);
  git(work, 'add', 'runs');
  git(work, 'commit', '--quiet', '-m', 'runs: record a run');
  git(work, 'push', '--quiet', 'origin', BRANCH);

  const runsDir = tempDir('mlops-site-runs-');
  writeRuns(runsDir, DIR_RUNS);
  return { remote, runsDir };
}
