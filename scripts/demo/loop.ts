// The whole loop on the embedded example, against a local git repository standing in for the
// project repo and its registry branch. `npm run demo` prints it; test/e2e runs the same steps.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { stepRunner, type StepResult } from './steps.ts';

export type { StepResult } from './steps.ts';

export interface LoopOptions {
  /** Scratch folder; the project repo is created in it. */
  dir: string;
  /** The mlops entry point to run (dist/cli.js, the bundle users get). */
  cli: string;
  log: (line: string) => void;
}

export async function runLoop(options: LoopOptions): Promise<StepResult[]> {
  const dir = resolve(options.dir);
  const project = join(dir, 'project');
  const remote = join(dir, 'origin.git');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'pipe' }).toString().trim();
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'demo');
  git('config', 'user.email', 'demo@example.com');
  git('remote', 'add', 'origin', remote);

  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTOR: 'demo', MLOPS_REGISTRY_BRANCH: 'mlops-registry', NO_COLOR: '1' };
  delete env.MLOPS_REGISTRY_REMOTE;
  const results: StepResult[] = [];
  const cli = (args: string[]) => spawnSync(process.execPath, [resolve(options.cli), ...args], { cwd: project, env, encoding: 'utf8', maxBuffer: 64 << 20 });

  const step = stepRunner(cli, options.log, results);
  const json = (text: string) => JSON.parse(text);

  step('Scaffold the project (mlops init)', ['init'], 0, (out) => `${out.split('\n').filter((l) => l.includes('wrote')).length} files written`);
  git('add', '-A');
  git('commit', '--quiet', '-m', 'adopt mlops-actions');
  git('push', '--quiet', 'origin', 'main');

  step('Validate the training data', ['validate', '--data', 'data/train.csv', '--rules', 'rules.yml', '--format', 'json'], 0, (out) => {
    const r = json(out);
    return `ok=${r.ok}: ${r.rows} rows, ${r.violations.length} violations`;
  });

  const train = (name: string, data: string[]) =>
    step(
      `Train ${name}`,
      ['train', ...data.flatMap((d) => ['--data', d]), '--target', 'churned', '--task', 'classification', '--config', 'train.yml', '--out', `models/${name}`],
      0,
      (out, err) => {
        const metrics = json(readFileSync(join(project, 'models', name, 'metrics.json'), 'utf8')).metrics as Record<string, number>;
        const shown = Object.entries(metrics).map(([k, v]) => `${k}=${v.toFixed(3)}`);
        const backend = /backend[: ]+([\w-]+)/i.exec(err + out)?.[1];
        return `models/${name}/model.onnx: ${shown.join(', ')}${backend ? ` (tfjs backend: ${backend})` : ''}`;
      },
    );

  const evaluate = (name: string, data: string, baseline: boolean) =>
    step(
      `Evaluate ${name}${baseline ? ' against the production champion' : ' (first model: absolute rules only)'}`,
      // What ml-pr.yml runs: always against production, which for v1 does not exist yet (first-model mode).
      [
        'evaluate',
        '--model',
        `models/${name}/model.onnx`,
        '--data',
        data,
        '--target',
        'churned',
        '--gate',
        'gate.yml',
        '--format',
        'json',
        '--baseline',
        'registry:churn#production',
      ],
      0,
      (out) => {
        const r = json(out);
        mkdirSync(join(project, 'reports'), { recursive: true });
        writeFileSync(join(project, 'reports', `evaluate-${name}.json`), out);
        const m = r.candidate.metrics;
        const c = r.champion?.metrics;
        const fmt = (x: unknown) => (typeof x === 'number' ? x.toFixed(3) : String(x));
        const first = r.first_model ? ` (${r.first_model.reason}: judged on absolute rules)` : '';
        return `verdict: ${r.verdict.verdict} — accuracy ${fmt(m.accuracy)}, roc_auc ${fmt(m.roc_auc)}${c ? ` (champion ${fmt(c.accuracy)}, ${fmt(c.roc_auc)})` : ''}${first}`;
      },
    );

  const register = (name: string) =>
    json(
      step(
        `Register ${name}`,
        [
          'registry',
          'register',
          'churn',
          '--model',
          `models/${name}/model.onnx`,
          '--lineage',
          `models/${name}/lineage.json`,
          '--evaluation',
          `reports/evaluate-${name}.json`,
          '--stage',
          'staging',
          '--format',
          'json',
        ],
        0,
        (out) => {
          const r = json(out);
          return `churn ${r.version ?? r.ref ?? ''} registered (staging)`;
        },
      ),
    );

  const promote = (version: string, reason: string) =>
    step(
      `Promote ${version} to production`,
      ['registry', 'promote', 'churn', version, '--to', 'production', '--reason', reason],
      0,
      (out) => out.trim().split('\n')[0],
    );

  train('v1', ['data/train.csv']);
  evaluate('v1', 'data/holdout.csv', false);
  const v1 = register('v1');
  promote(String(v1.version ?? 'v1'), 'first model; absolute gate passed');

  // Can the registered version be had back? Only the registry and the repository are used.
  rmSync(join(project, 'models', 'v1'), { recursive: true, force: true });
  step('Reproduce v1 from the registry (local model deleted)', ['reproduce', 'churn@v1', '--format', 'json'], 0, (out) => {
    const r = json(out);
    return `${r.summary}: ${r.weights.initializers} ONNX initializers byte-equal, ${r.metrics.length} metrics equal; ${r.data.map((d: { path: string }) => d.path).join(', ')} checked out at ${r.commit.slice(0, 12)}, sha256 verified`;
  });

  step('Build the serving image context', ['build-context', '--model', 'registry:churn#production', '--out', 'image'], 0, (out, err) => {
    const dockerfile = readFileSync(join(project, 'image', 'Dockerfile'), 'utf8');
    const labels = dockerfile.split('\n').filter((l) => /org\.opencontainers|mlops\./.test(l)).length;
    return `image/Dockerfile (${dockerfile.split('\n').length} lines, ${labels} lineage label lines)${err ? '' : ''}`;
  });

  const serveCommand = 'mlops serve --model registry:churn#production --port 0 --log-predictions logs/predictions';
  options.log(`\n━━ Serve production traffic\n$ ${serveCommand}`);
  const served = await serveTraffic(options.cli, project, env);
  options.log(
    served
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  results.push({ title: 'Serve production traffic', command: serveCommand, code: 0, summary: served });

  step(
    'Drift check on an unshifted batch',
    ['drift', '--reference', 'registry:churn#production', '--current', 'data/holdout.csv', '--format', 'json'],
    0,
    (out) => {
      const r = json(out);
      return `no drift: share of drifted columns ${r.share_drifted.toFixed(2)}`;
    },
  );
  step(
    'Drift check on a shifted batch',
    ['drift', '--reference', 'registry:churn#production', '--current', 'data/current.csv', '--format', 'json', '--github-dry-run', 'reports/github'],
    1,
    (out) => {
      const r = json(out);
      const drifted = Object.entries(r.columns)
        .filter(([, c]) => (c as { drifted: boolean }).drifted)
        .map(([k]) => k);
      return `drift: ${drifted.join(', ')} (share ${r.share_drifted.toFixed(2)})\nwould open reports/github/drift-issue.json and send reports/github/retrain-dispatch.json`;
    },
  );

  // Outcomes arrive later, for some customers only: the production model is judged on them.
  const current = readFileSync(join(project, 'data/current.csv'), 'utf8').trim().split('\n');
  const head = current[0].split(',');
  const [id, label] = [head.indexOf('customer_id'), head.indexOf('churned')];
  writeFileSync(
    join(project, 'data/labels.csv'),
    [
      'customer_id,churned',
      ...current.slice(1, 1001).map((l) => {
        const f = l.split(',');
        return `${f[id]},${f[label]}`;
      }),
    ].join('\n') + '\n',
  );
  step(
    'Performance on late labels',
    [
      'evaluate',
      '--model',
      'registry:churn#production',
      '--data',
      'logs/predictions/*.jsonl',
      '--labels',
      'data/labels.csv',
      '--key',
      'customer_id',
      '--target',
      'churned',
      '--gate',
      'gate.yml',
      '--min-rows',
      '200',
      '--format',
      'json',
    ],
    0,
    (out) => {
      const r = json(out);
      const j = r.labels;
      const applied = r.verdict.results.filter((x: { status: string }) => x.status !== 'skipped').length;
      return (
        `${j.matched_rows} of ${j.logged_rows} logged predictions have a label (${j.unmatched_rows} still waiting); production v1 on them: ` +
        `accuracy ${r.candidate.metrics.accuracy.toFixed(3)}, roc_auc ${r.candidate.metrics.roc_auc.toFixed(3)}\n` +
        `gate ${r.verdict.verdict} (${applied} rules): the inputs drifted but the model still meets the gate; a failure would open a performance issue and retrain`
      );
    },
  );

  train('v2', ['data/train.csv', 'data/recent.csv']);
  evaluate('v2', 'data/current.csv', true);
  const v2 = register('v2');
  promote(String(v2.version ?? 'v2'), 'retrained after drift; gate passed against v1');

  step('Registry history', ['registry', 'history', 'churn'], 0, (out) => out.trim());
  step('Production now', ['registry', 'show', 'churn#production'], 0, (out) => {
    const index = json(execFileSync('git', ['--git-dir', remote, 'show', 'mlops-registry:models/churn/index.json']).toString());
    const before = index.stages.production.history.at(-1);
    return `${out.trim().split('\n')[0]}\nrollback-able: \`mlops registry rollback churn --stage production\` returns production to v${before}`;
  });

  // Every training run above was recorded (in .mlops/runs: no --runs-dir and no registry named;
  // the model name comes from mlops.yml);
  // a failing one is recorded too, with its error line.
  step(
    'Train with a command that fails (recorded as a failed run)',
    ['train', '--command', "echo 'loss is NaN at epoch 3' >&2; exit 1", '--outputs', 'model.onnx'],
    1,
    (_out, err) => {
      return err
        .split('\n')
        .filter((l) => /^run .* recorded in|failed with exit code/.test(l))
        .map((l) => l.replace(project + '/', ''))
        .join('\n');
    },
  );

  // A 6-trial sweep, small and fast, its trials run 3 at a time like the matrix jobs of ml-sweep.yml.
  writeFileSync(join(project, 'sweep.yml'), SWEEP_CONFIG);
  const plan = json(
    step('Plan a 6-trial sweep', ['sweep', 'plan', '--config', 'sweep.yml', '--format', 'json'], 0, (out) => {
      const p = json(out);
      return `${p.id}: ${p.method}, ${p.trials.length} trials, ${p.metric} (${p.goal})\nmatrix: ${JSON.stringify(p.matrix)}`;
    }),
  );
  const trialArgs = (k: number) => ['train', '--data', 'data/train.csv', '--config', 'sweep.yml', '--trial', String(k), '--out', `models/sweep/trial-${k}`];
  options.log(
    `\n━━ Run the sweep's trials (3 at a time, as matrix jobs)\n$ mlops ${trialArgs(0).join(' ').replace('--trial 0', '--trial K').replace('trial-0', 'trial-K')}   # K = 0…5`,
  );
  const codes = await pool(
    plan.trials.map((t: { trial: number }) => () => cliAsync(options.cli, project, env, trialArgs(t.trial))),
    3,
  );
  const trialSummary = `exit codes ${codes.join(' ')}`;
  options.log(`  ${trialSummary}`);
  results.push({
    title: "Run the sweep's trials",
    command: `mlops ${trialArgs(0).join(' ').replace('--trial 0', '--trial K')}`,
    code: codes.every((c) => c === 0) ? 0 : 1,
    summary: trialSummary,
  });
  if (!codes.every((c) => c === 0)) throw new Error(`sweep trials exited ${codes.join(' ')}`);

  step('Runs, best accuracy first', ['runs', 'list', '--sort', '-metrics.accuracy', '--columns', 'sweep.trial'], 0, (out) => out.trimEnd());
  step('Sweep leaderboard', ['sweep', 'collect', '--config', 'sweep.yml', '--markdown', 'reports/sweep.md', '--json', 'reports/sweep.json'], 0, (out) => {
    // The leaderboard table and the per-parameter effects; the Mermaid charts are in reports/sweep.md.
    return out
      .replace(/```mermaid[\s\S]*?```\n?/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  });
  step(
    'Write the registry site',
    ['site', '--out', 'site', '--runs-dir', '.mlops/runs', '--title', 'churn demo'],
    0,
    (out) => `${out.trim()}\nopen ${join(project, 'site', 'index.html')} (ml-pages.yml deploys the same to GitHub Pages)`,
  );
  return results;
}

/** The demo sweep: 2 model types × 3 learning rates, a few epochs each, so six trials take seconds. */
const SWEEP_CONFIG = `schema_version: 1
target: churned
task: classification
model: {type: mlp, hidden_layers: [8]}
training: {epochs: 6, batch_size: 256, learning_rate: 0.01, seed: 7, early_stopping: null}
features: {exclude: [customer_id, signup_date]}
sweep:
  method: grid
  parameters:
    model.type: [linear, mlp]
    training.learning_rate: {min: 0.001, max: 0.1, log: true, count: 3}
  metric: accuracy
`;

function cliAsync(cliPath: string, cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(cliPath), ...args], { cwd, env, stdio: 'ignore' });
    child.on('exit', (code) => done(code ?? -1));
  });
}

