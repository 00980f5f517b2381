import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { CHURN_COLUMNS, churnRows, toCsv } from '../../scripts/example-data.ts';
import { detectDrift } from '../../src/drift/detect.ts';
import { profileWindow } from '../../src/drift/window.ts';
import { profileFiles } from '../../src/profile/profile.ts';
import { tempDir } from '../helpers.ts';

test('the drift window gives exactly the drift result of a full profile of the same data', async () => {
  const dir = tempDir();
  const big = join(dir, 'big.csv');
  writeFileSync(big, toCsv(CHURN_COLUMNS, churnRows({ rows: 20_000, seed: 77, shift: 0.4 })));
  const reference = await profileFiles([resolve('templates/example/data/train.csv')]);
  for (const files of [[resolve('templates/example/data/current.csv')], [big], [big, resolve('templates/example/data/holdout.csv')]]) {
    const full = await profileFiles(files);
    const window = await profileWindow(files, reference, undefined);
    assert.equal(window.rows, full.rows);
    // exact: never — a full profile of ≤ 20,000 rows also stores its values (the window does not
    // need to: the check reads raw current data itself when it compares exactly)
    for (const method of ['auto', 'ks', 'psi'] as const) {
      const a = detectDrift(reference, full, { method, exact: 'never' });
      const b = detectDrift(reference, window, { method, exact: 'never' });
      assert.deepEqual(b, a, `${files.join(' + ')} with ${method}`);
    }
    assert.ok(
      Object.values(detectDrift(reference, window, { exact: 'never' }).columns).some((c) => !c.exact),
      'some column must go through the sketch',
    );
  }
  const only = await profileWindow([big], reference, ['age', 'plan']);
  assert.deepEqual(
    only.columns.map((c) => c.name),
    ['age', 'plan'],
  );
});
