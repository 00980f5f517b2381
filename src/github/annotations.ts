import * as core from '@actions/core';
import { repoRelative } from '../util/repo-path.ts';
import type { Annotation } from '../util/annotation.ts';

/**
 * GitHub places an annotation in the diff only by a path relative to the repository root, so
 * paths are made relative to GITHUB_WORKSPACE (the checkout); a file outside it keeps its path.
 */
export function repoPath(file: string, workspace = process.env.GITHUB_WORKSPACE || process.cwd()): string {
  return repoRelative(file, workspace);
}

export function emitAnnotation(a: Annotation): void {
  const properties: core.AnnotationProperties = { title: a.title };
  if (a.file) properties.file = repoPath(a.file);
  if (a.file && a.line !== undefined) properties.startLine = a.line;
  (a.level === 'error' ? core.error : core.warning)(a.message, properties);
}
