// `node scripts/release-notes.mjs vX.Y.Z` prints CHANGELOG.md's section for that version (the GitHub
// release notes) after checking that the tag is package.json's version and that every versioned
// reference agrees (scripts/sync-version.mjs). Exit 2, with one line saying what, otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncText, versionedFiles } from './sync-version.mjs';

/** The body of `## [version]` (or `## version`) up to the next `## ` heading; null when there is none. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return null;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
}

/** Checks a release tag against the repository at `root`; returns the notes or throws a one-line Error. */
export function releaseNotes(root, tag) {
  const m = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag ?? '');
  if (!m) throw new Error(`release tag must look like vX.Y.Z (got ${JSON.stringify(tag ?? '')})`);
  const version = m[1];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pkg.version !== version) throw new Error(`tag ${tag} is not package.json's version ${pkg.version}`);
  const stale = versionedFiles(root).filter((f) => {
    const text = readFileSync(join(root, f), 'utf8');
    return syncText(f, text, version) !== text;
  });
  if (stale.length) throw new Error(`not at version ${version}: ${stale.join(', ')} (run node scripts/sync-version.mjs)`);
  const notes = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (!notes) throw new Error(`CHANGELOG.md has no non-empty "## [${version}]" section`);
  return notes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(releaseNotes(process.cwd(), process.argv[2]) + '\n');
  } catch (err) {
    console.error(`release-notes: ${err.message}`);
    process.exit(2);
  }
}
