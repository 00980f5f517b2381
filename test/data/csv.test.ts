import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readAll, tempFile } from '../helpers.ts';
import { DataError } from '../../src/util/errors.ts';
import { detectDelimiter } from '../../src/data/csv.ts';

test('reads quoted fields with embedded delimiters, quotes and newlines', async () => {
  const file = tempFile('q.csv', 'id,text,n\n1,"a, b",2\n2,"say ""hi""",3\n3,"two\nlines",4\n4,plain,5\n');
  const { columns, rows } = await readAll(file);
  assert.deepEqual(columns, ['id', 'text', 'n']);
  assert.deepEqual(rows, [
    ['1', 'a, b', '2'],
    ['2', 'say "hi"', '3'],
    ['3', 'two\nlines', '4'],
    ['4', 'plain', '5'],
  ]);
});

test('strips a UTF-8 BOM, handles CRLF and reads empty fields and NA tokens as null', async () => {
  const file = tempFile('bom.csv', '\uFEFFa,b\r\n1,\r\nNA,"x"\r\n');
  const { columns, rows } = await readAll(file);
  assert.deepEqual(columns, ['a', 'b']);
  assert.deepEqual(rows, [
    ['1', null],
    [null, 'x'],
  ]);
});

test('detects ; and tab delimiters from the header line', async () => {
  assert.equal(detectDelimiter('a;b;c'), ';');
  assert.equal(detectDelimiter('a\tb\tc'), '\t');
  assert.equal(detectDelimiter('"x;y",b,c'), ',');
  const semi = await readAll(tempFile('s.csv', 'a;b\n1,5;2\n'));
  assert.deepEqual(semi.rows, [['1,5', '2']]);
  const tab = await readAll(tempFile('t.tsv', 'a\tb\n1\t2\n'));
  assert.deepEqual(tab.rows, [['1', '2']]);
});

test('reads records split across read chunks and batches them with running row numbers', async () => {
  const long = 'x'.repeat(3000);
  let text = 'id,blob\n';
  for (let i = 0; i < 2000; i++) text += `${i},"${long}\n${i}"\n`;
  const { rows, batches } = await readAll(tempFile('big.csv', text), { batchSize: 300 });
  assert.equal(rows.length, 2000);
  assert.equal(rows[1999][1], `${long}\n1999`);
  assert.deepEqual(batches.map((b) => b.firstRow).slice(0, 3), [1, 301, 601]);
});

test('multi-byte characters survive chunk boundaries', async () => {
  const word = 'Zürich-東京-🚀';
  let text = 'city\n';
  for (let i = 0; i < 200000; i++) text += word + '\n';
  const { rows } = await readAll(tempFile('utf8.csv', text));
  assert.equal(rows.length, 200000);
  assert.ok(rows.every((r) => r[0] === word));
});

test('reads gzip-compressed CSV', async () => {
  const file = tempFile('z.csv.gz', gzipSync('a,b\n1,2\n'));
  assert.deepEqual((await readAll(file)).rows, [['1', '2']]);
});

test('a header-only file yields its columns and no rows', async () => {
  const { columns, rows } = await readAll(tempFile('h.csv', 'a,b\n'));
  assert.deepEqual(columns, ['a', 'b']);
  assert.equal(rows.length, 0);
});

async function rejects(content: string, pattern: RegExp): Promise<DataError> {
  const file = tempFile('bad.csv', content);
  let caught: unknown;
  try {
    await readAll(file);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof DataError, `expected a DataError, got ${caught}`);
  assert.match(caught.message, pattern);
  assert.ok(caught.message.startsWith(file), 'the message names the file');
  return caught;
}

test('a row with too few fields names its line, row and the first missing column', async () => {
  const err = await rejects('a,b,c\n1,2,3\n4,5\n', /line 3, row 2, column "c": expected 3 fields but found 2/);
  assert.equal(err.where.line, 3);
});

test('a row with too many fields is an error, not a silent shift', async () => {
  await rejects('a,b\n1,2,3\n', /line 2, row 1, .*expected 2 fields but found 3/);
});

test('line numbers count newlines inside quoted fields', async () => {
  await rejects('a,b\n"x\ny\nz",1\n2\n', /line 5, row 2, column "b"/);
});

test('an unterminated quote is reported where it opened', async () => {
  await rejects('a,b\n1,2\n3,"never closed\n4,5\n', /line 3, column "b": unterminated quoted field/);
});

test('text after a closing quote is an error naming the column', async () => {
  await rejects('a,b\n"x"y,1\n', /line 2, column "a": unexpected character "y" after a closing quote/);
});

test('a duplicate or empty header name is an error', async () => {
  await rejects('a,a\n1,2\n', /repeats the column name "a"/);
  await rejects('a,,c\n1,2,3\n', /empty column name at position 2/);
});

test('an empty file is an error', async () => {
  await rejects('', /empty file/);
});

test('ASCII and non-ASCII stretches mix across chunks without losing characters', async () => {
  let text = 'a,b\n';
  const rows: string[][] = [];
  for (let i = 0; i < 60000; i++) {
    const v = i % 20000 < 10000 ? `plain${i}` : `über-${i}-€`;
    rows.push([String(i), v]);
    text += `${i},${v}\n`;
  }
  const read = await readAll(tempFile('mix.csv', text));
  assert.deepEqual(read.rows, rows);
});
