import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDrift } from '../../src/drift/detect.ts';
import { parseDriftConfig } from '../../src/drift/config.ts';
import { compareText, textDriftMarkdown } from '../../src/drift/text.ts';
import { runDriftCheck } from '../../src/drift/check.ts';
import { sentimentFiles, sentimentRows } from '../../scripts/sentiment-data.ts';
import { tokenize } from '../../src/data/tokenize.ts';
import { profileOf } from './helpers.ts';
import { tempDir } from '../helpers.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const reviews = (o: Parameters<typeof sentimentRows>[0]) => sentimentRows(o).map((r) => (r[1] === '' ? null : r[1]));

/** Two-sample KS statistic computed directly from the samples. */
function ks(a: number[], b: number[]): number {
  const xs = [...new Set([...a, ...b])].sort((x, y) => x - y);
  const cdf = (s: number[], x: number) => s.filter((v) => v <= x).length / s.length;
  return Math.max(...xs.map((x) => Math.abs(cdf(a, x) - cdf(b, x))));
}

test('same population: no text test drifts; shifted reviews: lengths, vocabulary and tokens drift', () => {
  const ref = reviews({ rows: 3000, seed: 1 });
  const same = reviews({ rows: 800, seed: 2 });
  const shifted = reviews({ rows: 800, seed: 3, shift: true });
  const reference = profileOf({ review: ref });
  const calm = detectDrift(reference, profileOf({ review: same }));
  assert.deepEqual(calm.text_columns!.review.drifted_tests, []);
  assert.equal(calm.dataset_drift, false);

  const current = profileOf({ review: shifted });
  // auto on a 3,000-row reference is normalised Wasserstein (Evidently's rule); KS is checked below.
  assert.equal(detectDrift(reference, current).text_columns!.review.char_length.method, 'wasserstein');
  const result = detectDrift(reference, current, { config: parseDriftConfig('schema_version: 1\ntext: {length_method: ks}\n', 'drift.yml') });
  const t = result.text_columns!.review;
  assert.deepEqual(t.drifted_tests, ['char_length', 'token_length', 'oov_share', 'empty_share', 'tokens']);
  assert.deepEqual(result.drifted_columns, ['review']);
  assert.equal(result.dataset_drift, true);
  // The length tests are the numeric ones on exact length counts: KS from the samples directly.
  const present = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null);
  assert.equal(t.char_length.method, 'ks');
  assert.ok(
    Math.abs(
      t.char_length.statistic -
        ks(
          present(ref).map((x) => x.length),
          present(shifted).map((x) => x.length),
        ),
    ) < 1e-12,
  );
  assert.ok(
    Math.abs(
      t.token_length.statistic -
        ks(
          present(ref).map((x) => tokenize(x).length),
          present(shifted).map((x) => tokenize(x).length),
        ),
    ) < 1e-12,
  );
  // OOV share: current tokens the reference never saw, over all current tokens.
  const seen = new Set(present(ref).flatMap(tokenize));
  const curTokens = present(shifted).flatMap(tokenize);
  assert.ok(Math.abs(t.oov_share.current - curTokens.filter((x) => !seen.has(x)).length / curTokens.length) < 1e-12);
  assert.equal(t.oov_share.reference, 0);
  assert.ok(t.oov_share.new_tokens.includes('episode'));
  assert.ok(Math.abs(t.empty_share.current - shifted.filter((x) => x === null).length / 800) < 1e-12);
  assert.match(textDriftMarkdown(result.text_columns!), /\| review \| out-of-vocabulary share \| 0\.000 \|/);
});

test('Jensen–Shannon over the top tokens (natural log, as for other columns): disjoint vocabularies are √ln 2, identical ones 0; thresholds from drift.yml', () => {
  const a = profileOf({ t: ['alpha beta gamma', 'alpha beta gamma', 'alpha beta delta'] }).columns[0];
  const b = profileOf({ t: ['omega sigma theta', 'omega sigma theta', 'omega sigma theta'] }).columns[0];
  assert.equal(compareText(a, a, { weight: 1 }).tokens.statistic, 0);
  assert.ok(Math.abs(compareText(a, b, { weight: 1 }).tokens.statistic - Math.sqrt(Math.LN2)) < 1e-12);
  assert.equal(compareText(a, b, { weight: 1 }).oov_share.current, 1);
  const config = parseDriftConfig(
    'schema_version: 1\ntext: {oov_share: 0.5, tokens_js: 0.9, empty_share: 0.2, top_k: 2, length_method: wasserstein}\n',
    'drift.yml',
  );
  const r = compareText(a, b, { weight: 1, config: config.text });
  assert.deepEqual(
    [r.oov_share.threshold, r.tokens.threshold, r.empty_share.threshold, r.tokens.top_k, r.char_length.method],
    [0.5, 0.9, 0.2, 2, 'wasserstein'],
  );
  assert.throws(() => parseDriftConfig('schema_version: 1\ntext: {oov: 0.5}\n', 'drift.yml'), /drift\.yml/);
});

test('drift on data files: the current window carries text statistics, the report a text section', async () => {
  const dir = tempDir();
  for (const [name, text] of Object.entries(sentimentFiles())) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const { result, markdown } = await runDriftCheck({
    reference: ['data/train.csv'],
    current: ['data/current.csv'],
    cwd: dir,
    env: {},
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.text_columns!.review.drifted, true);
  assert.equal(result.skipped.review_id, 'string column: not tested for drift');
  assert.match(markdown, /### Text columns/);
  assert.match(markdown, /New tokens in `review`: `season`/);
});
