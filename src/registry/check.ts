import { createHash } from 'node:crypto';
import { MlopsError } from '../util/errors.ts';
import {
  DEFAULT_STAGES,
  ModelIndexSchema,
  RegistryConfigSchema,
  VersionMetadataSchema,
  parseEvents,
  parseStored,
  paths,
  versionLabel,
  type ModelIndex,
  type RegistryEvent,
  type VersionMetadata,
} from './format.ts';
import type { Snapshot } from './store.ts';

export interface CheckProblem {
  file: string;
  problem: string;
}

export interface CheckReport {
  ok: boolean;
  commit: string | null;
  models: number;
  versions: number;
  events: number;
  /** Inline model files whose sha256 and size were recomputed and matched. */
  hashes_verified: number;
  /** Versions stored as a URL: their bytes are checked on `get`, not here. */
  pointers: number;
  problems: CheckProblem[];
}

/** Model files read at once: bounded memory on a registry of many large models. */
const HASH_BATCH = 8;

/**
 * Every invariant of the registry branch, like `git fsck` for its layout: registry.json, each
 * index against its version folders, stage pointers and history, deprecations and images on
 * versions that exist, each metadata.json and its files, every inline model's sha256 and size,
 * the event log (contiguous shards, seq 1..n, one register per version, as many as the index
 * counts), and the high-water marker (a rewound branch). Problems are collected, not thrown.
 */
export async function checkRegistry(snapshot: Snapshot): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  const problem = (file: string, text: string) => problems.push({ file, problem: text });
  const report = { commit: snapshot.commit, models: 0, versions: 0, events: 0, hashes_verified: 0, pointers: 0 };
  const attempt = async <T>(file: string, read: () => Promise<T> | T): Promise<T | null> => {
    try {
      return await read();
    } catch (err) {
      if (!(err instanceof MlopsError)) throw err;
      problem(file, err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message);
      return null;
    }
  };

  const names = await snapshot.listDir(paths.modelsDir);
  const configBytes = await snapshot.readFile(paths.config);
  let stages: readonly string[] = DEFAULT_STAGES;
  if (configBytes) stages = (await attempt(paths.config, () => parseStored(RegistryConfigSchema, configBytes.toString(), paths.config)))?.stages ?? stages;
  else if (names.length > 0) problem(paths.config, 'missing, but the branch holds models');

  const high = await snapshot.highWater();
  const indexFiles = await snapshot.readFiles(names.map((n) => paths.index(n)));
  const current = new Map<string, ModelIndex>();
  for (const [i, name] of names.entries()) {
    const file = paths.index(name);
    const bytes = indexFiles[i];
    if (!bytes) {
      problem(file, 'missing');
      continue;
    }
    const index = await attempt(file, () => parseStored(ModelIndexSchema, bytes.toString(), file));
    if (!index) continue;
    report.models++;
    current.set(name, index);
    if (index.name !== name) problem(file, `names model "${index.name}", not "${name}"`);
    await checkVersions(snapshot, index, report, problem, attempt);
    checkPointers(index, stages, problem);
    await checkEvents(snapshot, index, report, problem, attempt);
  }

  // Versions and events the last mlops write saw, missing from the head: the branch was rewound.
  if (high) {
    const seenNames = await high.listDir(paths.modelsDir);
    const seen = await high.readFiles(seenNames.map((n) => paths.index(n)));
    for (const [i, name] of seenNames.entries()) {
      const then = seen[i]
        ? await attempt(paths.index(name), () => parseStored(ModelIndexSchema, seen[i]!.toString(), `${paths.index(name)} at ${high.commit}`))
        : null;
      // An index that is there but unreadable is reported above already.
      if (!then || (names.includes(name) && !current.has(name))) continue;
      const [latest, events] = [current.get(name)?.latest_version ?? 0, current.get(name)?.events ?? 0];
      if (then.latest_version > latest || then.events > events) {
        problem(
          paths.index(name),
          `the registry branch was rewound: the last registry write (${high.commit}) had ${name} ${versionLabel(then.latest_version)} and ${then.events} events, the branch has ${versionLabel(latest)} and ${events}`,
        );
      }
    }
  }
  return { ok: problems.length === 0, ...report, problems };
}

type Problem = (file: string, text: string) => void;
type Attempt = <T>(file: string, read: () => Promise<T> | T) => Promise<T | null>;
type Counts = { versions: number; events: number; hashes_verified: number; pointers: number };

