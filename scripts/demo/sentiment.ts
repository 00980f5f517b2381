// The seeds' example end to end: movie-review sentiment with a text feature. `npm run demo --
// sentiment` prints it; test/e2e/sentiment.test.ts runs the same steps. The project is
// templates/examples/sentiment plus generated reviews, in a local git repository whose origin
// stands in for GitHub (the registry branch lives there).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sentimentFiles } from '../sentiment-data.ts';
import { stepRunner, type StepResult } from './steps.ts';

export interface SentimentOptions {
  /** Scratch folder; the project repo is created in it. */
  dir: string;
  /** How to run mlops: node arguments before the verb (e.g. ['dist/cli.js'], or ['--import', 'tsx', 'src/cli/main.ts']). */
  cli: string[];
  log: (line: string) => void;
}

/** The review the demo sends to /predict: negation that a bag of single words misreads. */
export const DEMO_REVIEW = 'The plot was not good and the acting felt dull. I almost walked out.';

export async function runSentiment(options: SentimentOptions): Promise<StepResult[]> {
  const dir = resolve(options.dir);
  const project = join(dir, 'project');
  const remote = join(dir, 'origin.git');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  cpSync(resolve('templates/examples/sentiment'), project, { recursive: true });
  for (const [name, text] of Object.entries(sentimentFiles())) {
    mkdirSync(dirname(join(project, name)), { recursive: true });
    writeFileSync(join(project, name), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'pipe' }).toString().trim();
  execFileSync('git', ['init', '--bare', '--quiet', remote]);
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'demo');
  git('config', 'user.email', 'demo@example.com');
  git('remote', 'add', 'origin', remote);
  git('add', '-A');
  git('commit', '--quiet', '-m', 'the sentiment example');
  git('push', '--quiet', 'origin', 'main');

  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTOR: 'demo', MLOPS_REGISTRY_BRANCH: 'mlops-registry', NO_COLOR: '1' };
  delete env.MLOPS_REGISTRY_REMOTE;
  // The project is the working directory of every step: script paths are made absolute first.
  const cliArgs = options.cli.map((a) => (/\.(ts|js)$/.test(a) ? resolve(a) : a));
  const results: StepResult[] = [];
  const step = stepRunner(
    (args) => spawnSync(process.execPath, [...cliArgs, ...args], { cwd: project, env, encoding: 'utf8', maxBuffer: 64 << 20 }),
    options.log,
    results,
  );
  const json = (text: string) => JSON.parse(text);
  const fmt = (x: unknown) => (typeof x === 'number' ? x.toFixed(3) : String(x));

  step('Validate the training reviews', ['validate', '--data', 'data/train.csv', '--rules', 'rules.yml', '--format', 'json'], 0, (out) => {
    const r = json(out);
    return `ok=${r.ok}: ${r.rows} rows, ${r.errors} errors, ${r.warnings} warnings${r.violations.length ? ` (${r.violations.map((v: { rule: string; count: number }) => `${v.rule}: ${v.count}`).join(', ')})` : ''}`;
  });

  const train = (name: string, data: string[]) =>
    step(`Train ${name}`, ['train', ...data.flatMap((d) => ['--data', d]), '--config', 'train.yml', '--out', `models/${name}`], 0, (out, err) => {
      const metrics = json(readFileSync(join(project, 'models', name, 'metrics.json'), 'utf8'));
      const features = /; \d+ features: (.*)/.exec(err)?.[1] ?? '';
      return `models/${name}/model.onnx: validation accuracy ${fmt(metrics.metrics.accuracy)}, roc_auc ${fmt(metrics.metrics.roc_auc)}; features ${features}; onnx parity ${metrics.onnx_parity_max_abs_diff.toExponential(1)}`;
    });
  // v2 is judged against production v1 on the shifted reviews: the champion's figures there show what drift cost.
  const evaluate = (name: string, data: string) =>
    step(
      `Evaluate ${name} on ${data}`,
      [
        'evaluate',
        '--model',
        `models/${name}/model.onnx`,
        '--data',
        data,
        '--target',
        'sentiment',
        '--gate',
        'gate.yml',
        '--format',
        'json',
        '--baseline',
        'registry:sentiment#production',
      ],
      0,
      (out) => {
        const r = json(out);
        const m = r.candidate.metrics;
        const c = r.champion?.metrics;
        return `verdict: ${r.verdict.verdict} — accuracy ${fmt(m.accuracy)}, roc_auc ${fmt(m.roc_auc)}${c ? ` (champion ${fmt(c.accuracy)}, ${fmt(c.roc_auc)})` : ' (first model: absolute rules)'}`;
      },
    );
  const register = (name: string) =>
    json(
      step(
        `Register ${name} and promote it to production`,
        [
          'registry',
          'register',
          'sentiment',
          '--model',
          `models/${name}/model.onnx`,
          '--lineage',
          `models/${name}/lineage.json`,
          '--stage',
          'production',
          '--format',
          'json',
        ],
        0,
        (out) => {
          const r = json(out);
          return `sentiment ${r.version} registered (production)`;
        },
      ),
    );

  train('v1', ['data/train.csv']);
  evaluate('v1', 'data/holdout.csv');
  register('v1');

  const serveCommand = 'mlops serve --model registry:sentiment#production --port 0';
  options.log(`\n━━ Serve a review\n$ ${serveCommand}`);
  const served = await serveReview(cliArgs, project, env);
  options.log(
    served
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  results.push({ title: 'Serve a review', command: serveCommand, code: 0, summary: served });

  step(
    'Drift check on the shifted reviews',
    ['drift', '--reference', 'registry:sentiment#production', '--current', 'data/current.csv', '--config', 'drift.yml', '--format', 'json'],
    1,
    (out) => {
      const r = json(out);
      const t = r.text_columns.review;
      return (
        `dataset drift: ${r.dataset_drift} (${r.drifted_columns.join(', ')}; share ${r.share_drifted.toFixed(2)})\n` +
        `review: ${t.drifted_tests.join(', ')} drifted — mean length ${t.char_length.reference_mean.toFixed(0)} → ${t.char_length.current_mean.toFixed(0)} characters, ` +
        `out-of-vocabulary ${fmt(t.oov_share.current)} (new: ${t.oov_share.new_tokens.slice(0, 5).join(', ')}), empty ${fmt(t.empty_share.reference)} → ${fmt(t.empty_share.current)}, top-token JS ${fmt(t.tokens.statistic)}`
      );
    },
  );

  train('v2', ['data/train.csv', 'data/recent.csv']);
  evaluate('v2', 'data/current.csv');
  register('v2');
  return results;
}

/** Starts the server from the registry, POSTs the demo review as raw text, prints the answer, stops it. */
async function serveReview(cliArgs: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, [...cliArgs, 'serve', '--model', 'registry:sentiment#production', '--port', '0'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const stopped = new Promise<number | null>((r) => child.once('exit', r));
  let body: { model?: { name: string; version: string }; predictions?: unknown[]; probabilities?: number[][] };
  try {
    const instance = { review: DEMO_REVIEW, platform: 'web', helpful_votes: 3 };
    const res = await fetch(`http://127.0.0.1:${port}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [instance] }),
    });
    body = (await res.json()) as typeof body;
    if (res.status !== 200) throw new Error(`predict answered ${res.status}: ${JSON.stringify(body)}`);
  } finally {
    child.kill('SIGTERM');
  }
  const code = await stopped;
  return (
    `POST /predict {"review": ${JSON.stringify(DEMO_REVIEW)}, ...}\n` +
    `→ 200: ${body.model?.name} ${body.model?.version} predicts ${JSON.stringify(body.predictions?.[0])} (p negative/positive = ${body.probabilities?.[0]?.map((p) => p.toFixed(3)).join('/')}); SIGTERM → exit ${code}`
  );
}
