import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlopsError, errorMessage } from '../util/errors.ts';
import { beginAtomicDir } from '../util/fs.ts';
import { writeServerBundle, SERVER_EXTERNALS } from './bundle.ts';
import { DOCKERIGNORE, dockerfile, HEALTHCHECK_SCRIPT, imageLabels, NODE_BASE_IMAGE, NPMRC } from './dockerfile.ts';
import { lockSubset } from './lockfile.ts';
import { SERVING_FILE, type ModelSource } from './model-source.ts';

export interface BuildContextOptions {
  source: ModelSource;
  outDir: string;
  baseImage?: string;
  port?: number;
  /** Overrides the registry commit recorded in the lineage (the action passes the branch head). */
  registryCommit?: string;
  /** Our package-lock.json (found above this module by default). */
  lockfile?: string;
}

export interface BuildContext {
  context: string;
  name: string;
  version: string;
  labels: Record<string, string>;
  files: string[];
  bundle: 'prebuilt' | 'esbuild';
}

/**
 * Writes a Docker build context: Dockerfile, .dockerignore, package.json + package-lock.json for
 * onnxruntime-node, .npmrc, the bundled server (server.mjs), healthcheck.mjs, and model/ with the
 * ONNX file and serving.json. `docker build DIR` needs nothing else.
 */
export async function writeBuildContext(options: BuildContextOptions): Promise<BuildContext> {
  const out = resolve(options.outDir);
  if (existsSync(out) && readdirSync(out).length > 0) throw new MlopsError(`${options.outDir} is not empty: give a new folder for the build context`);
  const baseImage = options.baseImage ?? NODE_BASE_IMAGE;
  const port = options.port ?? 8080;
  const manifest = {
    ...options.source.manifest,
    lineage: { ...options.source.manifest.lineage, ...(options.registryCommit ? { registry_commit: options.registryCommit } : {}) },
  };
  const labels = imageLabels(manifest, baseImage);
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  const lockPath = options.lockfile ?? findUp('package-lock.json');
  let lock: unknown;
  try {
    lock = JSON.parse(await readFile(lockPath, 'utf8'));
  } catch (err) {
    throw new MlopsError(`${lockPath}: cannot read the toolkit's package-lock.json (${errorMessage(err)})`);
  }
  const { packageJson, lockfile } = lockSubset(lock as object, SERVER_EXTERNALS, { name: `mlops-serve-${manifest.name}`, version: '1.0.0' });

  // The context is assembled under a temporary sibling and renamed into place whole, so a failed
  // or interrupted run never leaves a half-written context that `docker build` would accept.
  const staging = beginAtomicDir(out);
  const files: [string, string][] = [
    ['Dockerfile', dockerfile({ manifest, labels, baseImage, port })],
    ['.dockerignore', DOCKERIGNORE],
    ['.npmrc', NPMRC],
    ['package.json', json(packageJson)],
    ['package-lock.json', json(lockfile)],
    ['healthcheck.mjs', HEALTHCHECK_SCRIPT],
    [join('model', SERVING_FILE), json(manifest)],
  ];
  let bundle: Awaited<ReturnType<typeof writeServerBundle>>;
  try {
    const tmp = staging.path;
    await mkdir(join(tmp, 'model'), { recursive: true });
    bundle = await writeServerBundle(join(tmp, 'server.mjs'));
    for (const [name, text] of files) await writeFile(join(tmp, name), text);
    await copyFile(options.source.modelFile, join(tmp, 'model', manifest.model_file));
  } catch (err) {
    await staging.abort();
    throw err;
  }
  await staging.commit();
  return {
    context: out,
    name: manifest.name,
    version: manifest.version,
    labels,
    files: [...files.map(([n]) => n), 'server.mjs', join('model', manifest.model_file)].sort(),
    bundle,
  };
}

/** A file in this module's folder or the nearest parent that has it (repo root from source, action root from dist/). */
function findUp(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new MlopsError(`cannot find ${name} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
