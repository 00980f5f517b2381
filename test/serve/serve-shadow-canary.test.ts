import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { cli, tempDir } from '../helpers.ts';
import { predict } from './http.ts';
import { startServerProcess } from './process.ts';

const ROW = {
  customer_id: 'C1',
  age: 41,
  tenure_months: 12,
  monthly_charges: 70.5,
  total_charges: 846,
  signup_date: '2025-04-27',
  contract: 'month-to-month',
  plan: 'basic',
  has_partner: false,
  support_calls: 2,
  region: 'north',
};

test('mlops serve --shadow logs both models; --canary splits traffic by version', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  const modelFile = await writeDemoMlp(dir);
  const logDir = join(dir, 'logs');
  const shadowed = await startServerProcess([
    '--import',
    'tsx',
    'src/cli/main.ts',
    'serve',
    '--model',
    modelFile,
    '--port',
    '0',
    '--model-version',
    '5',
    '--shadow',
    modelFile,
    '--log-predictions',
    logDir,
  ]);
  const replies = [];
  try {
    for (let i = 0; i < 5; i++) replies.push(await predict(shadowed.url, { instances: [{ ...ROW, age: 20 + i * 10 }] }));
  } finally {
    assert.equal(await shadowed.stop(), 0);
  }
  assert.ok(
    replies.every((r) => r.status === 200 && r.json.model.version === '5'),
    JSON.stringify(replies[0].json),
  );
  const logged = readdirSync(logDir).flatMap((f) =>
    readFileSync(join(logDir, f), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
  );
  assert.equal(logged.length, 5);
  for (const line of logged) {
    assert.equal(line.model_version, '5');
    assert.match(line.shadow_model_version, /^sha-[0-9a-f]{12}$/);
    assert.equal(line.shadow_prediction, line.prediction, 'the same model in the shadow agrees');
  }

  const split = await startServerProcess([
    '--import',
    'tsx',
    'src/cli/main.ts',
    'serve',
    '--model',
    modelFile,
    '--port',
    '0',
    '--model-version',
    '5',
    '--canary',
    '50',
    '--canary-model',
    modelFile,
  ]);
  const versions = new Set<string>();
  try {
    for (let i = 0; i < 40; i++) versions.add((await predict(split.url, { instances: [ROW] })).json.model.version);
  } finally {
    assert.equal(await split.stop(), 0);
  }
  assert.equal(versions.size, 2, [...versions].join(' '));
  assert.ok(versions.has('5'));

  const alone = await cli(['serve', '--model', modelFile, '--canary', '10']);
  assert.equal(alone.code, 2);
  assert.match(alone.stderr, /--canary PCT and --canary-model REF go together/);
  const bad = await cli(['serve', '--model', modelFile, '--canary', '120', '--canary-model', modelFile]);
  assert.match(bad.stderr, /--canary must be a percentage from 0 to 100/);
});
