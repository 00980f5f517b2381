import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { MlopsError } from '../util/errors.ts';

/** The template files and where they land in a project repo. */
export function templatePlan(templatesDir: string, withExample: boolean): { from: string; to: string }[] {
  const plan = [
    { from: 'workflows/ml-pr.yml', to: '.github/workflows/ml-pr.yml' },
    { from: 'workflows/ml-release.yml', to: '.github/workflows/ml-release.yml' },
    { from: 'workflows/ml-drift.yml', to: '.github/workflows/ml-drift.yml' },
    { from: 'workflows/ml-retrain.yml', to: '.github/workflows/ml-retrain.yml' },
    { from: 'workflows/ml-batch.yml', to: '.github/workflows/ml-batch.yml' },
    { from: 'mlops.yml', to: 'mlops.yml' },
    { from: 'rules.yml', to: 'rules.yml' },
    { from: 'gate.yml', to: 'gate.yml' },
    { from: 'train.yml', to: 'train.yml' },
  ];
  const exampleData = ['example/data/train.csv', 'example/data/holdout.csv', 'example/data/current.csv', 'example/data/recent.csv'];
  if (withExample) for (const f of exampleData) plan.push({ from: f, to: f.replace(/^example\//, '') });
  return plan.map((p) => ({ from: join(templatesDir, p.from), to: p.to }));
}

/**
 * Copies the template into `target`. Existing files are never overwritten unless `force`;
 * when any would be, nothing is written at all, so a half-scaffolded repo cannot happen.
 */
export async function scaffold(templatesDir: string, target: string, options: { force?: boolean; example?: boolean } = {}): Promise<string[]> {
  const plan = templatePlan(templatesDir, options.example ?? true);
  const existing: string[] = [];
  for (const p of plan) if (await exists(join(target, p.to))) existing.push(p.to);
  if (existing.length > 0 && !options.force) {
    throw new MlopsError(`refusing to overwrite ${existing.join(', ')} in ${target} (use --force to replace them)`);
  }
  for (const p of plan) {
    if (!(await exists(p.from))) throw new MlopsError(`template file missing: ${relative(process.cwd(), p.from)}`);
    await mkdir(dirname(join(target, p.to)), { recursive: true });
    await copyFile(p.from, join(target, p.to));
  }
  return plan.map((p) => p.to);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The package's templates folder, found by walking up from this module, so it works from
 * source (src/project) and from the bundle (dist/) alike.
 */
export async function findTemplatesDir(fromUrl: string): Promise<string> {
  let dir = dirname(new URL(fromUrl).pathname);
  for (let i = 0; i < 6; i++) {
    if (await exists(join(dir, 'templates', 'mlops.yml'))) return join(dir, 'templates');
    dir = dirname(dir);
  }
  throw new MlopsError('cannot find the templates folder next to this mlops installation');
}