/** Runs the tasks with at most `width` at once; results in task order. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

/**
 * Starts the server from the registry with prediction logging, sends one row and prints the
 * answer, then the shifted batch as traffic (without its labels), and stops it with SIGTERM.
 */
async function serveTraffic(cliPath: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const args = [resolve(cliPath), 'serve', '--model', 'registry:churn#production', '--port', '0', '--log-predictions', 'logs/predictions'];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /"port":\s*(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  const post = async (instances: Record<string, unknown>[]) => {
    const res = await fetch(`http://127.0.0.1:${port}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instances }),
    });
    const body = (await res.json()) as { model?: { name: string; version: string }; predictions?: unknown[]; probabilities?: number[][] };
    if (res.status !== 200) throw new Error(`predict answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const stopped = new Promise<number | null>((r) => child.once('exit', r));
  const [one] = requests(join(cwd, 'data/holdout.csv'), 1);
  const traffic = requests(join(cwd, 'data/current.csv'), Infinity);
  let body: Awaited<ReturnType<typeof post>>;
  try {
    body = await post([one]);
    for (let i = 0; i < traffic.length; i += 100) await post(traffic.slice(i, i + 100));
  } finally {
    child.kill('SIGTERM');
  }
  const code = await stopped;
  return (
    `POST /predict → 200: ${body.model?.name} ${body.model?.version} predicts ${JSON.stringify(body.predictions?.[0])} (p=${body.probabilities?.[0]?.map((p) => p.toFixed(3)).join('/')})\n` +
    `then ${traffic.length} rows of the shifted batch as traffic, logged to logs/predictions/; SIGTERM → exit ${code}`
  );
}

/** The first `n` rows of a CSV as a JSON client sends them: typed values, no label column. */
function requests(file: string, n: number): Record<string, unknown>[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const names = lines[0].split(',');
  const typed = (v: string): string | number | boolean | null =>
    v === '' ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v === 'true' || v === 'false' ? v === 'true' : v;
  return lines.slice(1, n === Infinity ? undefined : n + 1).map((line) => {
    const values = line.split(',');
    return Object.fromEntries(names.map((name, i) => [name, typed(values[i])]).filter(([name]) => name !== 'churned'));
  });
}
