import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cli, tempDir } from '../helpers.ts';
import { CHROMIUM, chromiumMissing } from '../report/browser.ts';
import { COMMIT_V1, FINGERPRINT, NOW, buildRegistry } from './fixtures.ts';

// Opens the built site from file:// in headless Chromium, as someone would open a downloaded
// Pages artifact, and saves screenshots to .artifacts/site/: `npm test -- test/site/browser`.
const SHOTS = '.artifacts/site';
const skip = chromiumMissing;

let browser: Browser | undefined;
let page: Page;
let site: string;
before(async () => {
  if (skip) return;
  const { remote, runsDir } = await buildRegistry();
  site = join(tempDir(), 'site');
  const r = await cli(['site', '--out', site, '--remote', remote, '--runs-dir', runsDir, '--title', 'Acme models'], { now: NOW, cwd: tempDir() });
  assert.equal(r.code, 0, r.stderr);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  pageErrors = errors;
});
after(async () => browser?.close());
let pageErrors: string[] = [];

const open = (path: string) => page.goto(pathToFileURL(join(site, path)).href);
const cellTexts = (column: number) =>
  page.$$eval(`#runs-body tr:not([hidden]) td:nth-child(${column})`, (tds) => tds.map((td) => (td as unknown as { textContent: string }).textContent));

test("the index lists the registry's models, linked to their pages", { skip }, async () => {
  await open('index.html');
  const models = await page.$$eval('#models-table tbody tr td:first-child a', (as) => as.map((a) => (a as unknown as { textContent: string }).textContent));
  assert.deepEqual(models, ['churn', 'fraud']);
  await page.screenshot({ path: join(SHOTS, 'index.png'), fullPage: true });
  await page.click('#models-table a:text("churn")');
  assert.match(page.url(), /\/models\/churn\/index\.html$/);
  assert.equal(await page.locator('svg.chart').count(), 2, 'roc_auc and accuracy across versions');
  await page.screenshot({ path: join(SHOTS, 'model.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
});

test('sorting the runs table by a metric orders the runs by it; the filter keeps matching rows', { skip }, async () => {
  await open('runs/index.html');
  const headers = await page.$$eval('#runs-table th', (ths) => ths.map((th) => (th as unknown as { textContent: string }).textContent));
  const auc = headers.indexOf('roc_auc') + 1;
  assert.ok(auc > 0, headers.join());
  assert.deepEqual(await cellTexts(auc), ['0.72', '', '0.93', '0.81', '0.88'], 'as built: newest run first');
  await page.click('#runs-table th[data-key="metrics.roc_auc"]');
  assert.deepEqual(await cellTexts(auc), ['0.93', '0.88', '0.81', '0.72', ''], 'a metric sorts best (highest) first; the failed run without one last');
  assert.equal(await page.getAttribute('th[data-key="metrics.roc_auc"]', 'aria-sort'), 'descending');
  await page.click('#runs-table th[data-key="metrics.roc_auc"]');
  assert.deepEqual(await cellTexts(auc), ['0.72', '0.81', '0.88', '0.93', ''], 'a second click reverses; missing stays last');
  await page.screenshot({ path: join(SHOTS, 'runs-sorted.png'), fullPage: true });
  await page.focus('#runs-table th[data-key="params.epochs"]');
  await page.keyboard.press('Enter');
  assert.deepEqual(await cellTexts(auc), ['', '0.93', '0.88', '0.81', '0.72'], 'the keyboard sorts too: by epochs, most first (80, 40, 20, 10, 5)');

  await page.fill('#runs-filter', 'metrics.roc_auc>=0.8 params.epochs<40');
  assert.deepEqual(await cellTexts(auc), ['0.88', '0.81'], 'epochs 20 and 10, still in the epochs order');
  assert.equal(await page.textContent('#runs-count'), '2 of 5 runs');
  await page.fill('#runs-filter', 'status=failed');
  assert.deepEqual(await cellTexts(3), ['failed']);
  await page.fill('#runs-filter', 'LOCAL 2026-02-02');
  assert.equal(await page.textContent('#runs-count'), '1 of 5 runs', 'plain words match anywhere, any case');
  await page.fill('#runs-filter', '');
  assert.equal(await page.textContent('#runs-count'), '5 of 5 runs');
  assert.deepEqual(pageErrors, [], 'the page script ran under its CSP without errors');
});

test('a version page shows its lineage: commit, data fingerprint, training files', { skip }, async () => {
  await open('models/churn/index.html');
  await page.click('#versions-table a:text("v1")');
  assert.match(page.url(), /\/models\/churn\/v1\.html$/);
  const lineage = await page.$$eval('table.facts', (tables) => (tables[0] as unknown as { innerText: string }).innerText);
  assert.match(lineage, new RegExp(`commit\\s+${COMMIT_V1}`));
  assert.match(lineage, new RegExp(`data fingerprint\\s+${FINGERPRINT}`));
  assert.match(await page.innerText('#data-files'), /data\/train\.csv\s+12345/);
  assert.match(await page.innerText('#model-card'), /Intended use\s+Predicts churn for the retention team\./);
  await page.screenshot({ path: join(SHOTS, 'version.png'), fullPage: true });
  await page.click('a:text("20260115T080000Z-000000e1")');
  assert.match(page.url(), /\/runs\/20260115T080000Z-000000e1\.html$/);
  await page.screenshot({ path: join(SHOTS, 'run.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
});
