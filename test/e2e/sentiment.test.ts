import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runSentiment } from '../../scripts/demo/sentiment.ts';
import { tempDir } from '../helpers.ts';

test('the sentiment example runs end to end: validate, train, evaluate, register, serve a review, text drift, retrain', { timeout: 600_000 }, async () => {
  const dir = join(tempDir('mlops-e2e-'), 'sentiment');
  // The CLI from source (tsx): `npm run demo -- sentiment` runs the same steps with dist/cli.js.
  const results = await runSentiment({ dir, cli: ['--import', import.meta.resolve('tsx'), 'src/cli/main.ts'], log: () => {} });
  assert.deepEqual(
    results.map((r) => r.title),
    [
      'Validate the training reviews',
      'Train v1',
      'Evaluate v1 on data/holdout.csv',
      'Register v1 and promote it to production',
      'Serve a review',
      'Drift check on the shifted reviews',
      'Train v2',
      'Evaluate v2 on data/current.csv',
      'Register v2 and promote it to production',
    ],
  );
  const by = (t: string) => results.find((r) => r.title === t)!.summary;
  const figure = (text: string, re: RegExp) => Number(re.exec(text)?.[1]);
  assert.match(by('Validate the training reviews'), /^ok=true: 3000 rows, 0 errors/);
  assert.match(by('Train v1'), /features review:text, platform:category, helpful_votes:integer/);
  // Measured: v1 0.842 accuracy / 0.902 ROC AUC on the 1,000 held-out reviews.
  const v1 = by('Evaluate v1 on data/holdout.csv');
  assert.match(v1, /^verdict: pass/);
  assert.ok(figure(v1, /accuracy ([\d.]+)/) >= 0.82, v1);
  assert.ok(figure(v1, /roc_auc ([\d.]+)/) >= 0.88, v1);
  // /predict takes the raw review; the negated praise reads as negative.
  assert.match(by('Serve a review'), /→ 200: sentiment v1 predicts "negative"[\s\S]*SIGTERM → exit 0/);
  const drift = by('Drift check on the shifted reviews');
  assert.equal(results.find((r) => r.title === 'Drift check on the shifted reviews')!.code, 1);
  assert.match(drift, /dataset drift: true \(.*review/);
  assert.match(drift, /review: char_length, token_length, oov_share, empty_share, tokens drifted/);
  assert.ok(figure(drift, /out-of-vocabulary ([\d.]+)/) > 0.25, drift);
  // Retrained on the recent reviews, v2 beats production v1 where the vocabulary moved (measured 0.784 vs 0.700).
  const v2 = by('Evaluate v2 on data/current.csv');
  assert.match(v2, /^verdict: pass/);
  assert.ok(figure(v2, /accuracy ([\d.]+)/) > figure(v2, /champion ([\d.]+)/) + 0.05, v2);

  const index = JSON.parse(execFileSync('git', ['--git-dir', join(dir, 'origin.git'), 'show', 'mlops-registry:models/sentiment/index.json']).toString());
  assert.equal(index.stages.production.version, 2);
});
