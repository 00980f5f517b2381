import { isAbsolute, relative, resolve } from 'node:path';

/**
 * `file` relative to the repository checkout at `root`, with forward slashes, as GitHub names
 * files (annotations, reports); a file outside the checkout keeps the path it was given.
 */
export function repoRelative(file: string, root: string): string {
  const rel = relative(root, resolve(root, file));
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split('\\').join('/');
}
