import { copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlopsError, errorMessage } from '../util/errors.ts';

/** Packages that load native code or files at run time: installed in the image, never bundled. */
export const SERVER_EXTERNALS = ['onnxruntime-node'];

// ESM bundles of CommonJS dependencies (prom-client) call require(); give them one.
const REQUIRE_BANNER = "import { createRequire as __mlopsCreateRequire } from 'node:module';\nconst require = __mlopsCreateRequire(import.meta.url);";

/**
 * Writes the server as one ESM file. The released CLI (dist/cli.js) ships a prebuilt
 * dist/serve.js beside it, which is copied; from a source checkout src/cli/serve-main.ts is bundled
 * with esbuild (a dev dependency, so it is imported by name only at run time).
 */
export async function writeServerBundle(outFile: string, here = dirname(fileURLToPath(import.meta.url))): Promise<'prebuilt' | 'esbuild'> {
  const prebuilt = join(here, 'serve.js');
  if (existsSync(prebuilt)) {
    await copyFile(prebuilt, outFile);
    return 'prebuilt';
  }
  const entry = join(here, '../cli/serve-main.ts');
  if (!existsSync(entry)) throw new MlopsError(`no server bundle: neither ${prebuilt} nor ${entry} exists (rebuild dist/ with npm run build)`);
  const esbuildName = 'esbuild';
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import(esbuildName);
  } catch (err) {
    throw new MlopsError(`bundling the server needs esbuild (npm install): ${errorMessage(err)}`);
  }
  await esbuild.build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: SERVER_EXTERNALS,
    legalComments: 'none',
    logLevel: 'error',
    banner: { js: REQUIRE_BANNER },
  });
  return 'esbuild';
}
