// Installs the native/wasm packages a command needs next to the bundled action, once per runner.
// The bundles in dist/ carry every pure-JS dependency; onnxruntime-node and TensorFlow.js ship
// platform binaries or .wasm files that cannot be bundled, so actions fetch the pinned versions
// from package.json on first use. A GPU runner opts into CUDA with MLOPS_GPU=1 (tfjs-node-gpu,
// and onnxruntime-node's CUDA download by leaving ONNXRUNTIME_NODE_INSTALL unset).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = (name) => (pkg.dependencies?.[name] ?? pkg.optionalDependencies?.[name] ?? '').replace(/^[\^~]/, '');

const NEEDS = {
  train: ['onnxruntime-node', 'onnx-proto', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
  evaluate: ['onnxruntime-node', 'onnx-proto'],
  serve: ['onnxruntime-node', 'onnx-proto'],
  predict: ['onnxruntime-node', 'onnx-proto'],
  drift: ['onnxruntime-node', 'onnx-proto'],
};

const command = process.argv[2] ?? '';
const wanted = (NEEDS[command] ?? []).filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
const gpu = process.env.MLOPS_GPU === '1';
if (gpu && command === 'train') wanted.push('@tensorflow/tfjs-node-gpu');
if (wanted.length === 0) process.exit(0);

const specs = wanted.map((name) => `${name}@${version(name) || 'latest'}`);
console.log(`mlops: installing ${specs.join(' ')} for "${command}" (once per runner)`);
execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--omit=dev', ...specs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...(gpu ? {} : { ONNXRUNTIME_NODE_INSTALL: 'skip' }) },
});
