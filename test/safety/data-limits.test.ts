// Issue 15, "Bounded resources on hostile files": a column limit and a cell-length limit with
// clear errors and flags to raise them, bounded sketch strings, bounded error messages, and lone
// CR line endings and invalid UTF-8 named with file and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { cli, readAll, tempDir, tempFile } from '../helpers.ts';
import { writeChurnModel } from '../predict/churn-model.ts';

const dir = tempDir('mlops-safety-limits-');

function oneLine(r: { code: number; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 2, r.stderr.slice(0, 2000));
  // Progress lines may come first; the error is the one last line.
  const last = r.stderr.trimEnd().split('\n').at(-1)!;
  assert.match(last, /^mlops \S+: error: /, r.stderr.slice(0, 2000));
  assert.ok(last.length < 2500, `error of ${last.length} characters`);
  assert.match(last, pattern);
}

test('profile on a 10 MB CSV with 1,000,000 columns exits 2 within 10 s and under 1 GB, writing nothing', () => {
  const file = join(dir, 'wide.csv');
  const columns = 1_000_000;
  const head = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
  writeFileSync(file, head + '\n' + '1,'.repeat(columns - 1) + '1\n');
  assert.ok(statSync(file).size > 9_000_000);
  const out = join(dir, 'wide.profile.json');
  const started = process.hrtime.bigint();
  // The bundled CLI, as users run it (CI checks dist/ is current); peak RSS from the preload.
  const r = spawnSync(process.execPath, ['--import', './test/safety/report-rss.mjs', 'dist/cli.js', 'profile', '--data', file, '--out', out], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = Number(/max_rss_kb=(\d+)/.exec(r.stderr)?.[1]);
  const message = r.stderr.replace(/\s*max_rss_kb=\d+\s*$/, '');
  assert.equal(r.status, 2, message);
  assert.equal(message.trim().split('\n').length, 1, message.slice(0, 2000));
  assert.match(message, /wide\.csv, line 1: more than 10,000 columns .*--max-columns/);
  assert.ok(rssKb > 0 && rssKb < 1024 * 1024, `peak RSS ${rssKb} kB`);
  // The bound, generous on purpose (a loaded CI runner): not a benchmark.
  assert.ok(seconds < 10, `${seconds.toFixed(1)} s`);
  assert.equal(existsSync(out), false);
});

test('evaluate on the same 1,000,000-column file answers one short line (it printed 8.9 MB)', async () => {
  const model = await writeChurnModel(dir);
  const r = await cli(['evaluate', '--model', model, '--data', join(dir, 'wide.csv'), '--target', 'churned']);
  oneLine(r, /wide\.csv, line 1: more than 10,000 columns/);
});

test('--max-columns raises (and lowers) the column limit; a bad value is a usage error', async () => {
  const file = tempFile('w.csv', 'a,b,c,d\n1,2,3,4\n');
  oneLine(await cli(['profile', '--data', file, '--max-columns', '3']), /w\.csv, line 1: more than 3 columns \(found 4\)/);
  const ok = await cli(['profile', '--data', file, '--max-columns', '4']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).columns.length, 4);
  oneLine(await cli(['profile', '--data', file, '--max-columns', '0']), /--max-columns must be a positive integer/);
  const parquet = join(dir, 'w.parquet');
  parquetWriteFile({ filename: parquet, columnData: ['a', 'b', 'c', 'd'].map((name) => ({ name, data: [1, 2], type: 'DOUBLE' as const })) });
  oneLine(await cli(['profile', '--data', parquet, '--max-columns', '3']), /w\.parquet: more than 3 columns \(found 4\)/);
  const jsonl = tempFile('w.jsonl', '{"a":1,"b":2}\n{"c":3,"d":4}\n');
  oneLine(await cli(['profile', '--data', jsonl, '--max-columns', '3']), /w\.jsonl, line 2, row 2: more than 3 columns/);
  // A record still waiting for its newline is held to the same bound.
  oneLine(
    await cli(['profile', '--data', tempFile('n.csv', 'a,b\n' + '1,'.repeat(3_000_000)), '--max-columns', '100']),
    /n\.csv, line 2, row 1: expected 2 fields but found more than 100/,
  );
});

test('a cell over the limit is named by file, line, row and column; --max-cell-length raises it', async () => {
  const big = 'x'.repeat(2_000_000);
  for (const [name, text] of [
    ['plain.csv', `id,text\n1,short\n2,${big}\n`],
    ['quoted.csv', `id,text\n1,short\n2,"${big}"\n`],
    ['unended.csv', `id,text\n1,short\n2,${big}`],
  ]) {
    oneLine(
      await cli(['profile', '--data', tempFile(name, text)]),
      new RegExp(
        `${name.replace('.', '\\.')}, line 3, row 2, column "text": a cell of (more than )?[\\d,]+ characters exceeds the limit of 1,048,576; raise it with --max-cell-length`,
      ),
    );
  }
  const r = await cli(['profile', '--data', tempFile('plain.csv', `id,text\n1,short\n2,${big}\n`), '--max-cell-length', '3000000']);
  assert.equal(r.code, 0, r.stderr);
  const jsonl = tempFile('big.jsonl', `{"id":1,"text":"short"}\n{"id":2,"text":"${big}"}\n`);
  oneLine(await cli(['profile', '--data', jsonl]), /big\.jsonl, line 2, row 2, column "text": a cell of 2,000,000 characters exceeds the limit/);
});

