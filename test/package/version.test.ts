import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { VERSION } from '../../src/version.ts';
// @ts-expect-error plain .mjs build scripts carry no types
import { syncText, versionedFiles } from '../../scripts/sync-version.mjs';
// @ts-expect-error plain .mjs build scripts carry no types
import { changelogSection, releaseNotes } from '../../scripts/release-notes.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const sync = syncText as (path: string, text: string, version: string) => string;

test('mlops --version, the caller templates and the reusable workflows all name package.json version', () => {
  assert.equal(VERSION, pkg.version);
  for (const name of ['ml-pr', 'ml-release', 'ml-drift', 'ml-retrain', 'ml-batch', 'ml-reproduce']) {
    const template = readFileSync(`templates/workflows/${name}.yml`, 'utf8');
    assert.match(template, new RegExp(`uses: mlops-actions/mlops-actions/\\.github/workflows/${name}\\.yml@v${pkg.version.replace(/\./g, '\\.')}\\n`));
    const reusable = parse(readFileSync(`.github/workflows/${name}.yml`, 'utf8'));
    assert.equal(reusable.on.workflow_call.inputs['mlops-ref'].default, `v${pkg.version}`, `${name}: mlops-ref default`);
  }
  const stale = (versionedFiles('.') as string[]).filter((f) => {
    const text = readFileSync(f, 'utf8');
    return sync(f, text, pkg.version) !== text;
  });
  assert.deepEqual(stale, [], 'node scripts/sync-version.mjs has nothing to write');
});

test('sync-version rewrites each kind of reference and leaves SHAs and other repositories alone', () => {
  assert.equal(sync('src/version.ts', "a\nexport const VERSION = '0.1.0';\nb", '2.3.4'), "a\nexport const VERSION = '2.3.4';\nb");
  const template = '    uses: mlops-actions/mlops-actions/.github/workflows/ml-pr.yml@v0.1.0\n    uses: actions/checkout@v7\n';
  assert.equal(sync('templates/workflows/ml-pr.yml', template, '2.3.4'), template.replace('@v0.1.0', '@v2.3.4'));
  const workflow = "      mlops-ref:\n        description: 'x'\n        type: string\n        default: 'v0.1.0'\n      other:\n        default: 'v0.1.0'\n";
  assert.equal(
    sync('.github/workflows/ml-pr.yml', '\n' + workflow, '2.3.4'),
    '\n' + workflow.replace("default: 'v0.1.0'\n      other", "default: 'v2.3.4'\n      other"),
  );
  const doc = [
    '- uses: mlops-actions/mlops-actions@v0',
    '  uses: OWNER/mlops-actions/actions/train@v0',
    '  uses: mlops-actions/mlops-actions/actions/train@v0.1.0',
    `  uses: mlops-actions/mlops-actions/actions/train@${'b'.repeat(40)}`,
    '  uses: actions/checkout@v7',
  ].join('\n');
  assert.equal(sync('docs/x.md', doc, '2.3.4'), doc.replace('mlops-actions@v0\n', 'mlops-actions@v2\n').replace('train@v0\n', 'train@v2\n'));
  assert.equal(sync('CHANGELOG.md', doc, '2.3.4'), doc, 'the changelog keeps its history');
  const readme =
    'npm i https://github.com/mlops-actions/mlops-actions/releases/download/v0.1.0/mlops-actions-0.1.0.tgz\nnpx github:mlops-actions/mlops-actions#v0.1.0 init\n';
  assert.equal(sync('README.md', readme, '2.3.4'), readme.replace(/0\.1\.0/g, '2.3.4'), 'the README installs the current release');
  assert.equal(sync('docs/x.md', readme, '2.3.4'), readme, 'only the README');
});

test('release notes: the changelog section of the tag; a tag that is not the version, or has no section, is refused', () => {
  const changelog = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-12-01\n\n### Added\n\n- x\n\n## [1.1.0] - 2026-11-01\n\n- y\n';
  assert.equal(changelogSection(changelog, '1.2.0'), '### Added\n\n- x');
  assert.equal(changelogSection(changelog, '1.1.0'), '- y');
  assert.equal(changelogSection(changelog, '1.2'), null);
  assert.equal(changelogSection(changelog, '1.0.0'), null);

  const notes = releaseNotes('.', `v${pkg.version}`) as string;
  assert.ok(notes.length > 0);
  assert.equal(notes, changelogSection(readFileSync('CHANGELOG.md', 'utf8'), pkg.version));
  assert.throws(() => releaseNotes('.', 'v99.0.0'), /tag v99\.0\.0 is not package\.json's version/);
  assert.throws(() => releaseNotes('.', pkg.version), /must look like vX\.Y\.Z/);
});
