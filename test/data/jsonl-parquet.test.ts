import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readAll, tempFile } from '../helpers.ts';
import { DataError, MlopsError } from '../../src/util/errors.ts';
import { expandDataPaths, formatOf } from '../../src/data/read.ts';

test('JSONL: typed values, keys first seen late become new columns, nested values kept as JSON', async () => {
  const file = tempFile('d.jsonl', '{"a":1,"b":"x"}\n\n{"a":2.5,"b":null,"c":true}\r\n{"a":3,"n":{"k":[1,2]}}');
  const { columns, rows } = await readAll(file);
  assert.deepEqual(columns, ['a', 'b', 'c', 'n']);
  assert.deepEqual(rows, [
    [1, 'x'],
    [2.5, null, true],
    [3, null, null, '{"k":[1,2]}'],
  ]);
});

test('JSONL: a broken line is reported with its line and row number', async () => {
  const file = tempFile('bad.jsonl', '{"a":1}\n\n{"a":2,}\n');
  await assert.rejects(readAll(file), (err: unknown) => {
    assert.ok(err instanceof DataError);
    assert.match(err.message, /bad\.jsonl, line 3, row 2: invalid JSON/);
    return true;
  });
  await assert.rejects(readAll(tempFile('arr.jsonl', '[1,2]\n')), /line 1, row 1: each line must be a JSON object/);
});

test('Parquet: reads typed columns in batches with nulls', async () => {
  const n = 2500;
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: Int32Array.from({ length: n }, (_, i) => i), type: 'INT32' },
      { name: 'score', data: Array.from({ length: n }, (_, i) => (i % 100 === 0 ? null : i / 10)), type: 'DOUBLE' },
      { name: 'plan', data: Array.from({ length: n }, (_, i) => ['a', 'b'][i % 2]), type: 'STRING' },
      { name: 'flag', data: Array.from({ length: n }, (_, i) => i % 3 === 0), type: 'BOOLEAN' },
    ],
    rowGroupSize: 1000,
  });
  const file = tempFile('d.parquet', new Uint8Array(buffer));
  const { columns, rows, batches } = await readAll(file, { batchSize: 1000 });
  assert.deepEqual(columns, ['id', 'score', 'plan', 'flag']);
  assert.equal(rows.length, n);
  assert.deepEqual(
    batches.map((b) => b.firstRow),
    [1, 1001, 2001],
  );
  assert.deepEqual(rows[0], [0, null, 'a', true]);
  assert.deepEqual(rows[1234], [1234, 123.4, 'a', false]);
});

test('Parquet: a file that is not Parquet is a clear error', async () => {
  await assert.rejects(readAll(tempFile('x.parquet', 'not parquet at all')), /x\.parquet: not a readable Parquet file/);
});

test('formats come from the extension; unknown ones are rejected', () => {
  assert.equal(formatOf('a/b.CSV'), 'csv');
  assert.equal(formatOf('a.tsv.gz'), 'csv');
  assert.equal(formatOf('a.ndjson'), 'jsonl');
  assert.equal(formatOf('a.parquet'), 'parquet');
  assert.throws(() => formatOf('a.xlsx'), MlopsError);
});

test('globs expand to sorted files; a glob matching nothing is an error', async () => {
  const dir = tempFile('x', '').replace(/\/x$/, '');
  for (const f of ['b.csv', 'a.csv', 'c.txt']) writeFileSync(`${dir}/${f}`, 'a\n1\n');
  assert.deepEqual(await expandDataPaths(['*.csv'], dir), [`${dir}/a.csv`, `${dir}/b.csv`]);
  await assert.rejects(expandDataPaths(['*.jsonl'], dir), /no data files match "\*\.jsonl"/);
});
