import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const DIR = 'templates/monitoring/prometheus';
const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
const missing = promtool.error ? 'promtool not installed (Debian package "prometheus"; .ci/run installs it)' : false;

function run(args: string[]) {
  return spawnSync('promtool', args, { cwd: DIR, encoding: 'utf8' });
}

test('promtool check config: the shipped prometheus.yml and the alert rules it loads are valid where they are shipped', { skip: missing }, () => {
  const r = run(['check', 'config', 'prometheus.yml']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /SUCCESS: 1 rule files found/);
  assert.match(r.stdout, /SUCCESS: 4 rules found/);
});

test('promtool test rules: each of the four alerts fires on its case and stays quiet on the other', { skip: missing }, () => {
  const r = run(['test', 'rules', 'alerts.test.yml']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /SUCCESS/);
  const cases = run(['check', 'rules', 'alerts.yml']);
  assert.equal(cases.status, 0, cases.stdout + cases.stderr);
});
