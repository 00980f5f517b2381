import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { areaCycles, readImports, violations, type Boundaries, type ImportEdge } from './import-graph.ts';

/**
 * The allowed import directions, in one place (docs/DEVELOPING.md draws them). A src area imports
 * only areas of lower layers, so no two areas import each other. The core is every layer below
 * the surfaces: it never imports @actions/*, octokit, src/cli or src/github.
 */
const BOUNDARIES: Boundaries = {
  layers: [
    ['src/util', 'src/stats', 'src/version.ts'],
    // report: the Markdown, Mermaid and progress-line primitives every report is written with.
    ['src/data', 'src/report'],
    ['src/profile', 'src/metrics', 'src/runs'],
    ['src/validation', 'src/model'],
    // The REST client (octokit) and report publishing: free of @actions/*, so the registry's github backend and the CLI use it.
    ['src/github-api'],
    ['src/registry'],
    // The use cases: they resolve registry: references (the site reads the whole branch), so they sit above the registry.
    ['src/drift', 'src/evaluate', 'src/predict', 'src/serve', 'src/reproduce', 'src/site'],
    ['src/alerts', 'src/project'],
    // The surfaces: the CLI, and the Actions runtime (inputs, outputs, summaries, artifacts, annotations).
    ['src/cli', 'src/github'],
  ],
  entries: {
    // An action is a thin main.ts over src/github and the core; the CLI is another surface.
    actions: ['src/cli', 'scripts', 'test'],
    scripts: [],
  },
  packages: {
    '@actions/*': ['src/github', 'actions'],
    octokit: ['src/github-api'],
  },
};

const edges = readImports(process.cwd(), ['src', 'actions', 'scripts']);

describe('import boundaries', () => {
  test('the tree keeps every rule of the table', () => {
    assert.ok(edges.length > 500, `read ${edges.length} imports`);
    assert.deepEqual(violations(edges, BOUNDARIES), []);
  });

  test('no two top-level src directories import each other, directly or through others', () => {
    assert.deepEqual(areaCycles(edges.filter((e) => e.from.startsWith('src/') && e.file?.startsWith('src/'))), []);
  });

  test('dynamic imports count: the registry reaches the REST client only through src/github-api', () => {
    const dynamic = edges.filter((e) => e.from === 'src/registry/open.ts' && e.file?.startsWith('src/github'));
    assert.deepEqual(
      dynamic.map((e) => e.file),
      ['src/github-api/client.ts'],
    );
  });
});

describe('the checker fails on a violation', () => {
  const edge = (from: string, to: string): ImportEdge => (to.includes('/') && !to.startsWith('@') ? { from, file: to } : { from, pkg: to });

  test('a core module importing @actions/*, octokit, src/cli or src/github', () => {
    const bad = [
      edge('src/drift/check.ts', '@actions/core'),
      edge('src/registry/open.ts', 'octokit'),
      edge('src/evaluate/run.ts', 'src/cli/args.ts'),
      edge('src/predict/run.ts', 'src/github/action.ts'),
    ];
    assert.deepEqual(violations(bad, BOUNDARIES), [
      'src/drift/check.ts imports @actions/core, which only src/github, actions may import',
      'src/registry/open.ts imports octokit, which only src/github-api may import',
      'src/evaluate/run.ts imports src/cli/args.ts: src/evaluate (layer 6) may import only lower layers, and src/cli is layer 8',
      'src/predict/run.ts imports src/github/action.ts: src/predict (layer 6) may import only lower layers, and src/github is layer 8',
    ]);
  });

  test('the registry and a core domain importing each other', () => {
    const graph = [edge('src/drift/load.ts', 'src/registry/resolve.ts'), edge('src/registry/diff.ts', 'src/drift/detect.ts')];
    assert.deepEqual(violations(graph, BOUNDARIES), [
      'src/registry/diff.ts imports src/drift/detect.ts: src/registry (layer 5) may import only lower layers, and src/drift is layer 6',
    ]);
    assert.deepEqual(areaCycles(graph), [['src/drift', 'src/registry']]);
  });

  test('a cycle through three directories, an action importing the CLI, and an area missing from the table', () => {
    const graph = [edge('src/a/x.ts', 'src/b/y.ts'), edge('src/b/y.ts', 'src/c/z.ts'), edge('src/c/z.ts', 'src/a/w.ts'), edge('src/d/q.ts', 'src/util/fs.ts')];
    assert.deepEqual(areaCycles(graph), [['src/a', 'src/b', 'src/c']]);
    assert.deepEqual(violations([edge('actions/predict/main.ts', 'src/cli/progress.ts'), edge('src/new/x.ts', 'src/util/fs.ts')], BOUNDARIES), [
      'actions/predict/main.ts imports src/cli/progress.ts: actions never imports src/cli',
      'src/new/x.ts: src/new is in no layer (add it to the table)',
    ]);
  });
});
