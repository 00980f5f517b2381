import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FilterError, matches, parseFilter, parseSort, sortRuns } from '../../src/runs/filter.ts';
import { run } from './fixtures.ts';

const runs = [
  run('20260101T000000Z-00000001', {
    params: { 'model.type': 'mlp', 'training.learning_rate': 0.01, optimizer: 'adam', 'drop-out': 0.1 },
    metrics: { roc_auc: 0.81, 'val-loss': 0.4 },
    tags: { team: 'Fraud-EU' },
  }),
  run('20260102T000000Z-00000002', { params: { 'model.type': 'linear', 'training.learning_rate': 0.1, optimizer: 'sgd' }, metrics: { roc_auc: 0.75 } }),
  run('20260103T000000Z-00000003', {
    status: 'failed',
    error: 'boom',
    params: { 'model.type': 'mlp', 'training.learning_rate': '0.001', optimizer: 'adam' },
    metrics: {},
    source: { ref: 'refs/pull/7/merge', pr: 7 },
  }),
  run('20260104T000000Z-00000004', {
    params: { 'model.type': 'mlp', 'training.learning_rate': 0.01, optimizer: null },
    metrics: { roc_auc: 0.9 },
    sweep: { id: 'sw1', trial: 2 },
  }),
];
const where = (text: string) => runs.filter((r) => matches(parseFilter(text), r)).map((r) => Number(r.id.slice(-1)));

test('comparisons on metrics, params (dotted names), fields; numeric strings compare as numbers', () => {
  assert.deepEqual(where('metrics.roc_auc > 0.8'), [1, 4]);
  assert.deepEqual(where('metrics.roc_auc >= 0.75 and metrics.roc_auc < 0.9'), [1, 2]);
  assert.deepEqual(where("params.model.type = 'mlp'"), [1, 3, 4]);
  assert.deepEqual(where('params.training.learning_rate <= 0.01'), [1, 3, 4], "the string param '0.001' compares as a number");
  assert.deepEqual(where("status != 'ok'"), [3]);
  assert.deepEqual(where("source.ref LIKE 'refs/pull/%'"), [3]);
  assert.deepEqual(where('source.pr = 7'), [3]);
  assert.deepEqual(where("sweep.id = 'sw1' and sweep.trial = 2"), [4]);
  assert.deepEqual(where("started_at >= '2026-01-03'"), [3, 4]);
  assert.deepEqual(where("started_at > '2026-01-03T00:00:00Z'"), [4], 'dates compare as times, not text');
  assert.deepEqual(where("attributes.status = 'failed'"), [3], "MLflow's attributes. prefix");
  assert.deepEqual(where("attributes.run_id = '20260102T000000Z-00000002'"), [2]);
});

test('backticked and double-quoted names; LIKE, ILIKE, IN, NOT IN; keywords in any case', () => {
  assert.deepEqual(where('metrics.`val-loss` < 0.5'), [1]);
  assert.deepEqual(where('params."drop-out" = 0.1'), [1]);
  assert.deepEqual(where('metrics.val-loss < 0.5'), [1], 'dashes need no quotes either');
  assert.deepEqual(where("tags.team LIKE 'fraud%'"), [], 'LIKE is case-sensitive');
  assert.deepEqual(where("tags.team ILIKE 'fraud%'"), [1]);
  assert.deepEqual(where("params.model.type LIKE 'l_near'"), [2]);
  assert.deepEqual(where("params.optimizer in ('adam', 'sgd')"), [1, 2, 3]);
  assert.deepEqual(where("params.optimizer NOT IN ('sgd')"), [1, 3], 'a null param is missing: it matches nothing');
  assert.deepEqual(where("params.optimizer != 'sgd'"), [1, 3], 'missing keys never match, != included (as MLflow)');
  assert.deepEqual(where("params.'x' = 1".replace("'x'", '`x`')), [], 'an absent param');
});

test('precedence: and binds tighter than or; parentheses override', () => {
  // 'failed' or (mlp and auc>0.85) → 3, 4; (failed or mlp) and auc>0.85 → 4.
  assert.deepEqual(where("status = 'failed' or params.model.type = 'mlp' and metrics.roc_auc > 0.85"), [3, 4]);
  assert.deepEqual(where("(status = 'failed' or params.model.type = 'mlp') and metrics.roc_auc > 0.85"), [4]);
  assert.deepEqual(where("metrics.roc_auc > 0.85 and params.model.type = 'mlp' or status = 'failed'"), [3, 4]);
  assert.deepEqual(where('((metrics.roc_auc < 0.8))'), [2]);
});

