import type { RunRecord } from '../../src/runs/schema.ts';

/** A complete run record; `over` replaces top-level fields. */
export function run(id: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    schema_version: 1,
    kind: 'mlops/run',
    id,
    model: 'churn',
    status: 'ok',
    params: { 'training.learning_rate': 0.01, 'model.type': 'mlp' },
    metrics: { roc_auc: 0.8 },
    tags: {},
    source: { commit: 'f'.repeat(40), ref: 'refs/heads/main' },
    environment: { runner: 'laptop', backend: 'cpu' },
    started_at: `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}Z`,
    duration_ms: 1000,
    ...over,
  };
}
