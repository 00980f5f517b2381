import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';

// Day one of a new adopter (issue 13): their own data (scikit-learn's bundled sets, not the churn
// example), `mlops init --data … --target …` in a fresh repository with a bare origin, and then,
// with no file edited, what ml-pr runs, what ml-release runs, and a second pull request.
const SETS = [
  { set: 'breast-cancer', target: 'malignant', task: 'classification', metric: 'accuracy' },
  { set: 'diabetes', target: 'progression', task: 'regression', metric: 'r2' },
] as const;

for (const { set, target, task, metric } of SETS) {
  test(
    `day one on ${set}: init --data, first PR green against a production model that does not exist yet, release, second PR`,
    { timeout: 300_000 },
    async () => {
      const root = tempDir('mlops-day-one-');
      const repo = join(root, 'project');
      const origin = join(root, 'origin.git');
      mkdirSync(join(repo, 'data'), { recursive: true });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString().trim();
      execFileSync('git', ['init', '--bare', '--quiet', origin]);
      git('init', '--quiet', '--initial-branch=main');
      git('config', 'user.name', 'adopter');
      git('config', 'user.email', 'adopter@example.com');
      git('remote', 'add', 'origin', origin);
      // The user's one file: the whole dataset.
      const fixture = (f: string) =>
        readFileSync(join('test/fixtures/adoption', set, f), 'utf8')
          .trimEnd()
          .split('\n');
      const [header, ...trainRows] = fixture('train.csv');
      const holdoutRows = fixture('holdout.csv').slice(1);
      writeFileSync(join(repo, 'data', `${set}.csv`), [header, ...trainRows, ...holdoutRows].join('\n') + '\n');

      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTOR: 'adopter',
        MLOPS_TF_BACKEND: 'cpu',
        GITHUB_STEP_SUMMARY: join(root, 'summary.md'),
      };
      writeFileSync(env.GITHUB_STEP_SUMMARY, '');
      const run = async (args: string[], expect = 0) => {
        const r = await cli(args, { cwd: repo, env });
        assert.equal(r.code, expect, `mlops ${args.join(' ')}\n${r.stderr}`);
        return r;
      };

      const init = await run(['init', '--data', `data/${set}.csv`, '--target', target]);
      assert.match(init.stdout, new RegExp(`model ${set}: ${task} on "${target}"`));
      assert.match(init.stdout, /Next: review rules\.yml, train\.yml and gate\.yml/);
      for (const f of ['rules.yml', 'train.yml', 'gate.yml', 'drift.yml', 'mlops.yml']) {
        assert.doesNotMatch(readFileSync(join(repo, f), 'utf8'), /churn|customer_id|plan|contract|tenure/, `${f} carries no churn names`);
      }
      git('add', '-A');
      git('commit', '--quiet', '-m', 'adopt mlops-actions');
      git('push', '--quiet', 'origin', 'main');

      // What ml-pr runs, with the values the config action outputs.
      const config = Object.fromEntries(
        (await run(['config', '--format', 'env'])).stdout
          .trim()
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      assert.equal(config.model_name, set);
      assert.equal(config.model_task, task);
      const validate = await run(['validate', '--data', config.data_train, '--rules', config.validation_rules, '--format', 'json']);
      assert.equal(JSON.parse(validate.stdout).ok, true);
      // The holdout passes the rules fitted to the training part, too.
      assert.equal((await run(['validate', '--data', config.data_holdout, '--rules', config.validation_rules, '--format', 'json'])).code, 0);
      const train = (out: string) =>
        run([
          'train',
          '--data',
          config.data_train,
          '--target',
          config.model_target,
          '--task',
          config.model_task,
          '--config',
          config.training_config,
          '--out',
          out,
        ]);
      await train('mlops-model');
      const evaluate = (model: string, out: string) =>
        run([
          'evaluate',
          '--model',
          model,
          '--data',
          config.data_holdout,
          '--target',
          config.model_target,
          '--baseline',
          `registry:${config.model_name}#production`,
          '--gate',
          config.evaluation_gate,
          ...(config.evaluation_slices ? ['--slices', config.evaluation_slices] : []),
          '--out',
          `${out}.md`,
        ]);
      await evaluate('mlops-model/model.onnx', 'first');
      const first = readFileSync(join(repo, 'first.md'), 'utf8');
      assert.match(first, /^## ✅ Evaluation gate passed/);
      assert.match(
        first,
        new RegExp(`No production model yet: judged on absolute rules \\(registry:${set}#production: the registry branch does not exist yet\\)`),
      );
      const comment = await run(['report', 'comment', '--file', 'first.md', '--id', 'evaluate']);
      assert.ok(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8').includes('No production model yet'), comment.stderr);

      // What ml-release runs after the merge: register (staging), then promote to production.
      const registered = JSON.parse(
        (
          await run([
            'registry',
            'register',
            config.model_name,
            '--model',
            'mlops-model/model.onnx',
            '--lineage',
            'mlops-model/lineage.json',
            '--stage',
            'staging',
            '--format',
            'json',
          ])
        ).stdout,
      );
      assert.equal(registered.version, 'v1');
      await run(['registry', 'promote', config.model_name, 'v1', '--to', 'production', '--reason', 'first model; absolute gate passed']);
      const index = JSON.parse(execFileSync('git', ['--git-dir', origin, 'show', `mlops-registry:models/${set}/index.json`]).toString());
      assert.equal(index.stages.production.version, 1);

      // A second pull request: retrained, judged against the champion that now exists.
      await train('mlops-model-2');
      const second = await run([
        'evaluate',
        '--model',
        'mlops-model-2/model.onnx',
        '--data',
        config.data_holdout,
        '--target',
        config.model_target,
        '--baseline',
        `registry:${config.model_name}#production`,
        '--gate',
        config.evaluation_gate,
        '--format',
        'json',
      ]);
      const ev = JSON.parse(second.stdout);
      assert.equal(ev.first_model, undefined);
      assert.equal(ev.champion.model, `registry:${set}#production`);
      assert.equal(ev.verdict.passed, true);
      assert.ok(
        ev.verdict.results.some((r: { rule: string; status: string }) => /champion/.test(r.rule) && r.status === 'pass'),
        'relative rules are checked now',
      );
      assert.ok(ev.candidate.metrics[metric] > (task === 'classification' ? 0.9 : 0.3), `${metric} ${ev.candidate.metrics[metric]}`);
    },
  );
}