test('one huge field: the profile stores it truncated with a marker, stays small, and drift on it works', async () => {
  const big = 'y'.repeat(20_000_000);
  const data = tempFile('huge.csv', `id,note\n1,${big}\n2,ok\n3,ok\n4,${big}z\n`);
  const out = join(dir, 'huge.profile.json');
  const r = await cli(['profile', '--data', data, '--out', out, '--max-cell-length', '30000000']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(statSync(out).size < 20_000, `profile.json is ${statSync(out).size} bytes`);
  const profile = JSON.parse(readFileSync(out, 'utf8'));
  const note = profile.columns.find((c: { name: string }) => c.name === 'note');
  // Both long values stay distinct (the marker carries a hash) and their true lengths are kept.
  assert.equal(note.distinct.value, 3);
  assert.deepEqual(note.string_length, { min: 2, max: 20_000_001, mean: (2 + 2 + 20_000_000 + 20_000_001) / 4 });
  const values: string[] = note.state.frequent.items.map(([v]: [string]) => v);
  const long = values.filter((v) => v.startsWith('yyyy'));
  assert.equal(long.length, 2);
  for (const v of long) assert.match(v, /^y{200}…\[truncated: 2000000[01] chars, sha256 [0-9a-f]{16}\]$/);
  const current = join(dir, 'current.profile.json');
  assert.equal((await cli(['profile', '--data', tempFile('cur.csv', 'id,note\n1,ok\n2,ok\n'), '--out', current])).code, 0);
  const drift = await cli(['drift', '--reference', out, '--current', current, '--format', 'json']);
  assert.ok(drift.code === 0 || drift.code === 1, drift.stderr);
  assert.doesNotMatch(drift.stderr, /internal error/);
});

test('lone CR line endings are named with file and line (CSV, quoted CSV, JSONL); CRs inside quotes and CRLF are fine', async () => {
  oneLine(await cli(['profile', '--data', tempFile('mac.csv', 'a,b\r1,2\r3,4\r')]), /mac\.csv, line 1: lone CR line ending/);
  oneLine(await cli(['profile', '--data', tempFile('late.csv', 'a,b\n1,2\n3,4\r5,6\n')]), /late\.csv, line 3: lone CR line ending/);
  oneLine(await cli(['profile', '--data', tempFile('q.csv', 'a,b\n"1",2\r"3",4\n')]), /q\.csv, line 2: lone CR line ending/);
  oneLine(await cli(['profile', '--data', tempFile('mac.jsonl', '{"a":1}\r{"a":2}\r')]), /mac\.jsonl, line 1, row 1: lone CR line ending/);
  const fine = await readAll(tempFile('ok.csv', 'a,b\r\n"x\ry",2\r\n3,4\r\n'));
  assert.deepEqual(fine.rows, [
    ['x\ry', '2'],
    ['3', '4'],
  ]);
});

test('invalid UTF-8 is named with file, line and byte offset; a character split across read chunks is not', async () => {
  const bytes = Buffer.concat([Buffer.from('a,b\n1,é\n2,'), Buffer.from([0xff, 0x41]), Buffer.from('\n')]);
  oneLine(await cli(['profile', '--data', tempFile('latin.csv', bytes)]), /latin\.csv, line 3: invalid UTF-8 \(byte 0xff at byte offset 11\)/);
  const jsonl = Buffer.concat([Buffer.from('{"a":"é"}\n{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
  oneLine(await cli(['profile', '--data', tempFile('bad.jsonl', jsonl)]), /bad\.jsonl, line 2: invalid UTF-8 \(byte 0xc3/);
  const cut = Buffer.concat([Buffer.from('a\nx'), Buffer.from([0xe2, 0x82])]);
  oneLine(await cli(['profile', '--data', tempFile('cut.csv', cut)]), /cut\.csv, line 2: invalid UTF-8 \(byte 0xe2 \(a character cut off/);
  // "€" (3 bytes, after "y") takes bytes 1,048,575..1,048,577: the 1 MiB read boundary cuts it.
  const pad = 'a\n' + 'x\n'.repeat(524_286);
  const split = tempFile('split.csv', pad + 'y€z\n');
  assert.equal(Buffer.byteLength(pad), (1 << 20) - 2);
  const rows = (await readAll(split)).rows;
  assert.deepEqual(rows.at(-1), ['y€z']);
});

test('error messages list at most 10 names of a wide file', async () => {
  const names = Array.from({ length: 5000 }, (_, i) => `column_with_a_long_name_${i}`);
  const file = tempFile('wide.csv', names.join(',') + '\n' + names.map(() => '1').join(',') + '\n');
  const r = await cli(['drift', '--reference', file, '--current', file, '--columns', 'nope']);
  oneLine(r, /column "nope" not in the reference \(it has column_with_a_long_name_0, .*column_with_a_long_name_9, … \(4,990 more\)\)/);
});
