import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoMlp } from '../../scripts/bench/_demo-mlp.ts';
import { LINEAGE_SCHEMA_VERSION, type Lineage } from '../../src/model/lineage.ts';
import { sha256 } from '../../src/serve/model-source.ts';

/** The demo MLP written to `dir` with a lineage.json beside it; `fields` sets what a test checks. */
export async function demoModelWithLineage(dir: string, fields: Pick<Lineage, 'metrics' | 'data' | 'source' | 'duration_s'>) {
  const modelFile = await writeDemoMlp(dir);
  const bytes = readFileSync(modelFile);
  const lineage: Lineage = {
    schema_version: LINEAGE_SCHEMA_VERSION,
    kind: 'mlops/lineage',
    model: { file: 'model.onnx', sha256: sha256(bytes), size_bytes: bytes.length, format: 'onnx', framework: 'tfjs', signature: { inputs: [], outputs: [] } },
    params: {},
    environment: { os: 'linux', arch: 'x64', cpus: 2, memory_bytes: 1, node: '20', packages: {} },
    started_at: '2026-02-01T00:00:00Z',
    ...fields,
  };
  const lineageFile = join(dir, 'lineage.json');
  writeFileSync(lineageFile, JSON.stringify(lineage));
  return { modelFile, bytes, lineageFile };
}
