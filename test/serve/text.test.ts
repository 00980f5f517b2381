import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_TEXT_CHARS } from '../../src/data/tokenize.ts';
import { loadModel } from '../../src/model/runtime.ts';
import { tempDir } from '../helpers.ts';
import { call, predict } from './http.ts';
import { startServerProcess } from './process.ts';
import { writeTextModel } from './text-model.ts';

test('/predict takes raw review text; too-long text is cut at MAX_TEXT_CHARS, not refused', { timeout: 60_000 }, async () => {
  const modelFile = writeTextModel(tempDir());
  const runner = await loadModel(modelFile);
  const long = `${'movie '.repeat(MAX_TEXT_CHARS / 6 + 10)} not good not good`;
  const reviews = ['Not good at all.', 'A GREAT movie, not bad!', '', long];
  const direct = await runner.predict(
    ['review', 'platform'],
    reviews.map((r) => [r, 'web']),
  );
  const cut = await runner.predict(['review', 'platform'], [['movie '.repeat(MAX_TEXT_CHARS / 6 + 10), 'web']]);
  await runner.close();
  assert.deepEqual(direct.predictions.slice(0, 2), ['negative', 'positive']);

  const server = await startServerProcess(['--import', 'tsx', 'src/cli/main.ts', 'serve', '--model', modelFile, '--port', '0']);
  try {
    const r = await predict(server.url, { instances: reviews.map((review) => ({ review, platform: 'web' })) });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.deepEqual(r.json.predictions, direct.predictions);
    r.json.probabilities.forEach((p: number[], i: number) => assert.ok(Math.abs(p[1] - direct.probabilities![i][1]) < 1e-6));
    // The words past the limit ("not good") are not read: the long review scores like its first 10,000 characters.
    assert.ok(Math.abs(r.json.probabilities[3][1] - cut.probabilities![0][1]) < 1e-6);
    const columnar = await predict(server.url, { inputs: { review: ['bad, boring'], platform: ['app'] } });
    assert.deepEqual(columnar.json.predictions, ['negative']);
    const wrong = await predict(server.url, { instances: [{ review: 42, platform: 'web' }] });
    assert.equal(wrong.status, 400);
    assert.match(JSON.stringify(wrong.json), /expected text \(a string\)/);
    const metadata = await call(`${server.url}/metadata`);
    assert.match(metadata.text, /"name":"review","type":"text"/);
  } finally {
    await server.stop();
  }
});
