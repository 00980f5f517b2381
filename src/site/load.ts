import {
  ModelIndexSchema,
  VersionMetadataSchema,
  parseStored,
  paths,
  type ModelIndex,
  type RegistryConfig,
  type RegistryEvent,
  type VersionMetadata,
} from '../registry/format.ts';
import { readConfig, readHistory } from '../registry/operations.ts';
import type { Snapshot } from '../registry/store.ts';
import type { RunRecord } from '../runs/schema.ts';
import { MlopsError } from '../util/errors.ts';

/** One model as the site shows it: its index, every version with its card, its audit log. */
export interface SiteModel {
  index: ModelIndex;
  /** Each version with its model card and, when stored, its data card (Markdown). */
  versions: { metadata: VersionMetadata; card: string; dataCard?: string }[];
  events: RegistryEvent[];
}

export interface SiteRegistry {
  /** The registry branch head the site was built from; null when there is no branch yet. */
  commit: string | null;
  config: RegistryConfig | null;
  models: SiteModel[];
}

/** Reads everything the site shows from one snapshot, so every page agrees with the others. */
export async function loadRegistry(snapshot: Snapshot): Promise<SiteRegistry> {
  if (snapshot.commit === null) return { commit: null, config: null, models: [] };
  const config = await readConfig(snapshot);
  const names = await snapshot.listDir(paths.modelsDir);
  const models: SiteModel[] = [];
  for (const name of names) {
    const indexFile = paths.index(name);
    const bytes = await snapshot.readFile(indexFile);
    if (!bytes) throw new MlopsError(`${indexFile}: missing: the registry branch is corrupt (run mlops registry check)`);
    const index = parseStored(ModelIndexSchema, bytes.toString(), indexFile);
    const numbers = Array.from({ length: index.latest_version }, (_, i) => i + 1);
    const metas = await snapshot.readFiles(numbers.map((v) => paths.metadata(name, v)));
    const metadata = numbers.map((v, i) => {
      const file = paths.metadata(name, v);
      if (!metas[i]) throw new MlopsError(`${file}: missing: the registry branch is corrupt (run mlops registry check)`);
      return parseStored(VersionMetadataSchema, metas[i]!.toString(), file);
    });
    const cards = await snapshot.readFiles(metadata.map((m) => `${paths.versionDir(name, m.version)}/${m.card}`));
    const withData = metadata.filter((m) => m.data_card);
    const dataCards = new Map(
      (await snapshot.readFiles(withData.map((m) => `${paths.versionDir(name, m.version)}/${m.data_card}`))).map((b, i) => [
        withData[i].version,
        b?.toString(),
      ]),
    );
    models.push({
      index,
      versions: metadata.map((m, i) => ({
        metadata: m,
        card: cards[i]?.toString() ?? '',
        ...(dataCards.get(m.version) ? { dataCard: dataCards.get(m.version) } : {}),
      })),
      events: await readHistory(snapshot, name),
    });
  }
  return { commit: snapshot.commit, config, models };
}

/** Runs from several sources, one per id (a run is never rewritten), newest first. */
export function mergeRuns(...sources: RunRecord[][]): RunRecord[] {
  const byId = new Map<string, RunRecord>();
  for (const list of sources) for (const run of list) if (!byId.has(run.id)) byId.set(run.id, run);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
