import { hostname } from 'node:os';
import { RUN_SCHEMA_VERSION, RunRecordSchema, type RunRecord } from './schema.ts';
import { newRunId } from './store.ts';

type Param = RunRecord['params'][string];

/**
 * A config as dotted keys (`training.learning_rate`), the shape filters and diffs work on.
 * Lists are kept whole, as JSON text (`model.hidden_layers` = "[32,16]"), since a layer list is
 * one hyperparameter; nulls stay (a disabled early stopping is a choice worth seeing).
 */
export function flattenParams(value: Record<string, unknown>, prefix = ''): Record<string, Param> {
  const out: Record<string, Param> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix + key;
    if (v === undefined) continue;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = v;
    else if (Array.isArray(v)) out[name] = JSON.stringify(v);
    else if (typeof v === 'object') Object.assign(out, flattenParams(v as Record<string, unknown>, name + '.'));
  }
  return out;
}

/** The pull request a ref belongs to (`refs/pull/7/merge`), when it is one. */
export function prNumber(ref: string | undefined): number | undefined {
  const m = /^refs\/pull\/(\d+)\//.exec(ref ?? '');
  return m ? Number(m[1]) : undefined;
}

export interface RunParts {
  model: string;
  startedAt: Date;
  durationMs: number;
  params: Record<string, Param>;
  metrics?: Record<string, number>;
  /** Set for a failed run: one line. */
  error?: string;
  tags?: Record<string, string>;
  dataFingerprint?: string;
  /** Where the code came from, from the lineage when there is one. */
  source: { commit?: string; ref?: string; run_url?: string };
  env: NodeJS.ProcessEnv;
  backend?: string;
  gpus?: { name: string }[];
  sweep?: RunRecord['sweep'];
  artifact?: RunRecord['artifact'];
  /** Random bytes for the id; tests pass fixed ones. */
  random?: (bytes: number) => Buffer;
}

/** One run record, checked against the schema; metrics that are not finite numbers are left out. */
export function buildRun(p: RunParts): RunRecord {
  const ref = p.source.ref ?? p.env.GITHUB_REF;
  const gpu = (p.gpus ?? []).map((g) => g.name).join(', ');
  return RunRecordSchema.parse({
    schema_version: RUN_SCHEMA_VERSION,
    kind: 'mlops/run',
    id: newRunId(p.startedAt, p.random),
    model: p.model,
    status: p.error === undefined ? 'ok' : 'failed',
    ...(p.error === undefined ? {} : { error: oneLine(p.error) }),
    params: p.params,
    metrics: Object.fromEntries(Object.entries(p.metrics ?? {}).filter(([, v]) => Number.isFinite(v))),
    tags: p.tags ?? {},
    ...(p.dataFingerprint && p.dataFingerprint !== 'none' ? { data_fingerprint: p.dataFingerprint } : {}),
    source: prune({ commit: p.source.commit, ref, pr: prNumber(ref), workflow_run_url: p.source.run_url }),
    environment: prune({ runner: p.env.RUNNER_NAME || hostname(), backend: p.backend, gpu: gpu || undefined }),
    started_at: p.startedAt.toISOString(),
    duration_ms: Math.max(0, Math.round(p.durationMs)),
    ...(p.sweep ? { sweep: p.sweep } : {}),
    ...(p.artifact ? { artifact: p.artifact } : {}),
  });
}

function oneLine(text: string): string {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
  return line.length > 500 ? line.slice(0, 499) + '…' : line;
}

function prune<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
