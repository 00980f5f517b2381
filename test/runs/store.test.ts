import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openGitStore } from '../../src/registry/git-store.ts';
import { writeRun } from '../../src/registry/runs.ts';
import { findRun, listRuns, newRunId, runFile } from '../../src/runs/store.ts';
import { tempDir } from '../helpers.ts';
import { BRANCH, bareRepo, git, head } from '../registry/fixtures.ts';
import { run } from './fixtures.ts';

const now = () => new Date('2026-01-01T00:00:00Z');

test('run ids sort by start time and name their month folder', () => {
  const id = newRunId(new Date('2026-03-04T05:06:07.891Z'), () => Buffer.from([0xde, 0xad, 0xbe, 0xef]));
  assert.equal(id, '20260304T050607Z-deadbeef');
  assert.equal(runFile(id), '2026-03/20260304T050607Z-deadbeef.json');
  assert.throws(() => runFile('nope'), /"nope" is not a run id/);
});

test('a runs folder: written once at <yyyy-mm>/<id>.json, listed oldest first, an existing id refused', async () => {
  const dir = join(tempDir(), 'runs');
  assert.deepEqual(await listRuns({ dir }), [], 'a missing folder has no runs');
  const b = run('20260201T000000Z-0000000b', { metrics: { roc_auc: 0.9 } });
  const a = run('20260131T235959Z-0000000a');
  assert.equal(await writeRun({ dir }, b), join(dir, '2026-02', `${b.id}.json`));
  await writeRun({ dir }, a);
  assert.deepEqual(
    (await listRuns({ dir })).map((r) => r.id),
    [a.id, b.id],
  );
  await assert.rejects(writeRun({ dir }, { ...b, metrics: { roc_auc: 0.1 } }), /run 20260201T000000Z-0000000b already exists; a run is never rewritten/);
  assert.equal(JSON.parse(readFileSync(join(dir, '2026-02', `${b.id}.json`), 'utf8')).metrics.roc_auc, 0.9, 'the first record stands');
  assert.deepEqual(readdirSync(join(dir, '2026-02')), [`${b.id}.json`], 'no temporary file left behind');
  assert.equal((await findRun({ dir }, '20260201'))?.id, b.id, 'a unique prefix finds a run');
  await assert.rejects(findRun({ dir }, '2026'), /prefix "2026" matches 2 runs/);
  assert.equal(await findRun({ dir }, '20260505T000000Z-00000000'), null);
});

test('the registry branch: runs committed with the compare-and-swap, never rewritten, read back in one batch', async () => {
  const remote = bareRepo();
  const store = await openGitStore({ remote, branch: BRANCH });
  const a = run('20260101T000000Z-0000000a', { status: 'failed', error: 'the training command failed with exit code 1', metrics: {} });
  const b = run('20260215T000000Z-0000000b');
  assert.equal(await writeRun({ store, now }, a), `${store.description}:runs/2026-01/${a.id}.json`);
  await writeRun({ store, now }, b);
  const before = head(remote);
  await assert.rejects(
    writeRun({ store, now }, { ...a, status: 'ok' }),
    /run 20260101T000000Z-0000000a already exists at runs\/2026-01\/20260101T000000Z-0000000a\.json; a run is never rewritten/,
  );
  assert.equal(head(remote), before, 'nothing committed for the refused write');
  assert.equal(git(remote, 'log', '--format=%s', BRANCH), `run ${b.id}: churn ok\nrun ${a.id}: churn failed`);
  const listed = await listRuns({ store });
  assert.deepEqual(listed, [a, b]);
  assert.equal((await findRun({ store }, b.id))?.metrics.roc_auc, 0.8);
  await store.close();
});

test('a record that is not a run is named by its path', async () => {
  const dir = tempDir();
  await writeRun({ dir }, run('20260101T000000Z-0000000a'));
  writeFileSync(join(dir, '2026-01', '20260101T000000Z-0000000b.json'), JSON.stringify({ kind: 'mlops/run' }));
  await assert.rejects(listRuns({ dir }), /2026-01\/20260101T000000Z-0000000b\.json: not a run record \(schema_version 1\): schema_version/);
});
