import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { detectDrift } from '../../src/drift/detect.ts';
import { driftHtml } from '../../src/drift/html-report.ts';
import { mulberry32, normal } from '../../src/util/random.ts';
import { profileOf } from '../drift/helpers.ts';
import { CHROMIUM, chromiumMissing, SHOTS } from './browser.ts';

const LEVELS = ['basic', 'standard', 'premium', 'family', 'student'];

/** `numeric` continuous columns (KLL-sketched past 2,000 distinct values) and `categorical` ones; every third shifted. */
function pair(numeric: number, categorical: number, rows: number) {
  const r = mulberry32(9);
  const side = (shifted: boolean) => {
    const cols: Record<string, (number | string)[]> = {};
    for (let j = 0; j < numeric; j++) cols[`num_${j}`] = Array.from({ length: rows }, () => normal(r) + (shifted && j % 3 === 0 ? 0.2 + j / 100 : 0));
    for (let j = 0; j < categorical; j++)
      cols[`cat_${j}`] = Array.from({ length: rows }, () => LEVELS[Math.min(4, Math.floor(r() * (shifted && j % 3 === 0 ? 4 : 5)))]);
    return profileOf(cols);
  };
  return detectDrift(side(false), side(true), { importance: Object.fromEntries(Array.from({ length: numeric }, (_, j) => [`num_${j}`, (j % 7) / 50])) });
}

test('drift HTML at 100 columns: self-contained, and small', () => {
  const html = driftHtml(pair(80, 20, 3000), { model: 'churn', reference: 'registry:churn#production', current: 'logs/*.csv' });
  const kb = Buffer.byteLength(html) / 1024;
  process.stdout.write(`# drift HTML, 100 columns: ${kb.toFixed(1)} KiB\n`);
  assert.ok(kb < 120, `${kb} KiB`);
  assert.doesNotMatch(html, /https?:\/\/|<link|\ssrc=/);
  assert.equal(html.match(/<tr>/g)!.length, 101);
});

test('drift HTML in headless Chromium: the table renders, a header click sorts, the bars draw, nothing is fetched', { skip: chromiumMissing }, async () => {
  const result = pair(6, 3, 25_000);
  const html = driftHtml(result, { model: 'churn', target: 'cat_2' });
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, 'drift-report.html');
  writeFileSync(file, html);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`file://${join(process.cwd(), file)}`);
    const names = () => page.$$eval('#drift tbody tr', (rows) => rows.map((r: any) => r.cells[0].textContent.trim()));
    assert.equal((await names()).length, 9);
    const statistic = () => page.$$eval('#drift tbody tr', (rows) => rows.map((r: any) => Number(r.cells[3].dataset.v)));
    // column 3 is the statistic: ascending, then descending
    await page.click('#drift th:nth-child(4)');
    const up = await statistic();
    assert.deepEqual(
      up,
      [...up].sort((a, b) => a - b),
    );
    await page.click('#drift th:nth-child(4)');
    const down = await statistic();
    assert.deepEqual(down, [...up].reverse());
    // by name (text)
    await page.click('#drift th:nth-child(1)');
    const byName = await names();
    assert.deepEqual(
      byName,
      [...byName].sort((a, b) => a.localeCompare(b)),
    );
    // a chart: reference and current bars with a real height
    const bars = await page.$$eval('#drift tbody tr svg', (svgs) =>
      svgs.map((s: any) => ({
        ref: s.querySelector('path.r').getBBox().height,
        cur: s.querySelector('path.c').getBBox().height,
        width: s.getBoundingClientRect().width,
      })),
    );
    assert.equal(bars.length, 9);
    for (const b of bars) assert.ok(b.ref > 0 && b.cur > 0 && b.width === 200, JSON.stringify(b));
    const shownBound = await page.$$eval('#drift tbody tr', (rows) => rows.map((r: any) => r.cells[4].textContent));
    assert.ok(
      shownBound.some((t: string) => Number(t) > 0),
      'a sketched column shows its error bound',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('file://')),
      [],
      'no network',
    );
    await page.screenshot({ path: join(SHOTS, 'drift-report.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
