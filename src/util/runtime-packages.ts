import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MlopsError } from './errors.ts';

/**
 * Packages the bundles leave external because they are native or load files at run time.
 * Pinned to the versions package.json declares (a test keeps them equal).
 */
export const RUNTIME_PACKAGES: Record<string, string> = {
  'onnxruntime-node': '1.30.0',
  '@tensorflow/tfjs': '4.22.0',
  '@tensorflow/tfjs-backend-wasm': '4.22.0',
};
export const GPU_PACKAGES: Record<string, string> = { '@tensorflow/tfjs-node-gpu': '4.22.0' };

/** The packages of `wanted` that do not resolve from `fromDir` (as an import there would). */
export function missingPackages(wanted: Record<string, string>, fromDir: string): string[] {
  const require = createRequire(join(fromDir, 'noop.js'));
  return Object.keys(wanted).filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * `npm install --no-save` of the pinned packages into `prefix/node_modules`, which bundles
 * under `prefix` resolve. onnxruntime-node fetches its CUDA provider only when `gpu` is set
 * (ONNXRUNTIME_NODE_INSTALL=cuda12); otherwise its bundled CPU binaries are all it needs.
 */
export async function installPackages(
  names: string[],
  versions: Record<string, string>,
  prefix: string,
  options: { gpu: boolean; env: NodeJS.ProcessEnv; log: (line: string) => void },
): Promise<void> {
  if (names.length === 0) return;
  const specs = names.map((n) => `${n}@${versions[n]}`);
  options.log(`installing ${specs.join(' ')} into ${prefix}/node_modules`);
  const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, ...specs];
  const env = { ...options.env, ONNXRUNTIME_NODE_INSTALL: options.gpu ? 'cuda12' : 'skip' };
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => resolve(127));
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new MlopsError(`npm install of ${specs.join(' ')} failed (exit ${code}); install them on the runner or check its network access`);
}

/** What each verb loads at run time beyond the bundle (the rest of the CLI needs nothing). */
export const RUNTIME_NEEDS: Record<string, string[]> = {
  train: ['onnxruntime-node', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
  evaluate: ['onnxruntime-node'],
  serve: ['onnxruntime-node'],
  predict: ['onnxruntime-node'],
};

/** Installs whichever of `names` do not resolve from `bundleDir` into `prefix`/node_modules. */
export async function ensureRuntimePackages(
  names: string[],
  bundleDir: string,
  prefix: string,
  options: { gpu: boolean; env: NodeJS.ProcessEnv; log: (line: string) => void; install?: boolean },
): Promise<string[]> {
  const wanted: Record<string, string> = {};
  for (const name of names) wanted[name] = RUNTIME_PACKAGES[name] ?? GPU_PACKAGES[name];
  if (options.gpu && names.includes('@tensorflow/tfjs')) Object.assign(wanted, GPU_PACKAGES);
  const missing = missingPackages(wanted, bundleDir);
  if (missing.length > 0 && options.install === false) throw new MlopsError(`missing runtime packages ${missing.join(', ')} and installing them is turned off`);
  await installPackages(missing, wanted, prefix, options);
  return missing;
}
