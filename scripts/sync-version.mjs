// Writes package.json's version everywhere a reference to "this release" lives, so a release never
// points at a tag that does not exist:
//   - the CLI's VERSION (src/version.ts), which `mlops --version` prints;
//   - the caller templates `mlops init` copies: `uses: mlops-actions/mlops-actions/...@vX.Y.Z`;
//   - the reusable workflows' `mlops-ref` default (the ref of the actions they check out), because a
//     reusable workflow cannot read the ref it was called at;
//   - the docs' examples, which name the moving major tag `vN`.
// `npm version X.Y.Z` runs it (the "version" script); `--check` lists what is out of step instead.
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OURS = String.raw`mlops-actions/mlops-actions(?:/[\w./-]+)?`;

/** The rewritten text of one file for `version` (unchanged text when nothing in it names a version). */
export function syncText(path, text, version) {
  const tag = `v${version}`;
  const major = `v${version.split('.')[0]}`;
  if (path.endsWith('src/version.ts')) return text.replace(/^export const VERSION = '[^']*';$/m, `export const VERSION = '${version}';`);
  if (/(^|\/)templates\/workflows\/[^/]+\.yml$/.test(path)) return text.replace(new RegExp(`(uses: ${OURS})@[\\w.-]+`, 'g'), `$1@${tag}`);
  if (/(^|\/)\.github\/workflows\/ml-[^/]+\.yml$/.test(path)) {
    return text.replace(/(\n      mlops-ref:\n(?:        .*\n)*?        default: )'[^']*'/, `$1'${tag}'`);
  }
  if (path.endsWith('.md') && !path.endsWith('CHANGELOG.md')) {
    // The README's install and pinning sections name the current release.
    if (path === 'README.md') {
      text = text
        .replace(/(mlops-actions(?:\/[\w./-]+)?(?:@|#)|releases\/download\/)v\d+\.\d+\.\d+(?![\w.-])/g, `$1${tag}`)
        .replace(/mlops-actions-\d+\.\d+\.\d+\.tgz/g, `mlops-actions-${version}.tgz`);
    }
    // Examples follow the major tag; elsewhere `@vX.Y.Z` written on purpose (and SHAs) stay as they are.
    return text.replace(new RegExp(`((?:uses: |github:)(?:OWNER|mlops-actions)/mlops-actions(?:/[\\w./-]+)?)@v\\d+(?![\\w.])`, 'g'), `$1@${major}`);
  }
  return text;
}

/** Files syncText may change, relative to the repository root. */
export function versionedFiles(root) {
  const out = ['src/version.ts', 'README.md'];
  const dir = (d, keep) =>
    readdirSync(join(root, d))
      .filter(keep)
      .map((f) => join(d, f));
  out.push(...dir('templates/workflows', (f) => f.endsWith('.yml')));
  out.push(...dir('.github/workflows', (f) => /^ml-.*\.yml$/.test(f)));
  out.push(...dir('docs', (f) => f.endsWith('.md')));
  for (const a of readdirSync(join(root, 'actions'))) {
    if (statSync(join(root, 'actions', a)).isDirectory()) out.push(join('actions', a, 'README.md'));
  }
  return out.filter((f) => {
    try {
      return statSync(join(root, f)).isFile();
    } catch {
      return false;
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const check = process.argv.includes('--check');
  const changed = [];
  for (const f of versionedFiles(root)) {
    const text = readFileSync(join(root, f), 'utf8');
    const next = syncText(f, text, version);
    if (next === text) continue;
    changed.push(f);
    if (!check) {
      // Beside the target, then renamed: an interrupted run leaves no half-written file.
      writeFileSync(join(root, f) + '.tmp', next);
      renameSync(join(root, f) + '.tmp', join(root, f));
    }
  }
  if (check && changed.length) {
    console.error(`not at version ${version}: ${changed.join(', ')}\nRun \`node scripts/sync-version.mjs\`.`);
    process.exit(1);
  }
  console.log(changed.length ? `${check ? 'would write' : 'wrote'} version ${version} into ${changed.join(', ')}` : `every reference is at version ${version}`);
}
