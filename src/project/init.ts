import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { MlopsError, SettingError } from '../util/errors.ts';
import { pathExists } from '../util/fs.ts';

const WORKFLOWS = ['ml-pr.yml', 'ml-release.yml', 'ml-drift.yml', 'ml-retrain.yml', 'ml-batch.yml'];
const CONFIGS = ['mlops.yml', 'rules.yml', 'gate.yml', 'train.yml'];
const EXAMPLE_DATA = ['data/train.csv', 'data/holdout.csv', 'data/current.csv', 'data/recent.csv'];

/** One file init writes: copied from the templates (`from`) or generated (`text`). */
export type PlanEntry = { to: string; from: string; text?: undefined } | { to: string; text: string; from?: undefined };

/** The template files and where they land in a project repo. */
export function templatePlan(templatesDir: string, withExample: boolean): PlanEntry[] {
  const plan: PlanEntry[] = [
    ...WORKFLOWS.map((w) => ({ from: join(templatesDir, 'workflows', w), to: `.github/workflows/${w}` })),
    ...CONFIGS.map((c) => ({ from: join(templatesDir, c), to: c })),
  ];
  if (withExample) for (const f of EXAMPLE_DATA) plan.push({ from: join(templatesDir, 'example', f), to: f });
  return plan;
}

/** The workflows from the templates plus configs generated for the user's data (`mlops init --data`). */
export function fittedPlan(templatesDir: string, files: Record<string, string>): PlanEntry[] {
  return [
    ...WORKFLOWS.map((w) => ({ from: join(templatesDir, 'workflows', w), to: `.github/workflows/${w}` })),
    ...Object.entries(files).map(([to, text]) => ({ to, text })),
  ];
}

/** Data files are the user's: --force replaces configs and workflows, never anything under data/. */
export const isDataPath = (path: string) => path === 'data' || path.startsWith('data/');

/**
 * Writes the plan into `target`. Existing files are never overwritten unless `force`, and data
 * files never (with `force` an existing one is kept and reported); when any file would be
 * overwritten without `force`, nothing is written at all, so a half-scaffolded repo cannot happen.
 */
export async function scaffold(plan: PlanEntry[], target: string, options: { force?: boolean } = {}): Promise<{ written: string[]; kept: string[] }> {
  const existing: string[] = [];
  for (const p of plan) if (await pathExists(join(target, p.to))) existing.push(p.to);
  if (existing.length > 0 && !options.force) {
    throw new SettingError(
      'force',
      (name) => `refusing to overwrite ${existing.join(', ')} in ${target} (use ${name('force')} to replace them; data/ is never replaced)`,
    );
  }
  for (const p of plan)
    if (p.from !== undefined && !(await pathExists(p.from))) throw new MlopsError(`template file missing: ${relative(process.cwd(), p.from)}`);
  const written: string[] = [];
  const kept: string[] = [];
  for (const p of plan) {
    if (isDataPath(p.to) && existing.includes(p.to)) {
      kept.push(p.to);
      continue;
    }
    const to = join(target, p.to);
    await mkdir(dirname(to), { recursive: true });
    if (p.from !== undefined) await copyFile(p.from, to);
    else await writeFile(to, p.text);
    written.push(p.to);
  }
  return { written, kept };
}

/**
 * The package's templates folder, found by walking up from this module, so it works from
 * source (src/project) and from the bundle (dist/) alike.
 */
export async function findTemplatesDir(fromUrl: string): Promise<string> {
  let dir = dirname(new URL(fromUrl).pathname);
  for (let i = 0; i < 6; i++) {
    if (await pathExists(join(dir, 'templates', 'mlops.yml'))) return join(dir, 'templates');
    dir = dirname(dir);
  }
  throw new MlopsError('cannot find the templates folder next to this mlops installation');
}
