// Bundles the CLI and every action entry into dist/ so actions run as node24 (their `runs.using`) with no
// npm install. The target is node24 because that is the runtime GitHub runs the actions on; the same
// bundles are the npm package's CLI, which supports Node 20 too: esbuild only lowers syntax (the
// node20 and node24 targets gave byte-identical bundles when we switched), and .ci/run proves it by running the CLI tests on
// both (a smoke subset on the machine's Node 20, the whole suite on Node 24).
// `--check` rebuilds into a temporary folder and fails if the committed dist/ differs.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const check = process.argv.includes('--check');
const outRoot = check ? mkdtempSync(join(tmpdir(), 'mlops-dist-')) : 'dist';

// Native or wasm-file-loading packages cannot be inlined; actions that need them install them.
export const external = ['onnxruntime-node', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-backend-wasm'];

// ESM bundles of CommonJS dependencies call require(); give them one under a name of our own.
const requireBanner =
  "import { createRequire as __mlopsCreateRequire } from 'node:module';\nconst require = __mlopsCreateRequire(import.meta.url);";

// serve.js is the server alone, copied into image build contexts by `mlops build-context`.
const entries = [
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/serve/main.ts', out: 'serve' },
];
for (const name of readdirSync('actions')) {
  if (existsSync(join('actions', name, 'main.ts'))) entries.push({ in: join('actions', name, 'main.ts'), out: join('actions', name) });
}

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: join(outRoot, entry.out + '.js'),
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    external,
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: requireBanner },
  });
}

if (check) {
  const list = (root) => {
    const out = [];
    const walk = (dir) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else out.push(relative(root, p));
      }
    };
    if (existsSync(root)) walk(root);
    return out.sort();
  };
  const built = list(outRoot);
  const committed = list('dist');
  const stale = built.filter((f) => !committed.includes(f) || !readFileSync(join(outRoot, f)).equals(readFileSync(join('dist', f))));
  const extra = committed.filter((f) => !built.includes(f));
  rmSync(outRoot, { recursive: true, force: true });
  if (stale.length || extra.length) {
    console.error(`dist/ is out of date with the source: ${[...stale, ...extra].join(', ')}\nRun \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log(`dist/ matches the source (${built.length} bundles)`);
} else {
  console.log(`built ${entries.length} bundles into dist/`);
}
