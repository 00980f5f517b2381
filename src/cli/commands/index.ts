import type { Command } from '../command.ts';

/** A verb as `mlops --help` lists it; its module (and what that imports) loads only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/**
 * Every verb of `mlops`, in the order `mlops --help` lists them. Each module is imported on use,
 * so `mlops registry show` never parses the trainer, the server or the GitHub client.
 */
export const commands: CommandEntry[] = [
  {
    name: 'profile',
    summary: 'profile a dataset (schema, statistics, sketches); merge shard profiles',
    load: async () => (await import('./profile.ts')).profileCommand,
  },
  {
    name: 'validate',
    summary: 'validate data against a rules file (or infer rules from a profile)',
    load: async () => (await import('./validate.ts')).validateCommand,
  },
  {
    name: 'train',
    summary: 'train a model (built-in tfjs trainer or any command) to ONNX with a lineage record',
    load: async () => (await import('./train.ts')).trainCommand,
  },
  {
    name: 'runs',
    summary: 'list, filter, sort, show and diff the recorded training runs; the best run by a metric',
    load: async () => (await import('./runs.ts')).runsCommand,
  },
  {
    name: 'sweep',
    summary: 'plan a hyperparameter sweep as an Actions matrix; collect its leaderboard',
    load: async () => (await import('./sweep.ts')).sweepCommand,
  },
  {
    name: 'evaluate',
    summary: 'compare a candidate model with the champion and apply the evaluation gate',
    load: async () => (await import('./evaluate.ts')).evaluateCommand,
  },
  {
    name: 'report',
    summary: 'post a report as a sticky pull-request comment (and job summary)',
    load: async () => (await import('./report.ts')).reportCommand,
  },
  {
    name: 'registry',
    summary: 'register, promote, roll back and fetch model versions on a git branch',
    load: async () => (await import('./registry.ts')).registryCommand,
  },
  {
    name: 'reproduce',
    summary: 're-run the training a registered version records and check weights and metrics match',
    load: async () => (await import('./reproduce.ts')).reproduceCommand,
  },
  {
    name: 'site',
    summary: 'write a static site of the registry and the runs (GitHub Pages; works from file://)',
    load: async () => (await import('./site.ts')).siteCommand,
  },
  {
    name: 'drift',
    summary: 'compare current data with a reference profile; exit 1 on dataset drift',
    load: async () => (await import('./drift.ts')).driftCommand,
  },
  {
    name: 'predict',
    summary: 'score data with a model in batches; rejected rows go to a rejects file (exit 1)',
    load: async () => (await import('./predict.ts')).predictCommand,
  },
  {
    name: 'serve',
    summary: 'serve a model over HTTP (predict, health, ready, metadata, metrics)',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  {
    name: 'compare-logs',
    summary: 'compare shadow or canary models from prediction logs (agreement, metrics, McNemar)',
    load: async () => (await import('./compare-logs.ts')).compareLogsCommand,
  },
  {
    name: 'build-context',
    summary: 'write a Docker build context (Dockerfile, bundled server, model, lineage labels)',
    load: async () => (await import('./build-context.ts')).buildContextCommand,
  },
  { name: 'config', summary: 'check mlops.yml and print its values (for workflows)', load: async () => (await import('./config.ts')).configCommand },
  {
    name: 'init',
    summary: 'scaffold workflows and configs fitted to your data (or the churn example) into a project repo',
    load: async () => (await import('./init.ts')).initCommand,
  },
  {
    name: 'runtime',
    summary: 'install the native runtime packages (onnxruntime, TensorFlow.js) a verb needs',
    load: async () => (await import('./runtime.ts')).runtimeCommand,
  },
];
