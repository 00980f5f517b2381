// Issue 15: every output is written to a temporary file beside the target and renamed on
// success, so a failed or interrupted run leaves the previous file intact and no partial file
// under the final name (profile, rules, reports, build contexts, registry downloads all use it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBuildContext } from '../../src/serve/build-context.ts';
import { resolveModelSource } from '../../src/serve/model-source.ts';
import { beginAtomic, writeText } from '../../src/util/fs.ts';
import { tempDir } from '../helpers.ts';
import { writeChurnModel } from '../predict/churn-model.ts';

test('writeText replaces a file whole, follows a symlink to its target, and on failure leaves the target and no temporary file', async () => {
  const dir = tempDir('mlops-safety-atomic-');
  const file = join(dir, 'report.json');
  writeFileSync(file, 'old\n');
  await writeText(file, 'new\n');
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
  symlinkSync(file, join(dir, 'link.json'));
  await writeText(join(dir, 'link.json'), 'via link\n');
  assert.equal(readFileSync(file, 'utf8'), 'via link\n');
  // The rename fails (a folder holds the name): the error names the file, nothing is left behind.
  mkdirSync(join(dir, 'taken'));
  writeFileSync(join(dir, 'taken', 'x'), '');
  await assert.rejects(writeText(join(dir, 'taken'), 'text'), /taken/);
  assert.deepEqual(readdirSync(dir).sort(), ['link.json', 'report.json', 'taken']);
});

test('a SIGTERM while an output is open removes its temporary file, keeps the previous file, and still kills the process', async () => {
  const dir = tempDir('mlops-safety-atomic-');
  const file = join(dir, 'out.csv');
  writeFileSync(file, 'previous\n');
  const script = `
    import { writeFileSync } from 'node:fs';
    import { beginAtomic } from './src/util/fs.ts';
    const out = beginAtomic(${JSON.stringify(file)});
    writeFileSync(out.path, 'half a fi');
    process.stdout.write('open\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  assert.equal(readdirSync(dir).length, 2, 'the temporary file exists while writing');
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGTERM');
  assert.equal(await exited, 'SIGTERM');
  assert.deepEqual(readdirSync(dir), ['out.csv']);
  assert.equal(readFileSync(file, 'utf8'), 'previous\n');
});

test('a temporary output sits in the target folder under a dot-name, and abort removes it', async () => {
  const dir = tempDir('mlops-safety-atomic-');
  const out = beginAtomic(join(dir, 'deep', 'p.json'));
  assert.match(out.path, /\/deep\/\.p\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
  writeFileSync(out.path, '{');
  await out.abort();
  assert.deepEqual(readdirSync(join(dir, 'deep')), []);
});

test('build-context that fails part-way leaves no context folder and no temporary folder', { timeout: 60_000 }, async () => {
  const dir = tempDir('mlops-safety-atomic-');
  const modelFile = await writeChurnModel(dir);
  const source = await resolveModelSource(modelFile, { cwd: process.cwd(), env: {}, name: 'churn', version: '1' });
  const parent = join(dir, 'build');
  mkdirSync(parent);
  // The model vanishes after it was resolved: the copy, the last step, fails.
  await assert.rejects(writeBuildContext({ source: { ...source, modelFile: join(dir, 'gone.onnx') }, outDir: join(parent, 'ctx') }));
  assert.deepEqual(readdirSync(parent), []);
  assert.equal(existsSync(join(parent, 'ctx')), false);
});
