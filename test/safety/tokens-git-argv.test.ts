import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers.ts';
import { modelFile } from '../registry/fixtures.ts';
import { argvRecordingGit, startGitHttpServer } from './git-http-server.ts';

const TOKEN = 'ghs_argvSecret0123456789abcdefABCDEF';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

function cliProcess(args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/cli/main.ts'), ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: options.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('the git backend hands the token to git by environment: no spawned git has it in its argv', { timeout: 120_000 }, async () => {
  const root = tempDir('mlops-git-http-');
  execFileSync('git', ['init', '--bare', '--quiet', join(root, 'remote.git')]);
  const server = await startGitHttpServer(root, BASIC);
  const wrapper = argvRecordingGit();
  const model = modelFile('argv');
  const env = { ...process.env, NODE_OPTIONS: '', PATH: `${wrapper.bin}:${process.env.PATH}`, GIT_SSL_NO_VERIFY: '1', GITHUB_TOKEN: TOKEN };
  try {
    const remote = `${server.url}/remote.git`;
    // From GITHUB_TOKEN (no checkout): register, promote, then read back.
    const reg = await cliProcess(['registry', 'register', 'churn', '--model', model.file, '--remote', remote, '--format', 'json'], { cwd: tempDir(), env });
    assert.equal(reg.code, 0, reg.stderr);
    assert.equal(JSON.parse(reg.stdout).version, 'v1');
    const promoted = await cliProcess(['registry', 'promote', 'churn', 'v1', '--to', 'staging', '--remote', remote], { cwd: tempDir(), env });
    assert.equal(promoted.code, 0, promoted.stderr);

    // From a checkout whose config holds actions/checkout's extraheader, without GITHUB_TOKEN.
    const checkout = join(tempDir(), 'work');
    execFileSync('git', ['init', '--quiet', checkout]);
    execFileSync('git', ['remote', 'add', 'origin', remote], { cwd: checkout });
    execFileSync('git', ['config', `http.${server.url}/.extraheader`, `AUTHORIZATION: basic ${BASIC}`], { cwd: checkout });
    const { GITHUB_TOKEN: _drop, ...noToken } = env;
    const shown = await cliProcess(['registry', 'show', 'churn#staging', '--format', 'json'], { cwd: checkout, env: noToken });
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(JSON.parse(shown.stdout).metadata.version, 1);

    const runs = wrapper.runs();
    const verbs = runs.map((argv) => argv.find((a) => !a.startsWith('-') && !a.includes('=')));
    assert.ok(verbs.includes('fetch') && verbs.includes('push'), `fetch and push went through the recording git: ${verbs.join(' ')}`);
    assert.deepEqual(server.denied, [], 'every request carried the credential');
    for (const argv of runs) {
      const line = argv.join(' ');
      assert.ok(!line.includes(TOKEN) && !line.includes(BASIC), `token on a git command line: git ${line}`);
      assert.ok(!/extraheader=/i.test(line), `auth header setting on a git command line: git ${line}`);
    }
  } finally {
    await server.close();
  }
});
