import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLoop } from '../../scripts/demo/loop.ts';
import { tempDir } from '../helpers.ts';

test('the whole loop runs on the example with the bundled CLI (the demo, as a test)', { timeout: 600_000 }, async () => {
  const dir = join(tempDir('mlops-e2e-'), 'demo');
  const log: string[] = [];
  const results = await runLoop({ dir, cli: 'dist/cli.js', log: (l) => log.push(l) });
  const titles = results.map((r) => r.title);
  assert.deepEqual(titles, [
    'Scaffold the project (mlops init)',
    'Validate the training data',
    'Train v1',
    'Evaluate v1 (first model: absolute rules only)',
    'Register v1',
    'Promote v1 to production',
    'Reproduce v1 from the registry (local model deleted)',
    'Build the serving image context',
    'Serve production traffic',
    'Drift check on an unshifted batch',
    'Drift check on a shifted batch',
    'Performance on late labels',
    'Train v2',
    'Evaluate v2 against the production champion',
    'Register v2',
    'Promote v2 to production',
    'Registry history',
    'Production now',
    'Train with a command that fails (recorded as a failed run)',
    'Plan a 6-trial sweep',
    "Run the sweep's trials",
    'Runs, best accuracy first',
    'Sweep leaderboard',
    'Write the registry site',
  ]);
  const by = (t: string) => results.find((r) => r.title === t)!;
  // v1 is evaluated against registry:churn#production like ml-pr does, before the registry branch exists.
  assert.match(by('Evaluate v1 (first model: absolute rules only)').command, /--baseline registry:churn#production/);
  assert.match(
    by('Evaluate v1 (first model: absolute rules only)').summary,
    /verdict: pass .*\(the registry branch does not exist yet: judged on absolute rules\)/,
  );
  assert.match(by('Serve production traffic').summary, /POST \/predict → 200: churn v1[\s\S]*1500 rows of the shifted batch/);
  assert.match(by('Performance on late labels').summary, /^1000 of 1501 logged predictions have a label \(501 still waiting\)/);
  assert.equal(by('Drift check on a shifted batch').code, 1);
  assert.match(by('Drift check on a shifted batch').summary, /monthly_charges/);
  assert.match(by('Evaluate v2 against the production champion').summary, /verdict: pass .*champion/);
  assert.match(by('Production now').summary, /returns production to v1/);
  assert.match(by('Reproduce v1 from the registry (local model deleted)').summary, /^weights identical, metrics identical: \d+ ONNX initializers byte-equal/);
  assert.match(by('Write the registry site').summary, /^wrote 14 pages to .*: 1 model, 2 versions, 9 runs \(registry commit [0-9a-f]{12}\)/);
  assert.match(readFileSync(join(dir, 'project', 'site', 'models', 'churn', 'index.html'), 'utf8'), /<h2>Stage history<\/h2>/);

  // Every training run is recorded: v1, v2, the failed command (exit 1) and the six trials.
  assert.equal(by('Train with a command that fails (recorded as a failed run)').code, 1);
  assert.match(
    by('Train with a command that fails (recorded as a failed run)').summary,
    /^run \d{8}T\d{6}Z-[0-9a-f]{8} \(failed\) recorded in \.mlops\/runs\//,
  );
  const listed = by('Runs, best accuracy first').summary.split('\n');
  assert.match(listed.at(-1)!, /^9 runs$/);
  assert.match(listed[2], /^\d{8}T\d{6}Z-[0-9a-f]{8}  churn  ok /, 'best first, named from mlops.yml');
  assert.match(listed.at(-2)!, / churn +failed /, 'the failed run, without accuracy, last');
  const board = by('Sweep leaderboard').summary;
  assert.match(board, /6 trials: 6 ok, 0 failed\. Best: \*\*trial \d\*\*, accuracy 0\.\d+/);
  assert.match(board, /Most influential: `(model\.type|training\.learning_rate)`/);

  // The registry branch in the project's origin holds both versions, production on v2 with v1 before it.
  const remote = join(dir, 'origin.git');
  const index = JSON.parse(execFileSync('git', ['--git-dir', remote, 'show', 'mlops-registry:models/churn/index.json']).toString());
  assert.equal(index.latest_version, 2);
  assert.equal(index.stages.production.version, 2);
  assert.deepEqual(index.stages.production.history, [1]);
  const files = execFileSync('git', ['--git-dir', remote, 'ls-tree', '-r', '--name-only', 'mlops-registry']).toString();
  assert.match(files, /models\/churn\/versions\/1\/model\.onnx/);
  assert.match(files, /models\/churn\/versions\/2\/MODEL_CARD\.md/);

  // v1's model card states the gate it passed (as a first model) and the slices it was judged on.
  const modelCard = execFileSync('git', ['--git-dir', remote, 'show', 'mlops-registry:models/churn/versions/1/MODEL_CARD.md']).toString();
  assert.match(modelCard, /^Gate \*\*pass\*\* on [\d,]+ rows of `data\/holdout\.csv`, as a first model/m);
  assert.match(modelCard, /Judged on slices of `plan` \(\d+ groups\), `contract` \(\d+ groups\), `tenure_months`/);

  // v1's data card is in the branch and its figures are the stored profile's.
  const show = (path: string) => execFileSync('git', ['--git-dir', remote, 'show', `mlops-registry:models/churn/versions/1/${path}`]).toString();
  const card = show('DATA_CARD.md');
  const profile = JSON.parse(show('profile.json')) as {
    rows: number;
    columns: { name: string; type: string; count: number; nulls: number; numeric?: { min: number; max: number } }[];
  };
  // Counts as the card's tables print them: whole numbers with thousands separators.
  const count = (n: number) => n.toLocaleString('en-US');
  assert.match(card, new RegExp(`^\\| rows profiled +\\| ${count(profile.rows)} +\\|$`, 'm'));
  for (const c of profile.columns) {
    const row = card.split('\n').find((l) => l.startsWith(`| ${c.name} `) && l.includes(` ${c.type} `));
    assert.ok(row, `no data card row for ${c.name}`);
    const cells = row
      .slice(1, -1)
      .split('|')
      .map((x) => x.trim());
    assert.deepEqual(cells.slice(0, 4), [c.name, c.type, count(c.nulls), `${((100 * c.nulls) / c.count).toFixed(1)}%`]);
    if (c.numeric) assert.deepEqual(cells.slice(5, 7), [String(c.numeric.min), String(c.numeric.max)]);
  }
});
