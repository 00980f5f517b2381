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

// Chunk names change with their content: remove the previous build's bundles (never
// dist/node_modules, where `mlops runtime install` puts the native packages).
if (!check) {
  for (const dir of ['dist', 'dist/actions']) {
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.js')) rmSync(join(dir, f));
  }
}

// Native or wasm-file-loading packages cannot be inlined; actions that need them install them.
export const external = ['onnxruntime-node', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-backend-wasm'];

// ESM bundles of CommonJS dependencies call require(); give them one under a name of our own.
const requireBanner = "import { createRequire as __mlopsCreateRequire } from 'node:module';\nconst require = __mlopsCreateRequire(import.meta.url);";

// zod's classic API re-exports every locale (366 KB) as `z.locales`; nothing here switches
// locale (the English messages zod uses by default are imported on their own), so that
// namespace is replaced by an empty module in every bundle.
const dropZodLocales = {
  name: 'drop-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'mlops-empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'mlops-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  external,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: requireBanner },
  plugins: [dropZodLocales],
};

// The CLI is split: dist/cli.js holds the dispatcher and each verb's module (and what only it
// imports) is a chunk beside it, loaded when that verb runs. Chunks sit in dist/ itself because
// verbs locate dist/node_modules and dist/serve.js from their own file. Names carry a content
// hash, so the output is deterministic.
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: outRoot, splitting: true, chunkNames: 'cli-[name]-[hash]' });

// serve.js is the server alone, copied into image build contexts by `mlops build-context`.
await build({ ...common, entryPoints: ['src/cli/serve-main.ts'], outfile: join(outRoot, 'serve.js') });

// The actions are built together, split the same way: what several actions share (zod, the
// GitHub client, the registry) is one chunk in dist/actions/, and what an action loads lazily
// (the Actions cache and artifact clients) is only read when used.
const actions = {};
for (const name of readdirSync('actions')) {
  if (existsSync(join('actions', name, 'main.ts'))) actions[name] = join('actions', name, 'main.ts');
}
await build({ ...common, entryPoints: actions, outdir: join(outRoot, 'actions'), splitting: true, chunkNames: 'chunk-[hash]' });

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
  console.log(`built ${Object.keys(actions).length + 2} bundles into dist/`);
}
