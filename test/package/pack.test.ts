import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// npm and the installed `mlops` shim (#!/usr/bin/env node) run on the Node running this test.
const env = {
  ...process.env,
  PATH: dirname(process.execPath) + delimiter + (process.env.PATH ?? ''),
  // onnxruntime-node would fetch CUDA binaries on linux-x64 (README, "Install").
  ONNXRUNTIME_NODE_INSTALL: 'skip',
  npm_config_update_notifier: 'false',
  NODE_OPTIONS: '',
};
const run = (cmd: string, args: string[], cwd: string, timeout = 60_000) => {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
};

test(
  'npm pack ships the CLI and templates only; the tarball installs from the npm registry and runs --version, init and validate',
  { timeout: 600_000 },
  () => {
    const root = mkdtempSync(join(tmpdir(), 'mlops-pack-'));
    try {
      const packed = run('npm', ['pack', '--json', '--pack-destination', root], process.cwd());
      assert.equal(packed.status, 0, packed.stderr);
      const [info] = JSON.parse(packed.stdout) as { filename: string; entryCount: number; files: { path: string }[] }[];
      const paths = info.files.map((f) => f.path);
      for (const needed of [
        'package.json',
        'LICENSE',
        'README.md',
        'dist/cli.js',
        'dist/serve.js',
        'templates/workflows/ml-pr.yml',
        'templates/example/data/train.csv',
      ]) {
        assert.ok(paths.includes(needed), `the tarball lacks ${needed}`);
      }
      const unwanted = paths.filter((p) => /^(test|src|registry|scripts|docs|\.github|\.ci|actions|dist\/actions)\//.test(p) || /\.test\.ts$/.test(p));
      assert.deepEqual(unwanted, [], 'no sources, tests, fixtures or action bundles in the tarball');
      // The CLI is split into dist/cli.js and its lazily loaded dist/cli-*.js chunks (about 45 files).
      assert.ok(info.entryCount < 100, `${info.entryCount} files packed`);
      assert.ok(
        paths.some((p) => /^dist\/cli-chunk-[A-Z0-9]+\.js$/.test(p)),
        'the CLI chunks are packed',
      );

      const app = join(root, 'app');
      assert.equal(run('mkdir', [app], root).status, 0);
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }) + '\n');
      // Optional dependencies (tfjs-node) download libtensorflow from outside the npm registry: left out.
      const installed = run('npm', ['install', '--no-audit', '--no-fund', '--omit=optional', '--prefer-offline', join(root, info.filename)], app, 540_000);
      assert.equal(installed.status, 0, installed.stderr);
      const mlops = join(app, 'node_modules', '.bin', 'mlops');
      assert.ok(existsSync(mlops), 'npm linked the mlops bin');

      const version = run(mlops, ['--version'], app);
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout.trim(), pkg.version);

      const init = run(mlops, ['init', '--dir', 'project'], app);
      assert.equal(init.status, 0, init.stderr);
      const project = join(app, 'project');
      const callers = readFileSync(join(project, '.github/workflows/ml-pr.yml'), 'utf8');
      assert.match(callers, new RegExp(`uses: mlops-actions/mlops-actions/\\.github/workflows/ml-pr\\.yml@v${pkg.version.replace(/\./g, '\\.')}\\n`));

      const validated = run(mlops, ['validate', '--data', 'data/train.csv', '--rules', 'rules.yml', '--format', 'json'], project);
      assert.equal(validated.status, 0, validated.stderr + validated.stdout);
      const report = JSON.parse(validated.stdout) as { ok: boolean; rows: number; errors: number };
      assert.equal(report.ok, true);
      const dataRows = readFileSync(join(project, 'data/train.csv'), 'utf8').trimEnd().split('\n').length - 1;
      assert.equal(report.rows, dataRows);
      assert.equal(report.errors, 0);

      // A user error from the installed CLI is one line and exit 2, as from the repo.
      const bad = run(mlops, ['validate', '--data', 'data/missing.csv', '--rules', 'rules.yml'], project);
      assert.equal(bad.status, 2, bad.stderr);
      assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);
