import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { marked } from 'marked';
import { cli, tempDir } from '../helpers.ts';
import { BRANCH, bareRepo } from '../registry/fixtures.ts';
import { startGitDataServer } from '../registry/git-data-server.ts';
import { esc, jsonScript } from '../../src/site/html.ts';
import { markdownToHtml } from '../../src/site/markdown.ts';
import { mergeRuns } from '../../src/site/load.ts';
import { BRANCH_RUN, COMMIT_V1, COMMIT_V2, DIR_RUNS, FINGERPRINT, HOSTILE, NOW, buildRegistry, writeRuns } from './fixtures.ts';

function pagesOf(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else pages.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return pages;
}

const fixture = buildRegistry();

test('mlops site renders the registry branch and the runs into linked pages', async () => {
  const { remote, runsDir } = await fixture;
  const out = join(tempDir(), 'site');
  const r = await cli(['site', '--out', out, '--remote', remote, '--runs-dir', runsDir, '--title', 'Acme models'], { now: NOW, cwd: tempDir() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^wrote 12 pages to .*: 2 models, 3 versions, 5 runs \(registry commit [0-9a-f]{12}\)\n$/);
  const pages = pagesOf(out);
  assert.deepEqual([...pages.keys()].sort(), [
    '.mlops-site',
    'index.html',
    'models/churn/index.html',
    'models/churn/v1.html',
    'models/churn/v2.html',
    'models/fraud/index.html',
    'models/fraud/v1.html',
    'runs/20260115T080000Z-000000e1.html',
    'runs/20260201T100000Z-0000000a.html',
    'runs/20260202T100000Z-0000000b.html',
    'runs/20260203T100000Z-0000000c.html',
    'runs/20260301T090000Z-0000000d.html',
    'runs/index.html',
  ]);
  const marker = JSON.parse(pages.get('.mlops-site')!);
  assert.deepEqual(
    { ...marker, registry_commit: typeof marker.registry_commit },
    { schema_version: 1, kind: 'mlops/site', generated_at: NOW.toISOString(), registry_commit: 'string' },
  );

  const index = pages.get('index.html')!;
  assert.match(index, /<a href="models\/churn\/index.html">churn<\/a>/);
  assert.match(index, /<a href="models\/fraud\/index.html">fraud<\/a>/);
  assert.match(index, /stage-production">production<\/span><a href="models\/churn\/v2.html">v2<\/a>/);

  const churn = pages.get('models/churn/index.html')!;
  // Stage history: production moved v1 → v2, newest event first.
  assert.match(
    churn,
    /earlier holders \(oldest first\)<\/th><\/tr><\/thead><tbody>\n<tr><td><span class="stage stage-production">production<\/span><\/td><td><a href="v2.html">v2<\/a><\/td><td>2026-03-01 12:00:00 UTC<\/td><td><a href="v1.html">v1<\/a><\/td><\/tr>/,
  );
  const events = [...churn.matchAll(/<tr><td class="num">(\d+)<\/td><td>[^<]*<\/td><td>(\w+)<\/td><td><a href="(v\d)\.html">/g)].map(
    (m) => `${m[1]} ${m[2]} ${m[3]}`,
  );
  assert.deepEqual(events, ['5 promote v2', '4 promote v2', '3 register v2', '2 promote v1', '1 register v1']);
  assert.match(churn, /beats v1 on roc_auc/);
  // The roc_auc chart: one point per version, at its value.
  const chart = /<svg[^>]*aria-label="roc_auc across versions">(.*?)<\/svg>/.exec(churn)?.[1] ?? '';
  assert.deepEqual(
    [...chart.matchAll(/data-value="([\d.]+)"><title>(v\d): /g)].map((m) => `${m[2]}=${m[1]}`),
    ['v1=0.88', 'v2=0.93'],
  );

  const v1 = pages.get('models/churn/v1.html')!;
  assert.ok(v1.includes(`<th>commit</th><td><code>${COMMIT_V1}</code></td>`));
  assert.ok(v1.includes(`<th>data fingerprint</th><td><code>${FINGERPRINT}</code></td>`));
  assert.match(v1, /<code>data\/train.csv<\/code>/);
  assert.match(v1, /Predicts churn for the retention team\./);
  assert.match(v1, /<div class="card" id="model-card"><h2>churn v1<\/h2>/, 'the model card, headings shifted under the page title');
  assert.match(v1, /<h2>Data card<\/h2>\n<div class="card" id="data-card"><h2>Data card: churn v1<\/h2>/, 'the data card stored beside it');
  assert.match(v1, /<a href="\.\.\/\.\.\/runs\/20260115T080000Z-000000e1.html">/, 'links the run that became it (from the branch)');
  assert.ok(pages.get('models/churn/v2.html')!.includes(`<code>${COMMIT_V2}</code>`));

  const runs = pages.get('runs/index.html')!;
  const ids = [...runs.matchAll(/<tr data-row="(\d+)"><td><a href="([^"]+)\.html">/g)].map((m) => m[2]);
  assert.deepEqual(
    ids,
    mergeRuns(DIR_RUNS, [BRANCH_RUN]).map((x) => x.id),
    'newest first',
  );
  assert.equal(ids.length, 5);
  const data = JSON.parse(/<script type="application\/json" id="runs-data">(.*?)<\/script>/s.exec(runs)![1]);
  assert.deepEqual(
    data.rows.map((row: { values: Record<string, unknown> }) => row.values['metrics.roc_auc'] ?? null),
    [0.72, null, 0.93, 0.81, 0.88],
  );
  assert.match(runs, /script-src 'sha256-[A-Za-z0-9+/=]+'/, 'the page script is allowed by its hash only');
  const failed = pages.get('runs/20260203T100000Z-0000000c.html')!;
  assert.match(failed, /<pre id="run-error">trainer exited with code 1<\/pre>/);
  assert.match(pages.get('runs/20260202T100000Z-0000000b.html')!, /<a href="\.\.\/models\/churn\/v2.html">churn@v2<\/a>/);
});

test('hostile model cards, descriptions, params and tags are shown as text, never as markup', async () => {
  const { remote, runsDir } = await fixture;
  const out = join(tempDir(), 'site');
  assert.equal((await cli(['site', '--out', out, '--remote', remote, '--runs-dir', runsDir], { now: NOW, cwd: tempDir() })).code, 0);
  const pages = pagesOf(out);
  let escaped = 0;
  for (const [path, html] of pages) {
    assert.ok(!html.includes('<script>alert'), `${path} has a raw script`);
    assert.ok(!html.includes('<img'), `${path} has a raw img`);
    assert.ok(!/<[^>]+\sonerror=/i.test(html), `${path} has an event handler attribute`);
    escaped += html.split(esc(HOSTILE)).length - 1;
  }
  // fraud's description (version page and its card) and param; the run's param and tag.
  assert.ok(pages.get('models/fraud/v1.html')!.includes(`<p>${esc(HOSTILE)}</p>`));
  assert.ok(pages.get('runs/20260301T090000Z-0000000d.html')!.includes(`<td>${esc(HOSTILE)}</td>`));
  assert.ok(escaped >= 5, `${escaped} escaped copies`);
  // In the embedded JSON the value survives intact, with no way to close the script element.
  const runs = pages.get('runs/index.html')!;
  const json = /<script type="application\/json" id="runs-data">(.*?)<\/script>/s.exec(runs)![1];
  assert.ok(json.includes('\\u003cscript>alert'));
  assert.ok(JSON.parse(json).rows.some((r: { values: Record<string, unknown> }) => r.values['params.learning_rate'] === HOSTILE));
});

test('the card renderer escapes raw HTML and renders only its own subset', () => {
  const card = [
    '# churn <b>v1</b>',
    '',
    'Intro with `<code>` and **bold** and _em_ <a href="javascript:alert(1)">x</a> [link](javascript:alert(1)) ![i](x.png)',
    '',
    '| metric | value |',
    '| --- | ---: |',
    '| auc <i onmouseover=alert(1)> | 0.9 |',
    '',
    '- one <script>x</script>',
    '',
    '```',
    '</pre><script>alert(2)</script>',
    '```',
  ].join('\n');
  assert.equal(
    markdownToHtml(card),
    [
      '<h2>churn &lt;b&gt;v1&lt;/b&gt;</h2>',
      '<p>Intro with <code>&lt;code&gt;</code> and <strong>bold</strong> and <em>em</em> &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt; link i</p>',
      '<table><thead><tr><th>metric</th><th style="text-align:right">value</th></tr></thead><tbody><tr><td>auc &lt;i onmouseover=alert(1)&gt;</td><td style="text-align:right">0.9</td></tr></tbody></table>',
      '<ul><li>one &lt;script&gt;x&lt;/script&gt;</li></ul>',
      '<pre><code>&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;</code></pre>',
    ].join('\n'),
  );
  assert.equal(esc(`a&b<c>"d"'e'`), 'a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  assert.equal(jsonScript('d', { v: '</script><!--\u2028' }), '<script type="application/json" id="d">{"v":"\\u003c/script>\\u003c!--\\u2028"}</script>');
});

test('mlops site refuses a folder it did not write unless --force, and replaces its own', async () => {
  const { remote } = await fixture;
  const out = join(tempDir(), 'docs');
  mkdirSync(out);
  writeFileSync(join(out, 'guide.md'), 'hand-written');
  const refused = await cli(['site', '--out', out, '--remote', remote], { now: NOW, cwd: tempDir() });
  assert.equal(refused.code, 2);
  assert.equal(
    refused.stderr,
    `mlops site: error: --out ${out} is not empty and was not written by mlops site (no .mlops-site): choose another folder, or pass --force to replace it\n`,
  );
  assert.equal(readFileSync(join(out, 'guide.md'), 'utf8'), 'hand-written', 'left as it was');

  assert.equal((await cli(['site', '--out', out, '--remote', remote, '--force'], { now: NOW, cwd: tempDir() })).code, 0);
  assert.ok(!existsSync(join(out, 'guide.md')), '--force replaced the folder');
  assert.ok(existsSync(join(out, 'models/churn/v2.html')));
  // Its own site is rebuilt in place without --force, leaving nothing beside it.
  assert.equal((await cli(['site', '--out', out, '--remote', remote], { now: new Date('2026-03-02T00:00:00Z'), cwd: tempDir() })).code, 0);
  assert.match(readFileSync(join(out, '.mlops-site'), 'utf8'), /2026-03-02T00:00:00.000Z/);
  assert.deepEqual(readdirSync(join(out, '..')), ['docs']);

  const file = join(tempDir(), 'site.html');
  writeFileSync(file, 'x');
  const onFile = await cli(['site', '--out', file, '--remote', remote], { now: NOW, cwd: tempDir() });
  assert.equal(onFile.code, 2);
  assert.match(onFile.stderr, /is a file, not a folder/);
});

test('mlops site on a registry with no branch yet writes a site saying so; a corrupt run is named', async () => {
  const remote = bareRepo();
  const out = join(tempDir(), 'site');
  const r = await cli(['site', '--out', out, '--remote', remote], { now: NOW, cwd: tempDir() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote 2 pages .*: 0 models, 0 versions, 0 runs \(no registry branch yet\)/);
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /No models registered yet/);

  // Without --runs-dir the runs mlops train recorded locally (.mlops/runs) are listed.
  const project = tempDir();
  writeRuns(join(project, '.mlops', 'runs'), [DIR_RUNS[0]]);
  const local = await cli(['site', '--out', join(tempDir(), 'site'), '--remote', remote], { now: NOW, cwd: project });
  assert.match(local.stdout, /wrote 3 pages .*: 0 models, 0 versions, 1 run \(no registry branch yet\)/);

  const runsDir = tempDir();
  mkdirSync(join(runsDir, '2026-02'));
  const bad = join(runsDir, '2026-02', '20260201T100000Z-0000000a.json');
  writeFileSync(bad, JSON.stringify({ ...DIR_RUNS[0], status: 'maybe' }));
  const corrupt = await cli(['site', '--out', join(tempDir(), 'site'), '--remote', remote, '--runs-dir', runsDir], { now: NOW, cwd: tempDir() });
  assert.equal(corrupt.code, 2);
  assert.match(corrupt.stderr, new RegExp(`^mlops site: error: ${bad}: not a run record \\(schema_version 1\\): status: `));
});

test('mlops site --backend github reads the same registry through the REST API: the same site', async () => {
  const { remote, runsDir } = await fixture;
  const server = await startGitDataServer(remote);
  try {
    const viaGit = join(tempDir(), 'site');
    const viaApi = join(tempDir(), 'site');
    assert.equal((await cli(['site', '--out', viaGit, '--remote', remote, '--runs-dir', runsDir], { now: NOW, cwd: tempDir() })).code, 0);
    const env = { GITHUB_TOKEN: 'ghs_test_token' };
    const r = await cli(['site', '--out', viaApi, '--backend', 'github', '--repo', 'acme/churn', '--api-url', server.url, '--runs-dir', runsDir], {
      env,
      now: NOW,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(server.requests.length > 0);
    assert.deepEqual(pagesOf(viaApi), pagesOf(viaGit));
  } finally {
    await server.close();
  }
});

test('stored model and data cards render as marked (GFM) renders them, links as their text', async () => {
  const { remote } = await fixture;
  const card = execFileSync('git', ['--git-dir', remote, 'show', `${BRANCH}:models/churn/versions/1/MODEL_CARD.md`]).toString();
  const ours = markdownToHtml(card);
  const theirs = (marked.parse(card, { gfm: true, async: false }) as string).replace(/<a href="[^"]*">(.*?)<\/a>/g, '$1');
  const cells = (html: string) => [...html.matchAll(/<t[dh](?:\s[^>]*)?>(.*?)<\/t[dh]>/g)].map((m) => m[1]);
  const headings = (html: string) => [...html.matchAll(/<h\d>(.*?)<\/h\d>/g)].map((m) => m[1]);
  const paragraphs = (html: string) => [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);
  assert.ok(cells(ours).length > 100, `${cells(ours).length} table cells`);
  assert.deepEqual(cells(ours), cells(theirs));
  assert.deepEqual(headings(ours), headings(theirs));
  assert.deepEqual(headings(ours), ['churn v1', 'Intended use', 'Model', 'Evaluation', 'Training data', 'Metrics', 'Parameters', 'Lineage', 'Limitations']);
  assert.deepEqual(paragraphs(ours), paragraphs(theirs));
  assert.ok(paragraphs(ours).some((p) => p.includes('<em>Not stated.</em>')));
  const dataCard = execFileSync('git', ['--git-dir', remote, 'show', `${BRANCH}:models/churn/versions/1/DATA_CARD.md`]).toString();
  const dataTheirs = (marked.parse(dataCard, { gfm: true, async: false }) as string).replace(/<a href="[^"]*">(.*?)<\/a>/g, '$1');
  assert.ok(cells(markdownToHtml(dataCard)).length > 20);
  assert.deepEqual(cells(markdownToHtml(dataCard)), cells(dataTheirs));
  assert.deepEqual(headings(markdownToHtml(dataCard)), headings(dataTheirs));
});
