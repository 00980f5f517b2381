import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.ts';

const WRITERS = 20;

function runCliProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: process.cwd(), env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const gitIn = (repo: string, args: string[]) => execFileSync('git', args, { cwd: repo }).toString();

test(`${WRITERS} concurrent register processes against one bare repo all land`, { timeout: 480_000 }, async () => {
  const dir = tempDir('mlops-concurrency-');
  const remote = join(dir, 'remote.git');
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  const models = Array.from({ length: WRITERS }, (_, i) => {
    const file = join(dir, `model-${i}.onnx`);
    const bytes = Buffer.from(`ONNX-looking model number ${i}\n`.repeat(50 + i));
    writeFileSync(file, bytes);
    return { file, sha256: createHash('sha256').update(bytes).digest('hex') };
  });

  const results = await Promise.all(
    models.map((m, i) =>
      runCliProcess([
        'registry',
        'register',
        'churn',
        '--model',
        m.file,
        '--remote',
        remote,
        '--actor',
        `writer-${i}`,
        '--format',
        'json',
        ...(i % 4 === 0 ? ['--stage', 'staging'] : []),
      ]),
    ),
  );
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const outputs = results.map((r) => JSON.parse(r.stdout) as { version_number: number; sha256: string; attempts: number });
  const versions = outputs.map((o) => o.version_number).sort((a, b) => a - b);
  assert.deepEqual(
    versions,
    Array.from({ length: WRITERS }, (_, i) => i + 1),
    'every writer got its own version, none skipped',
  );
  assert.ok(
    outputs.some((o) => o.attempts > 1),
    'the writers really collided',
  );
  // The backoff window grows with an attempt's cost: no writer near the limit of 60.
  assert.ok(Math.max(...outputs.map((o) => o.attempts)) <= 30, `max attempts ${Math.max(...outputs.map((o) => o.attempts))}`);

  const show = (path: string, rev = 'mlops-registry') => gitIn(remote, ['show', `${rev}:${path}`]);
  const index = JSON.parse(show('models/churn/index.json'));
  assert.equal(index.latest_version, WRITERS);
  const events = show('models/churn/events/000000.jsonl')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const registers = events.filter((e) => e.type === 'register');
  assert.equal(registers.length, WRITERS, 'one register event per writer');
  assert.deepEqual(
    registers.map((e) => e.version).sort((a: number, b: number) => a - b),
    versions,
  );
  assert.equal(events.filter((e) => e.type === 'promote').length, WRITERS / 4);
  assert.deepEqual(
    events.map((e) => e.seq),
    events.map((_, i) => i + 1),
    'event sequence has no gaps',
  );
  assert.equal(index.events, events.length);

  // Each version holds the bytes its writer sent, under the actor that sent them.
  outputs.forEach((o, i) => {
    const meta = JSON.parse(show(`models/churn/versions/${o.version_number}/metadata.json`));
    assert.equal(meta.actor, `writer-${i}`);
    assert.equal(meta.model.sha256, models[i].sha256);
    const stored = execFileSync('git', ['show', `mlops-registry:models/churn/versions/${o.version_number}/model.onnx`], { cwd: remote });
    assert.equal(createHash('sha256').update(stored).digest('hex'), models[i].sha256);
  });

  // In every commit of the branch, stage pointers name versions that exist in that commit.
  const commits = gitIn(remote, ['rev-list', 'mlops-registry']).trim().split('\n');
  assert.equal(commits.length, WRITERS, 'one commit per registration, linear history');
  for (const c of commits) {
    const idx = JSON.parse(show('models/churn/index.json', c));
    const present = new Set(
      gitIn(remote, ['ls-tree', '--name-only', `${c}:models/churn/versions`])
        .trim()
        .split('\n')
        .map(Number),
    );
    assert.equal(present.size, idx.latest_version);
    for (const [stage, pointer] of Object.entries(idx.stages) as [string, { version: number }][]) {
      assert.ok(present.has(pointer.version), `${c}: ${stage} points at missing v${pointer.version}`);
    }
  }
});