test('errors are one line naming the column', () => {
  const error = (text: string) => {
    try {
      parseFilter(text);
    } catch (err) {
      assert.ok(err instanceof FilterError, String(err));
      assert.ok(!err.message.includes('\n'));
      return `${err.column}: ${err.message.replace(/^column \d+: /, '').replace(/ \(in ".*"\)$/, '')}`;
    }
    assert.fail(`"${text}" parsed`);
  };
  assert.equal(error('metrics.roc_auc >'), '18: expected a value after "metrics.roc_auc >", got the end');
  assert.equal(error("metrics.roc_auc > 'high'"), "19: metrics.roc_auc is a number: compare it with a number, not 'high'");
  assert.equal(error('metrics.roc_auc 0.5'), '17: expected an operator (= != < <= > >= LIKE ILIKE IN) after "metrics.roc_auc", got 0.5');
  assert.equal(
    error("statos = 'ok'"),
    '1: unknown key "statos": use metrics.NAME, params.NAME, tags.NAME or one of id, model, status, error, started_at, duration_ms, data_fingerprint, registered_as, source.commit, source.ref, source.pr, source.workflow_run_url, environment.runner, environment.backend, environment.gpu, sweep.id, sweep.trial, artifact.name, artifact.path',
  );
  assert.equal(error("(status = 'ok'"), '15: expected ")" to close the "(" at column 1, got the end');
  assert.equal(error("status = 'ok"), '10: unterminated string starting here');
  assert.equal(error("status = 'ok' metrics.x > 1"), '15: expected "and", "or" or the end, got "metrics.x"');
  assert.equal(error('params.lr LIKE 1'), "16: LIKE needs a quoted pattern, e.g. params.lr LIKE 'adam%'");
  assert.equal(error("started_at > 'yesterday'"), "14: started_at is a date: compare it with one such as '2026-01-31' or '2026-01-31T12:00:00Z'");
  assert.equal(
    error('status = ok'),
    '10: unknown key "ok": use metrics.NAME, params.NAME, tags.NAME or one of id, model, status, error, started_at, duration_ms, data_fingerprint, registered_as, source.commit, source.ref, source.pr, source.workflow_run_url, environment.runner, environment.backend, environment.gpu, sweep.id, sweep.trial, artifact.name, artifact.path',
  );
  assert.equal(error("params.x IN ('a' 'b')"), '18: expected "," or ")" in the IN list, got \'b\'');
  assert.equal(error('metrics. > 1'), '9: expected a name after "."');
  assert.equal(error('status = 1'), "10: status is a string: quote the value, e.g. '1'");
});

test('sorting: several keys, ASC/DESC or a leading -, runs missing a key last in either direction', () => {
  const ids = (text: string[]) => sortRuns(runs, parseSort(text)).map((r) => Number(r.id.slice(-1)));
  assert.deepEqual(ids(['-metrics.roc_auc']), [4, 1, 2, 3]);
  assert.deepEqual(ids(['metrics.roc_auc ASC']), [2, 1, 4, 3], 'the failed run without roc_auc is still last');
  assert.deepEqual(ids(['metrics.roc_auc desc']), [4, 1, 2, 3]);
  assert.deepEqual(ids(['params.model.type', '-metrics.roc_auc']), [2, 4, 1, 3], 'linear before mlp; within mlp by auc, missing last');
  assert.deepEqual(ids(['params.model.type ASC, started_at DESC']), [2, 4, 3, 1], 'comma-separated terms');
  assert.deepEqual(ids(['-params.optimizer']), [2, 3, 1, 4], 'ties fall back to the newest id; the null param last');
  assert.deepEqual(ids(['metrics.`val-loss`']), [1, 4, 3, 2], 'only run 1 has it; the rest newest first');
  assert.throws(() => parseSort(['metrics.roc_auc 3']), /column 17: expected one key with an optional ASC or DESC \(or a leading -\), got 3/);
  assert.throws(() => parseSort(['metrics.roc_auc sideways']), /column 17: unknown key "sideways"/);
  assert.throws(() => parseSort(['-nope']), /column 2: unknown key "nope"/);
});