async function checkVersions(snapshot: Snapshot, index: ModelIndex, report: Counts, problem: Problem, attempt: Attempt): Promise<void> {
  const name = index.name;
  const listed = await snapshot.listDir(paths.versionsDir(name));
  const expected = new Set(Array.from({ length: index.latest_version }, (_, i) => String(i + 1)));
  for (const entry of listed)
    if (!expected.has(entry)) problem(`${paths.versionsDir(name)}/${entry}`, `not a version of ${paths.index(name)} (latest_version ${index.latest_version})`);
  const versions = [...expected].map(Number);
  const metaFiles = await snapshot.readFiles(versions.map((v) => paths.metadata(name, v)));
  const inline: { meta: VersionMetadata; file: string }[] = [];
  for (const [i, v] of versions.entries()) {
    const file = paths.metadata(name, v);
    if (!metaFiles[i]) {
      problem(listed.includes(String(v)) ? file : paths.versionDir(name, v), `missing, but ${paths.index(name)} has latest_version ${index.latest_version}`);
      continue;
    }
    const meta = await attempt(file, () => parseStored(VersionMetadataSchema, metaFiles[i]!.toString(), file));
    if (!meta) continue;
    report.versions++;
    if (meta.name !== name || meta.version !== v) problem(file, `describes ${meta.name} ${versionLabel(meta.version)}, not ${name} ${versionLabel(v)}`);
    const dir = paths.versionDir(name, v);
    const files = [
      `${dir}/${meta.card}`,
      ...(meta.data_card ? [`${dir}/${meta.data_card}`] : []),
      ...(meta.data.profile ? [`${dir}/${meta.data.profile}`] : []),
    ];
    const present = await snapshot.readFiles(files);
    files.forEach((f, j) => present[j] === null && problem(f, `missing, but ${file} names it`));
    if (meta.model.storage.kind === 'inline') inline.push({ meta, file: `${dir}/${meta.model.storage.path}` });
    else report.pointers++;
  }
  for (let i = 0; i < inline.length; i += HASH_BATCH) {
    const batch = inline.slice(i, i + HASH_BATCH);
    const blobs = await snapshot.readFiles(batch.map((b) => b.file));
    batch.forEach(({ meta, file }, j) => {
      const bytes = blobs[j];
      if (!bytes) return problem(file, `missing, but ${paths.metadata(name, meta.version)} stores the model inline`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== meta.model.sha256) return problem(file, `sha256 ${sha256.slice(0, 12)}… but the metadata records ${meta.model.sha256.slice(0, 12)}…`);
      if (bytes.length !== meta.model.size_bytes) return problem(file, `${bytes.length} bytes but the metadata records ${meta.model.size_bytes}`);
      report.hashes_verified++;
    });
  }
}

function checkPointers(index: ModelIndex, stages: readonly string[], problem: Problem): void {
  const file = paths.index(index.name);
  const issued = (v: number) => v >= 1 && v <= index.latest_version;
  for (const [stage, pointer] of Object.entries(index.stages)) {
    if (!stages.includes(stage)) problem(file, `stage ${stage} is not a stage of this registry (${stages.join(', ')})`);
    if (!issued(pointer.version)) problem(file, `stage ${stage} points at ${versionLabel(pointer.version)}, beyond latest_version ${index.latest_version}`);
    else if (index.deprecated[String(pointer.version)]) problem(file, `stage ${stage} is held by deprecated ${versionLabel(pointer.version)}`);
    for (const v of pointer.history)
      if (!issued(v)) problem(file, `stage ${stage} history holds ${versionLabel(v)}, beyond latest_version ${index.latest_version}`);
  }
  for (const key of [...Object.keys(index.deprecated), ...Object.keys(index.images ?? {})]) {
    if (!issued(Number(key))) problem(file, `records version "${key}", which was never issued (latest_version ${index.latest_version})`);
  }
}

async function checkEvents(snapshot: Snapshot, index: ModelIndex, report: Counts, problem: Problem, attempt: Attempt): Promise<void> {
  const dir = paths.eventsDir(index.name);
  const shards = await snapshot.listDir(dir);
  shards.forEach(
    (s, i) =>
      s !== `${String(i).padStart(6, '0')}.jsonl` && problem(`${dir}/${s}`, `out of sequence: shard ${i} should be ${String(i).padStart(6, '0')}.jsonl`),
  );
  const files = await snapshot.readFiles(shards.map((s) => `${dir}/${s}`));
  const events: RegistryEvent[] = [];
  for (const [i, s] of shards.entries()) events.push(...((await attempt(`${dir}/${s}`, () => parseEvents(files[i]?.toString() ?? '', `${dir}/${s}`))) ?? []));
  report.events += events.length;
  if (events.length !== index.events) problem(dir, `${events.length} events but ${paths.index(index.name)} counts ${index.events}`);
  const bad = events.findIndex((e, i) => e.seq !== i + 1);
  if (bad >= 0) problem(dir, `event ${bad + 1} has seq ${events[bad].seq} (duplicate or missing sequence numbers)`);
  const registered = events.filter((e) => e.type === 'register').map((e) => e.version);
  const expected = Array.from({ length: index.latest_version }, (_, i) => i + 1);
  if (registered.join(',') !== expected.join(','))
    problem(
      dir,
      `register events for ${registered.map(versionLabel).join(', ') || 'no version'}, expected one each for v1..${versionLabel(index.latest_version)} in order`,
    );
  for (const e of events)
    if (e.name !== index.name || e.version > index.latest_version)
      problem(dir, `event ${e.seq} (${e.type}) names ${e.name} ${versionLabel(e.version)}, not a version of ${index.name}`);
}
