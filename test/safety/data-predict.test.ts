// Issue 15, "Batch scoring loses data": predict never writes over its input, a failed re-run
// keeps the previous good output, and a stopped run leaves no partial file under the final name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, readAll, tempDir } from '../helpers.ts';
import { writeChurnModel } from '../predict/churn-model.ts';

const current = readFileSync('templates/example/data/current.csv', 'utf8');
const [header, ...lines] = current.trimEnd().split('\n');
const dir = tempDir('mlops-safety-predict-');
const modelFile = await writeChurnModel(dir);

function input(name: string, text = current): string {
  const d = tempDir('mlops-safety-in-');
  const file = join(d, name);
  writeFileSync(file, text);
  return file;
}

const predict = (data: string, out: string, ...rest: string[]) => cli(['predict', '--model', modelFile, '--data', data, '--out', out, ...rest]);

function assertRefused(r: { code: number; stderr: string }, flag: string) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`${flag} .* is the input .*refusing to write over`));
}

test('--out or --rejects naming the input (directly, through .., a symlink or a hard link) exits 2 and leaves the input intact', async () => {
  const data = input('in.csv');
  const d = join(data, '..');
  mkdirSync(join(d, 'sub'));
  symlinkSync(data, join(d, 'link.csv'));
  linkSync(data, join(d, 'hard.csv'));
  for (const out of [data, join(d, 'sub', '..', 'in.csv'), join(d, 'link.csv'), join(d, 'hard.csv')]) {
    assertRefused(await predict(data, out), '--out');
    assertRefused(await predict(data, join(d, 'fine.csv'), '--rejects', out), '--rejects');
  }
  // Reading through the link and writing to the real name is the same file too.
  assertRefused(await predict(join(d, 'link.csv'), data), '--out');
  assert.equal(readFileSync(data, 'utf8'), current);
  assert.deepEqual(readdirSync(d).sort(), ['hard.csv', 'in.csv', 'link.csv', 'sub']);
});

test('--rejects naming the --out file exits 2', async () => {
  const data = input('in.csv');
  const out = join(dir, 'same.csv');
  const r = await predict(data, out, '--rejects', out);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--rejects .* is the --out file/);
});

for (const ext of ['csv', 'parquet']) {
  test(`a failed re-run keeps the previous good ${ext} output and its rejects, and leaves no temporary file`, async () => {
    const outDir = tempDir('mlops-safety-out-');
    const out = join(outDir, `scores.${ext}`);
    const good = await predict(input('in.csv'), out, '--batch-size', '100');
    assert.equal(good.code, 0, good.stderr);
    const before = readFileSync(out);
    const rejectsBefore = readFileSync(out + '.rejects.jsonl');
    // Row 1200 is ragged: the run fails after many batches were written.
    const broken = [header, ...lines.slice(0, 1199), lines[1199] + ',extra', ...lines.slice(1200)].join('\n') + '\n';
    const bad = await predict(input('broken.csv', broken), out, '--batch-size', '100');
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /line 1201, row 1200/);
    assert.ok(readFileSync(out).equals(before), 'the previous output is unchanged');
    assert.ok(readFileSync(out + '.rejects.jsonl').equals(rejectsBefore));
    assert.deepEqual(readdirSync(outDir).sort(), [`scores.${ext}`, `scores.${ext}.rejects.jsonl`]);
    assert.equal((await readAll(out)).rows.length, 1500);
  });
}

test('rows whose scores are not finite go to the rejects file instead of NaN probabilities (exit 1)', async () => {
  // float32 overflows past 3.4e38: with age and tenure (weights of opposite sign) both at 1e39 the graph computes inf - inf.
  const rows = lines.slice(0, 10).map((l, i) => (i === 3 || i === 7 ? l.replace(/^(C\d+),\d+,\d+,/, '$1,1e39,1e39,') : l));
  const data = input('overflow.csv', [header, ...rows].join('\n') + '\n');
  const out = join(dir, 'overflow.csv');
  const r = await predict(data, out, '--format', 'json');
  const summary = JSON.parse(r.stdout);
  const got = await readAll(out);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(summary.rejected, 2);
  assert.deepEqual(summary.reject_reasons, { 'model: non-finite': 2 });
  assert.equal(got.rows.length, 8);
  for (const row of got.rows) for (const cell of row.slice(2, 4)) assert.ok(Number.isFinite(Number(cell)), `probability ${cell}`);
  const rejects = readFileSync(out + '.rejects.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    rejects.map((x) => x.row),
    [4, 8],
  );
});

/** Starts predict in a child process on a big input and stops it with `signal` once its temporary output exists. */
async function interrupted(signal: NodeJS.Signals, previous: string | undefined) {
  const outDir = tempDir('mlops-safety-signal-');
  const out = join(outDir, 'scores.csv');
  if (previous !== undefined) writeFileSync(out, previous);
  const big = input('big.csv', [header, ...Array.from({ length: 200 }, () => lines).flat()].join('\n') + '\n');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'predict', '--model', modelFile, '--data', big, '--out', out, '--batch-size', '64'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  let running = true;
  void exited.then(() => (running = false));
  const started = Date.now();
  // Wait until rows are being written to the temporary file (a dot-file beside the output).
  while (running && !readdirSync(outDir).some((f) => f.startsWith('.scores.csv.') && readFileSync(join(outDir, f)).length > 100_000)) {
    if (Date.now() - started > 120_000) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(running, `predict finished before it could be stopped: ${stderr}`);
  child.kill(signal);
  const result = await exited;
  return { outDir, out, result, stderr };
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} during predict leaves no partial output, no temporary file, and the previous output intact`, async () => {
    const { outDir, out, result } = await interrupted(signal, 'previous,output\n');
    assert.equal(result.signal, signal);
    assert.equal(readFileSync(out, 'utf8'), 'previous,output\n');
    assert.deepEqual(readdirSync(outDir), ['scores.csv']);
  });
}

test('SIGKILL during predict leaves nothing under the final names (only a dot-file temporary)', async () => {
  const { outDir, out, result } = await interrupted('SIGKILL', undefined);
  assert.equal(result.signal, 'SIGKILL');
  assert.equal(existsSync(out), false);
  assert.equal(existsSync(out + '.rejects.jsonl'), false);
  for (const f of readdirSync(outDir)) assert.match(f, /^\.scores\.csv(\.rejects\.jsonl)?\.\d+\.[0-9a-f]{8}\.tmp$/);
});
