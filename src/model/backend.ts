import { MlopsError, errorMessage } from '../util/errors.ts';

export type TF = typeof import('@tensorflow/tfjs');

export const BACKENDS = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

export interface Backend {
  /** What runs: tensorflow-gpu (tfjs-node-gpu), tensorflow (tfjs-node), wasm or cpu. */
  name: Exclude<BackendChoice, 'auto'>;
  /** The npm package that provided it, for lineage. */
  package: string;
  tf: TF;
  /** Why each better backend was skipped, for the log. */
  skipped: string[];
}

type Candidate = { name: Backend['name']; package: string; load: () => Promise<TF> };

/**
 * The tfjs packages, best first. tfjs-node(-gpu) export the whole tf API with their native
 * backend registered, so training uses the namespace they return; wasm and cpu run on the
 * pure-JS @tensorflow/tfjs. Every import is dynamic so a missing optional package only
 * moves the choice down the list.
 */
const CANDIDATES: Candidate[] = [
  { name: 'tensorflow-gpu', package: '@tensorflow/tfjs-node-gpu', load: () => nativeTf('@tensorflow/tfjs-node-gpu') },
  { name: 'tensorflow', package: '@tensorflow/tfjs-node', load: () => nativeTf('@tensorflow/tfjs-node') },
  {
    name: 'wasm',
    package: '@tensorflow/tfjs-backend-wasm',
    load: async () => {
      const tf = await pureTf();
      await importPackage('@tensorflow/tfjs-backend-wasm');
      if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
      return tf;
    },
  },
  {
    name: 'cpu',
    package: '@tensorflow/tfjs',
    load: async () => {
      const tf = await pureTf();
      if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not initialise');
      return tf;
    },
  },
];

/**
 * Imports a tfjs package by a name the bundler cannot see, so @tensorflow/tfjs is resolved
 * from node_modules at run time like the backends that register into it: a bundled copy
 * would be a second tfjs engine that the wasm or native backend never registers with.
 */
const importPackage = (name: string): Promise<unknown> => import(name);

async function pureTf(): Promise<TF> {
  const tf = (await importPackage('@tensorflow/tfjs')) as TF & { default?: TF };
  return typeof tf.setBackend === 'function' ? tf : tf.default!;
}

async function nativeTf(pkg: string): Promise<TF> {
  const tf = (await importPackage(pkg)) as TF & { default?: TF };
  const api = typeof tf.setBackend === 'function' ? tf : tf.default!;
  if (!(await api.setBackend('tensorflow'))) throw new Error('the tensorflow backend did not initialise');
  return api;
}

/**
 * Loads the best TensorFlow.js backend that is installed (or exactly the one asked for) and
 * reports why better ones were skipped. `choice` comes from the config or MLOPS_TF_BACKEND.
 */
export async function loadBackend(choice: BackendChoice = 'auto'): Promise<Backend> {
  const skipped: string[] = [];
  const candidates = choice === 'auto' ? CANDIDATES : CANDIDATES.filter((c) => c.name === choice);
  for (const c of candidates) {
    try {
      const tf = await c.load();
      await tf.ready();
      // PROD silences tfjs's console advice (it would land in every Actions log) and debug checks.
      tf.env().set('PROD', true);
      return { name: c.name, package: c.package, tf, skipped };
    } catch (err) {
      skipped.push(`${c.name}: ${shortReason(c.package, err)}`);
    }
  }
  throw new MlopsError(`no TensorFlow.js backend could be loaded (${skipped.join('; ')})`);
}

/**
 * Makes `backend` the active one again. tfjs keeps one global active backend per engine, so
 * a process that loaded several (the benchmark) must switch before each use.
 */
export async function activateBackend(backend: Backend): Promise<void> {
  const name = backend.name === 'tensorflow-gpu' ? 'tensorflow' : backend.name;
  if (backend.tf.getBackend() !== name && !(await backend.tf.setBackend(name))) throw new MlopsError(`backend ${name} could not be re-activated`);
}

function shortReason(pkg: string, err: unknown): string {
  const code = (err as { code?: string })?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return `${pkg} is not installed`;
  return errorMessage(err).split('\n')[0];
}
