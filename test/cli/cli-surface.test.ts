import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { cli, tempDir } from '../helpers.ts';
import { commands } from '../../src/cli/commands/index.ts';
import { VERSION } from '../../src/version.ts';

test("mlops help VERB prints that verb's help; -v and --version print the version", async () => {
  for (const verb of ['train', 'registry', 'runtime']) {
    const viaHelp = await cli(['help', verb]);
    const viaFlag = await cli([verb, '--help']);
    assert.equal(viaHelp.code, 0);
    assert.equal(viaHelp.stdout, viaFlag.stdout);
    assert.match(viaHelp.stdout, new RegExp(`^mlops ${verb}: `));
  }
  assert.match((await cli(['help'])).stdout, /^mlops: .*\n\nUsage: mlops <command>/);
  const unknown = await cli(['help', 'trian']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "trian"/);
  for (const flag of ['-v', '--version', '-V']) assert.deepEqual(await cli([flag]), { code: 0, stdout: VERSION + '\n', stderr: '' });
});

test('every verb loads and --help works for each (the lazy loaders point at real modules)', async () => {
  for (const c of commands) {
    const r = await cli([c.name, '--help']);
    assert.equal(r.code, 0, c.name);
    assert.ok(r.stdout.startsWith(`mlops ${c.name}`), `${c.name}: ${r.stdout.slice(0, 40)}`);
    assert.equal((await c.load()).name, c.name);
  }
});

const READERS: [string, string[]][] = [
  ['evaluate', ['--model', 'registry:churn#production', '--data', 'x.csv', '--target', 'y']],
  ['predict', ['--model', 'registry:churn#production', '--data', 'x.csv', '--out', 'p.csv']],
  ['drift', ['--reference', 'registry:churn#production', '--current', 'x.csv']],
  ['serve', ['--model', 'registry:churn#production', '--port', '0']],
  ['build-context', ['--model', 'registry:churn#production', '--out', 'ctx']],
];

test('every verb that reads the registry takes --remote and --branch and documents MLOPS_REGISTRY_*', async () => {
  const cwd = tempDir();
  for (const [verb, args] of READERS) {
    const help = (await cli([verb, '--help'])).stdout;
    for (const word of [
      '--remote URL|PATH',
      '--branch NAME',
      'MLOPS_REGISTRY_REMOTE',
      'MLOPS_REGISTRY_BRANCH',
      'MLOPS_REGISTRY_CACHE',
      'MLOPS_REGISTRY_BACKEND',
    ]) {
      assert.ok(help.includes(word), `${verb} --help lacks ${word}`);
    }
    // The flag reaches the registry: the error names the remote we passed, not an unknown option.
    const missing = join(cwd, 'no-such-registry.git');
    const r = await cli([verb, ...args, '--remote', missing, '--branch', 'models'], { cwd });
    assert.equal(r.code, 2, `${verb}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /Unknown option/, verb);
    assert.ok(r.stderr.includes(missing), `${verb}: ${r.stderr}`);
  }
});

test('a bare bundle (no node_modules beside it) stops before work with the command to run', { timeout: 60_000 }, async () => {
  assert.ok(existsSync('dist/cli.js'), 'run npm run build first');
  const copy = join(tempDir(), 'dist');
  cpSync(resolve('dist'), copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [join(copy, 'cli.js'), ...args], { cwd: tempDir(), env: { PATH: process.env.PATH } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  for (const verb of ['train', 'evaluate', 'predict', 'serve']) {
    const r = await run([verb, '--model', 'm.onnx', '--data', 'd.csv', '--target', 'y']);
    assert.equal(r.code, 2, verb);
    assert.match(
      r.stderr,
      new RegExp(
        `^mlops ${verb}: error: onnxruntime-node.* not installed next to this mlops \\(${copy}\\): run \`mlops runtime install --for ${verb}\` first\\n$`,
      ),
    );
  }
  // Verbs with no native needs run as before.
  const list = await run(['registry', 'list', '--remote', join(copy, 'none.git')]);
  assert.doesNotMatch(list.stderr, /runtime install/);
  assert.equal((await run(['--version'])).stdout, VERSION + '\n');
});
