import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabels } from '../../src/data/labels.ts';
import { createLabelJoin, parseSince } from '../../src/evaluate/label-join.ts';
import type { RowBatch } from '../../src/data/batch.ts';
import { tempDir } from '../helpers.ts';
import { SettingError } from '../../src/util/errors.ts';
import { cliFlag } from '../../src/cli/flag-names.ts';
import { actionInputNamer } from '../../src/github/action.ts';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

async function drain(it: AsyncIterable<RowBatch>): Promise<RowBatch[]> {
  const out: RowBatch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

/** Two days of logs from two versions, keys as JSON numbers; labels as CSV text. */
function fixture() {
  const dir = tempDir();
  const log = join(dir, 'predictions.jsonl');
  writeFileSync(
    log,
    jsonl([
      { id: 1, x: 0.5, prediction: '1', model_version: '3', timestamp: '2026-11-01T10:00:00.000Z' },
      { id: 2, x: 1.5, prediction: '0', model_version: '3', timestamp: '2026-11-01T11:00:00.000Z' },
      { id: 3, x: 2.5, prediction: '1', model_version: '4', timestamp: '2026-11-20T09:00:00.000Z' },
      { id: 4, x: 3.5, prediction: '0', model_version: '4', timestamp: '2026-11-21T09:00:00.000Z' },
      { id: 1, x: 0.7, prediction: '0', model_version: '4', timestamp: '2026-11-22T09:00:00.000Z' },
      { id: null, x: 9, prediction: '0', model_version: '4', timestamp: '2026-11-22T10:00:00.000Z' },
    ]),
  );
  const labels = join(dir, 'labels.csv');
  writeFileSync(labels, 'id,churned\n1,1\n3,0\n4,\n99,1\n');
  return { dir, log, labels };
}

test('label join: logged rows get the label by key, unmatched and null keys are counted and left out', async () => {
  const { log, labels } = fixture();
  const joined = createLabelJoin({ labels: await readLabels([labels], 'id', 'churned') });
  const batches = await drain(joined.batches(log));
  const rows = batches.flatMap((b) => b.rows);
  assert.deepEqual(batches[0].columns, ['id', 'x', 'prediction', 'model_version', 'timestamp', 'churned']);
  // Key 1 was predicted twice: both predictions get its label; key 4's label is empty (not arrived).
  assert.deepEqual(
    rows.map((r) => [r[0], r[1], r[5]]),
    [
      [1, 0.5, '1'],
      [3, 2.5, '0'],
      [1, 0.7, '1'],
    ],
  );
  assert.equal(batches[0].firstRow, 1);
  assert.deepEqual(joined.summary(), {
    files: [labels],
    key: 'id',
    target: 'churned',
    since: null,
    logged_rows: 6,
    matched_rows: 3,
    unmatched_rows: 3,
    outside_window_rows: 0,
    labels: 3,
    labels_without_prediction: 1,
    served_versions: { '3': 1, '4': 2 },
  });
});

test('label join: --since keeps rows logged from then on; a logged target column is replaced by the label', async () => {
  const { dir, log, labels } = fixture();
  const joined = createLabelJoin({ labels: await readLabels([labels], 'id', 'churned'), since: parseSince('7d', new Date('2026-11-23T00:00:00Z')) });
  const rows = (await drain(joined.batches(log))).flatMap((b) => b.rows);
  assert.deepEqual(
    rows.map((r) => r[0]),
    [3, 1],
  );
  const s = joined.summary();
  assert.equal(s.since, '2026-11-16T00:00:00.000Z');
  assert.deepEqual([s.outside_window_rows, s.matched_rows, s.unmatched_rows], [2, 2, 2]);

  const withTarget = join(dir, 'with-target.jsonl');
  writeFileSync(withTarget, jsonl([{ churned: 'stale', id: 3, prediction: '1' }]));
  const replaced = await drain(createLabelJoin({ labels: await readLabels([labels], 'id', 'churned') }).batches(withTarget));
  assert.deepEqual(replaced[0].columns, ['id', 'prediction', 'churned']);
  assert.deepEqual(replaced[0].rows, [[3, '1', '0']]);
});

test('label join: a key column missing from the logs or the labels, and a bad timestamp, name file, row and column', async () => {
  const { dir, log, labels } = fixture();
  await assert.rejects(
    readLabels([labels], 'customer_id', 'churned'),
    /labels\.csv, column "customer_id": no key column "customer_id" \(columns: id, churned\)/,
  );
  await assert.rejects(readLabels([labels], 'id', 'label'), /no target column "label"/);
  const other = join(dir, 'other.csv');
  writeFileSync(other, 'customer_id,churned\n1,0\n');
  await assert.rejects(
    drain(createLabelJoin({ labels: await readLabels([other], 'customer_id', 'churned') }).batches(log)),
    /predictions\.jsonl, column "customer_id": no key column "customer_id" to join labels on/,
  );
  const badTime = join(dir, 'bad-time.jsonl');
  writeFileSync(
    badTime,
    jsonl([
      { id: 1, timestamp: '2026-11-22T09:00:00Z' },
      { id: 3, timestamp: 'yesterday' },
    ]),
  );
  const windowed = createLabelJoin({ labels: await readLabels([labels], 'id', 'churned'), since: new Date('2026-11-01T00:00:00Z') });
  await assert.rejects(drain(windowed.batches(badTime)), /bad-time\.jsonl, row 2, column "timestamp": "yesterday" is not an ISO date-time/);
});

test('label files: globs read several files and a later label for the same key wins', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'labels-2026-11-01.csv'), 'id,y\na,0\nb,1\n');
  writeFileSync(
    join(dir, 'labels-2026-11-02.jsonl'),
    jsonl([
      { id: 'a', y: 1 },
      { id: 'c', y: 0 },
    ]),
  );
  const labels = await readLabels(['labels-*'], 'id', 'y', dir);
  assert.deepEqual(
    [...labels.byKey.entries()],
    [
      ['a', '1'],
      ['b', '1'],
      ['c', '0'],
    ],
  );
  assert.equal(labels.files.length, 2);
});

test('parseSince: spans back from now and ISO dates; anything else is a clear error', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  assert.equal(parseSince('30d', now).toISOString(), '2026-10-24T12:00:00.000Z');
  assert.equal(parseSince('12h', now).toISOString(), '2026-11-23T00:00:00.000Z');
  assert.equal(parseSince('2w', now).toISOString(), '2026-11-09T12:00:00.000Z');
  assert.equal(parseSince('90m', now).toISOString(), '2026-11-23T10:30:00.000Z');
  assert.equal(parseSince('2026-11-01', now).toISOString(), '2026-11-01T00:00:00.000Z');
  assert.equal(parseSince('2026-11-01T06:00:00+02:00', now).toISOString(), '2026-11-01T04:00:00.000Z');
  // The core names the setting; the CLI words it as the flag, an action as the input.
  assert.throws(
    () => parseSince('last week', now),
    (err: unknown) =>
      err instanceof SettingError &&
      err.settings.join() === 'since' &&
      err.wordedAs(cliFlag).startsWith('--since must be a span such as 30d') &&
      err.wordedAs(actionInputNamer()).startsWith('input "since" must be a span such as 30d'),
  );
});
