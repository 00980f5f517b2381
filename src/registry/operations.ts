import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { checkFeatureOrder, findFeatureOrder, matrixInput } from '../model/feature-order.ts';
import type { Lineage } from '../model/lineage.ts';
import { checkGtoName, gtoVersion, onVersionCommit, versionTag } from './gto-tags.ts';
import { describeOnnx } from '../model/runtime.ts';
import { parseProfile } from '../profile/profile.ts';
import type { Profile } from '../profile/schema.ts';
import { fileError, MlopsError, SettingError } from '../util/errors.ts';
import { modelCard } from './card.ts';
import { dataCard } from './data-card.ts';
import {
  DEFAULT_STAGES,
  EVENTS_PER_SHARD,
  EventSchema,
  ModelIndexSchema,
  REGISTRY_SCHEMA_VERSION,
  RegistryConfigSchema,
  VersionMetadataSchema,
  parseEvents,
  parseStored,
  paths,
  stringify,
  versionLabel,
  type ModelIndex,
  type RegistryConfig,
  type EvaluationSummary,
  type RegistryEvent,
  type Source,
  type VersionMetadata,
} from './format.ts';
import { checkName, type ModelRef } from './refs.ts';
import type { FileChange, RegistryStore, Snapshot, TagRequest } from './store.ts';
import { mutate, type Committed, type RetryPolicy } from './transaction.ts';

/** Who is writing and from which run; recorded in every event. */
export interface RegistryContext {
  store: RegistryStore;
  now: () => Date;
  actor: string;
  run: { id?: string; url?: string };
  /** Also create the tags GTO reads (`churn@v7.0.0`, `churn#production#3`: src/registry/gto-tags.ts). */
  tags: boolean;
  retry?: Partial<RetryPolicy>;
}

// ---------- reading ----------

export async function readConfig(snapshot: Snapshot): Promise<RegistryConfig | null> {
  const bytes = await snapshot.readFile(paths.config);
  return bytes ? parseStored(RegistryConfigSchema, bytes.toString(), paths.config) : null;
}

export async function readIndex(snapshot: Snapshot, name: string): Promise<ModelIndex | null> {
  const bytes = await snapshot.readFile(paths.index(name));
  return bytes ? parseStored(ModelIndexSchema, bytes.toString(), paths.index(name)) : null;
}

async function requireIndex(snapshot: Snapshot, name: string): Promise<ModelIndex> {
  const index = await readIndex(snapshot, checkName(name));
  if (index) return index;
  const known = await snapshot.listDir(paths.modelsDir);
  throw new MlopsError(`no model named "${name}" in the registry${known.length ? ` (models: ${known.join(', ')})` : ''}`);
}

export async function readMetadata(snapshot: Snapshot, name: string, version: number): Promise<VersionMetadata> {
  const file = paths.metadata(name, version);
  const bytes = await snapshot.readFile(file);
  if (!bytes) throw new MlopsError(`${file}: missing: ${name} ${versionLabel(version)} is not in the registry (run mlops registry check)`);
  return parseStored(VersionMetadataSchema, bytes.toString(), file);
}

async function checkStage(snapshot: Snapshot, stage: string): Promise<void> {
  checkStageIn(await readConfig(snapshot), stage);
}

function checkStageIn(config: RegistryConfig | null, stage: string): void {
  const stages: readonly string[] = config?.stages ?? DEFAULT_STAGES;
  if (!stages.includes(stage)) throw new MlopsError(`unknown stage "${stage}": this registry has stages ${stages.join(', ')}`);
}

/** The version a reference names: explicit, or the current holder of a stage, or the latest. */
export async function resolveVersion(snapshot: Snapshot, ref: ModelRef): Promise<number> {
  const index = await requireIndex(snapshot, ref.name);
  if (ref.version !== undefined) {
    if (ref.version > index.latest_version)
      throw new MlopsError(`${ref.name} ${versionLabel(ref.version)} does not exist (latest is ${versionLabel(index.latest_version)})`);
    return ref.version;
  }
  if (ref.stage !== undefined) {
    await checkStage(snapshot, ref.stage);
    const pointer = index.stages[ref.stage];
    if (!pointer) throw new MlopsError(`no version of ${ref.name} is in stage ${ref.stage}`);
    return pointer.version;
  }
  if (index.latest_version === 0) throw new MlopsError(`${ref.name} has no versions`);
  return index.latest_version;
}

/**
 * Why a reference names nothing *yet*: no registry branch, no model of that name, or nobody
 * in the stage. A first model is a normal state, so callers may treat this as "no champion"
 * rather than an error. Null when the reference resolves; an unknown stage or a version past
 * the latest still throws, since those are mistakes rather than a registry not filled yet.
 */
export async function absentReason(snapshot: Snapshot, ref: ModelRef): Promise<string | null> {
  checkName(ref.name);
  if (ref.version === undefined && ref.stage !== undefined) await checkStage(snapshot, ref.stage);
  if (snapshot.commit === null) return 'the registry branch does not exist yet';
  const index = await readIndex(snapshot, ref.name);
  if (!index) return `no model named "${ref.name}" in the registry yet`;
  if (ref.version === undefined && ref.stage !== undefined && !index.stages[ref.stage]) return `no version of ${ref.name} is in stage ${ref.stage} yet`;
  if (ref.version === undefined && ref.stage === undefined && index.latest_version === 0) return `${ref.name} has no versions yet`;
  return null;
}

export function stagesHeld(index: ModelIndex, version: number): string[] {
  return Object.entries(index.stages)
    .filter(([, p]) => p.version === version)
    .map(([s]) => s)
    .sort();
}

// ---------- the invariants every write builds on ----------

/** What a write reads before it changes anything, each part checked against the others. */
interface WriteBase {
  config: RegistryConfig | null;
  index: ModelIndex;
  /** Event shards already read (path → bytes or null), so appending reads nothing twice. */
  shards: Map<string, Buffer | null>;
}

const corrupt = (file: string, what: string) => new MlopsError(`${file}: ${what}: the registry branch is corrupt (run mlops registry check)`);

/**
 * Reads and checks what a write to model `name` builds on, refusing (exit 2, naming the file)
 * to write on top of a broken registry: registry.json valid, index.json valid and naming this
 * model, stage pointers on versions that exist, the event log as long as the index counts, and
 * no version or event missing that the high-water marker has seen (a rewound branch).
 * `create` allows a model with no index yet (its first register).
 */
async function readForWrite(snapshot: Snapshot, name: string, options: { create: boolean }): Promise<WriteBase> {
  const [configBytes, indexBytes] = await snapshot.readFiles([paths.config, paths.index(name)]);
  const config = configBytes ? parseStored(RegistryConfigSchema, configBytes.toString(), paths.config) : null;
  if (!config && indexBytes) throw corrupt(paths.config, `missing, but ${paths.index(name)} exists`);
  let index: ModelIndex;
  if (indexBytes) index = parseStored(ModelIndexSchema, indexBytes.toString(), paths.index(name));
  else if (options.create) index = emptyIndex(name);
  else index = await requireIndex(snapshot, name);
  if (index.name !== name) throw corrupt(paths.index(name), `names model "${index.name}"`);
  for (const [stage, pointer] of Object.entries(index.stages)) {
    if (pointer.version > index.latest_version)
      throw corrupt(paths.index(name), `stage ${stage} points at ${versionLabel(pointer.version)}, beyond latest_version ${index.latest_version}`);
    const beyond = pointer.history.find((v) => v > index.latest_version);
    if (beyond !== undefined)
      throw corrupt(paths.index(name), `stage ${stage} history holds ${versionLabel(beyond)}, beyond latest_version ${index.latest_version}`);
  }
  const shards = await checkEventCount(snapshot, index);
  await checkHighWater(snapshot, index);
  return { config, index, shards };
}

/**
 * The log is append-only in shards of EVENTS_PER_SHARD, so its length is settled by two shards:
 * the one holding event `events` must end with exactly that seq, and the next one must be empty.
 */
async function checkEventCount(snapshot: Snapshot, index: ModelIndex): Promise<Map<string, Buffer | null>> {
  const last = index.events > 0 ? paths.eventShard(index.name, index.events) : null;
  const next = paths.eventShard(index.name, index.events + 1);
  const files = [...new Set([last, next].filter((f): f is string => f !== null))];
  const bytes = await snapshot.readFiles(files);
  const shards = new Map(files.map((f, i) => [f, bytes[i]]));
  const count = (file: string) => parseEvents(shards.get(file)?.toString() ?? '', file);
  if (last) {
    const events = count(last);
    const first = index.events - ((index.events - 1) % EVENTS_PER_SHARD);
    const expected = Array.from({ length: index.events - first + 1 }, (_, i) => first + i);
    if (events.length !== expected.length || events.some((e, i) => e.seq !== expected[i])) {
      throw corrupt(last, `${first - 1 + events.length} events but ${paths.index(index.name)} counts ${index.events}`);
    }
  }
  if (next !== last && count(next).length > 0)
    throw corrupt(next, `${index.events + count(next).length} events but ${paths.index(index.name)} counts ${index.events}`);
  return shards;
}

/** A version number, once issued, is never issued again: refuse on a branch behind its marker. */
async function checkHighWater(snapshot: Snapshot, index: ModelIndex): Promise<void> {
  const high = await snapshot.highWater();
  if (!high) return;
  const bytes = await high.readFile(paths.index(index.name));
  if (!bytes) return;
  const seen = parseStored(ModelIndexSchema, bytes.toString(), `${paths.index(index.name)} at the last registry write ${high.commit}`);
  if (seen.latest_version > index.latest_version || seen.events > index.events) {
    throw new MlopsError(
      `${paths.index(index.name)}: the registry branch was rewound: the last registry write (${high.commit?.slice(0, 12)}) had ${index.name} ${versionLabel(seen.latest_version)} and ${seen.events} events, the branch has ${versionLabel(index.latest_version)} and ${index.events}; writing now would issue a version number twice. Restore the branch to ${high.commit} (git push REMOTE ${high.commit}:refs/heads/BRANCH) and retry`,
    );
  }
}

/** A version a write is about: issued, with readable metadata. */
async function presentVersion(snapshot: Snapshot, index: ModelIndex, version: number): Promise<void> {
  if (version > index.latest_version)
    throw new MlopsError(`${index.name} ${versionLabel(version)} does not exist (latest is ${versionLabel(index.latest_version)})`);
  await readMetadata(snapshot, index.name, version);
}

/** A version a write points a stage at: present, and not deprecated. */
async function liveVersion(snapshot: Snapshot, index: ModelIndex, version: number, verb: string): Promise<void> {
  await presentVersion(snapshot, index, version);
  if (index.deprecated[String(version)]) throw new MlopsError(`${index.name} ${versionLabel(version)} is deprecated and cannot be ${verb}`);
}

// ---------- writing helpers ----------

const json = (path: string, value: unknown): FileChange => ({ path, content: Buffer.from(stringify(value)) });

function emptyIndex(name: string): ModelIndex {
  return { schema_version: REGISTRY_SCHEMA_VERSION, kind: 'mlops/registry-index', name, latest_version: 0, events: 0, stages: {}, deprecated: {} };
}

/** Appends events to their shards; each shard is rewritten whole, but shards stay small. */
async function appendEvents(snapshot: Snapshot, events: RegistryEvent[], known: Map<string, Buffer | null>): Promise<FileChange[]> {
  const byShard = new Map<string, RegistryEvent[]>();
  for (const e of events) {
    const shard = paths.eventShard(e.name, e.seq);
    byShard.set(shard, [...(byShard.get(shard) ?? []), e]);
  }
  const changes: FileChange[] = [];
  for (const [shard, list] of byShard) {
    const existing = (known.has(shard) ? known.get(shard) : await snapshot.readFile(shard)) ?? Buffer.alloc(0);
    parseEvents(existing.toString(), shard);
    const lines = list.map((e) => JSON.stringify(EventSchema.parse(e)) + '\n').join('');
    changes.push({ path: shard, content: Buffer.concat([existing, Buffer.from(lines)]) });
  }
  return changes;
}

function event(ctx: RegistryContext, now: Date, fields: Pick<RegistryEvent, 'seq' | 'type' | 'name' | 'version'> & Partial<RegistryEvent>): RegistryEvent {
  return {
    schema_version: REGISTRY_SCHEMA_VERSION,
    kind: 'mlops/registry-event',
    at: now.toISOString(),
    actor: ctx.actor,
    ...(ctx.run.id ? { run_id: ctx.run.id } : {}),
    ...(ctx.run.url ? { run_url: ctx.run.url } : {}),
    ...fields,
  };
}

function configChanges(now: Date): FileChange[] {
  const config: RegistryConfig = {
    schema_version: REGISTRY_SCHEMA_VERSION,
    kind: 'mlops/registry',
    stages: [...DEFAULT_STAGES],
    created_at: now.toISOString(),
  };
  return [json(paths.config, config)];
}

/** Moves a stage to `version`, remembering the previous holder so rollback can return to it. */
function assignStage(index: ModelIndex, stage: string, version: number, now: Date): number | undefined {
  const current = index.stages[stage];
  index.stages[stage] = {
    version,
    since: now.toISOString(),
    history: current ? [...current.history, current.version] : [],
  };
  return current?.version;
}

function stageTag(name: string, stage: string, seq: number, version: number, reason?: string): TagRequest {
  return { name: `${name}#${stage}#${seq}`, message: `${name} ${versionLabel(version)} to ${stage}${reason ? `: ${reason}` : ''}` };
}

// ---------- register ----------

export interface RegisterInput {
  name: string;
  modelFile: string;
  /** Where the model lives when it is over the inline limit. */
  modelUrl?: string;
  maxInlineBytes: number;
  metrics?: Record<string, number>;
  params?: Record<string, unknown>;
  profile?: Profile;
  lineage?: Lineage;
  source: Source;
  framework?: string;
  description?: string;
  limitations?: string;
  /** The column order of a matrix-input model (else its sidecar or metadata is read). */
  features?: string[];
  evaluation?: EvaluationSummary;
  stage?: string;
  reason?: string;
}

export interface RegisterResult {
  name: string;
  version: number;
  sha256: string;
  stage?: string;
}

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw fileError(file, err);
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), size };
}

/**
 * The feature order to store with a model whose one input is an [N, k] matrix: the one given,
 * else the model's sidecar or metadata, checked against the graph's width before anything is
 * written. Undefined for models fed column by column.
 */
function matrixFeatures(bytes: Buffer, file: string, given: string[] | undefined): string[] | undefined {
  let described: ReturnType<typeof describeOnnx>;
  try {
    described = describeOnnx(bytes, file);
  } catch (err) {
    // The registry stores any file; only an order it was asked to store must be checkable.
    if (given) throw err;
    return undefined;
  }
  const input = matrixInput(described.inputs);
  if (!input) {
    if (given)
      throw new MlopsError(
        `${file}: a feature order is for a model with one [N, k] input; this one takes ${described.inputs.map((i) => `${i.name} ${i.type}[${i.shape.join(',')}]`).join(', ')}`,
      );
    return undefined;
  }
  const order = findFeatureOrder(file, described.metadata, given);
  if (!order) return undefined;
  checkFeatureOrder(input, order, file);
  return order.features;
}

export async function register(ctx: RegistryContext, input: RegisterInput): Promise<Committed<RegisterResult>> {
  const name = checkName(input.name);
  if (ctx.tags) checkGtoName(name);
  const { sha256, size } = await sha256File(input.modelFile);
  if (input.lineage && input.lineage.model.sha256 !== sha256) {
    throw new MlopsError(
      `${input.modelFile}: sha256 ${sha256.slice(0, 12)}… does not match the lineage's model (${input.lineage.model.sha256.slice(0, 12)}…); register the model the lineage describes`,
    );
  }
  const inline = size <= input.maxInlineBytes;
  if (!inline && !input.modelUrl) {
    throw new SettingError(
      'model-url',
      (name) =>
        `${input.modelFile} is ${(size / 1048576).toFixed(1)} MB, over the ${(input.maxInlineBytes / 1048576).toFixed(0)} MB limit for storing models in the branch: upload it (release asset, Actions artifact, LFS) and pass its URL with ${name('model-url')}`,
    );
  }
  const modelBytes = inline ? await readModel(input.modelFile) : undefined;
  const ext = extname(input.modelFile) || '.bin';
  const features = ext === '.onnx' ? matrixFeatures(modelBytes ?? (await readModel(input.modelFile)), input.modelFile, input.features) : input.features;
  const storedName = `model${ext}`;
  const lineage = input.lineage;
  const storedLineage = lineage
    ? { ...lineage, data: { fingerprint: lineage.data.fingerprint, files: lineage.data.files, rows: lineage.data.rows } }
    : undefined;
  const profile = input.profile ?? lineage?.data.profile;

  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: true });
      if (input.stage) checkStageIn(config, input.stage);
      const version = index.latest_version + 1;
      const dir = paths.versionDir(name, version);
      if ((await snapshot.listDir(dir)).length > 0) {
        throw new MlopsError(
          `${dir}: already exists, but ${paths.index(name)} has latest_version ${index.latest_version}: refusing to overwrite ${name} ${versionLabel(version)} (run mlops registry check)`,
        );
      }
      const meta: VersionMetadata = {
        schema_version: REGISTRY_SCHEMA_VERSION,
        kind: 'mlops/registry-version',
        name,
        version,
        created_at: now.toISOString(),
        actor: ctx.actor,
        ...(input.description ? { description: input.description } : {}),
        ...(input.limitations ? { limitations: input.limitations } : {}),
        model: {
          file: basename(input.modelFile),
          sha256,
          size_bytes: size,
          format: lineage?.model.format ?? (ext.slice(1) || 'binary'),
          ...((input.framework ?? lineage?.model.framework) ? { framework: input.framework ?? lineage?.model.framework } : {}),
          ...(lineage ? { signature: lineage.model.signature } : {}),
          ...(features ? { features } : {}),
          storage: inline ? { kind: 'inline', path: storedName } : { kind: 'pointer', url: input.modelUrl! },
        },
        source: { ...lineage?.source, ...dropUndefined(input.source) },
        params: { ...lineage?.params, ...input.params },
        metrics: { ...lineage?.metrics, ...input.metrics },
        data: {
          ...(lineage ? { fingerprint: lineage.data.fingerprint, rows: lineage.data.rows } : profile ? { rows: profile.rows } : {}),
          ...(profile ? { profile: 'profile.json' } : {}),
        },
        ...(storedLineage ? { lineage: storedLineage } : {}),
        ...(input.evaluation ? { evaluation: input.evaluation } : {}),
        card: 'MODEL_CARD.md',
        data_card: 'DATA_CARD.md',
      };
      VersionMetadataSchema.parse(meta);
      const events = [event(ctx, now, { seq: index.events + 1, type: 'register', name, version })];
      const tags: TagRequest[] = [versionTag(name, version, `registry: register ${name} ${versionLabel(version)}`)];
      index.latest_version = version;
      if (input.stage) {
        const previous = assignStage(index, input.stage, version, now);
        events.push(
          event(ctx, now, {
            seq: index.events + 2,
            type: 'promote',
            name,
            version,
            stage: input.stage,
            ...(previous ? { previous } : {}),
            ...(input.reason ? { reason: input.reason } : {}),
          }),
        );
        tags.push(stageTag(name, input.stage, index.events + 2, version, input.reason));
      }
      index.events += events.length;
      const changes: FileChange[] = [
        ...(config ? [] : configChanges(now)),
        json(`${dir}/metadata.json`, meta),
        { path: `${dir}/MODEL_CARD.md`, content: Buffer.from(modelCard(meta, profile)) },
        { path: `${dir}/DATA_CARD.md`, content: Buffer.from(dataCard(meta, profile)) },
        ...(modelBytes ? [{ path: `${dir}/${storedName}`, content: modelBytes }] : []),
        ...(profile ? [json(`${dir}/profile.json`, profile)] : []),
        ...(await appendEvents(snapshot, events, shards)),
        json(paths.index(name), index),
      ];
      const label = `${name} ${versionLabel(version)}`;
      return {
        message: `registry: register ${label}${input.stage ? ` to ${input.stage}` : ''}\n\n${trailers(ctx, input.reason)}`,
        changes,
        tags: ctx.tags ? tags : [],
        result: { name, version, sha256, ...(input.stage ? { stage: input.stage } : {}) },
      };
    },
    { now: ctx.now, retry: ctx.retry },
  );
}

async function readModel(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw fileError(file, err);
  }
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

function trailers(ctx: RegistryContext, reason?: string): string {
  return (
    [
      `Actor: ${ctx.actor}`,
      ...(ctx.run.url ? [`Run: ${ctx.run.url}`] : ctx.run.id ? [`Run: ${ctx.run.id}`] : []),
      ...(reason ? [`Reason: ${reason.replace(/\n/g, ' ')}`] : []),
    ].join('\n') + '\n'
  );
}

// ---------- promote, rollback, deprecate ----------

export interface StageChange {
  name: string;
  version: number;
  stage: string;
  previous?: number;
  seq: number;
}

export async function promote(ctx: RegistryContext, ref: { name: string; version: number }, stage: string, reason?: string): Promise<Committed<StageChange>> {
  const name = checkName(ref.name);
  if (ctx.tags) checkGtoName(name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: false });
      checkStageIn(config, stage);
      const version = ref.version;
      await liveVersion(snapshot, index, version, 'promoted');
      if (index.stages[stage]?.version === version) throw new MlopsError(`${name} ${versionLabel(version)} already holds ${stage}`);
      const previous = assignStage(index, stage, version, now);
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: 'promote', name, version, stage, ...(previous ? { previous } : {}), ...(reason ? { reason } : {}) });
      return {
        message: `registry: promote ${name} ${versionLabel(version)} to ${stage}\n\n${trailers(ctx, reason)}`,
        changes: [...(await appendEvents(snapshot, [e], shards)), json(paths.index(name), index)],
        tags: ctx.tags ? await onVersionCommit(ctx.store, name, version, [stageTag(name, stage, seq, version, reason)]) : [],
        result: { name, version, stage, ...(previous ? { previous } : {}), seq },
      };
    },
    { now: ctx.now, retry: ctx.retry },
  );
}

/** Returns a stage to its previous holder (skipping any deprecated since), recorded as an event. */
export async function rollback(ctx: RegistryContext, name: string, stage: string, reason?: string): Promise<Committed<StageChange>> {
  checkName(name);
  if (ctx.tags) checkGtoName(name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: false });
      checkStageIn(config, stage);
      const pointer = index.stages[stage];
      if (!pointer) throw new MlopsError(`no version of ${name} is in stage ${stage}, nothing to roll back`);
      const history = [...pointer.history];
      let target: number | undefined;
      while (history.length > 0) {
        const candidate = history.pop()!;
        if (!index.deprecated[String(candidate)] && candidate !== pointer.version) {
          target = candidate;
          break;
        }
      }
      if (target === undefined) throw new MlopsError(`${name} ${stage} has no earlier holder to roll back to (it is ${versionLabel(pointer.version)})`);
      await liveVersion(snapshot, index, target, 'rolled back to');
      index.stages[stage] = { version: target, since: now.toISOString(), history };
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: 'rollback', name, version: target, stage, previous: pointer.version, ...(reason ? { reason } : {}) });
      return {
        message: `registry: rollback ${name} ${stage} to ${versionLabel(target)}\n\n${trailers(ctx, reason)}`,
        changes: [...(await appendEvents(snapshot, [e], shards)), json(paths.index(name), index)],
        tags: ctx.tags
          ? await onVersionCommit(ctx.store, name, target, [stageTag(name, stage, seq, target, reason ?? `rollback from ${versionLabel(pointer.version)}`)])
          : [],
        result: { name, version: target, stage, previous: pointer.version, seq },
      };
    },
    { now: ctx.now, retry: ctx.retry },
  );
}

export async function deprecate(
  ctx: RegistryContext,
  ref: { name: string; version: number },
  reason?: string,
): Promise<Committed<{ name: string; version: number; seq: number }>> {
  const name = checkName(ref.name);
  if (ctx.tags) checkGtoName(name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { index, shards } = await readForWrite(snapshot, name, { create: false });
      const version = ref.version;
      await presentVersion(snapshot, index, version);
      if (index.deprecated[String(version)]) throw new MlopsError(`${name} ${versionLabel(version)} is already deprecated`);
      const held = stagesHeld(index, version);
      if (held.length) throw new MlopsError(`${name} ${versionLabel(version)} holds ${held.join(', ')}: promote another version or roll back first`);
      index.deprecated[String(version)] = { at: now.toISOString(), actor: ctx.actor, ...(reason ? { reason } : {}) };
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: 'deprecate', name, version, ...(reason ? { reason } : {}) });
      return {
        message: `registry: deprecate ${name} ${versionLabel(version)}\n\n${trailers(ctx, reason)}`,
        changes: [...(await appendEvents(snapshot, [e], shards)), json(paths.index(name), index)],
        // GTO's deregistration of one version (its `@deprecated` retires the whole artifact).
        tags: ctx.tags
          ? await onVersionCommit(ctx.store, name, version, [
              { name: `${name}@${gtoVersion(version)}!#${seq}`, message: `deprecate ${name} ${versionLabel(version)}${reason ? `: ${reason}` : ''}` },
            ])
          : [],
        result: { name, version, seq },
      };
    },
    { now: ctx.now, retry: ctx.retry },
  );
}

/**
 * Records a container image built from a version (the build-container action calls this after
 * a push), so the registry can answer which digest serves which model version.
 */
export async function annotateImage(
  ctx: RegistryContext,
  ref: { name: string; version: number },
  image: { image: string; digest: string },
): Promise<Committed<{ name: string; version: number; seq: number }>> {
  const name = checkName(ref.name);
  if (!/^sha256:[0-9a-f]{64}$/.test(image.digest)) throw new MlopsError(`image digest must look like sha256:<64 hex digits> (got "${image.digest}")`);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { index, shards } = await readForWrite(snapshot, name, { create: false });
      const version = ref.version;
      await presentVersion(snapshot, index, version);
      const images = (index.images ??= {});
      (images[String(version)] ??= []).push({ image: image.image, digest: image.digest, at: now.toISOString(), actor: ctx.actor });
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: 'image', name, version, image: `${image.image}@${image.digest}` });
      return {
        message: `registry: image ${name} ${versionLabel(version)} ${image.image}@${image.digest}\n\n${trailers(ctx)}`,
        changes: [...(await appendEvents(snapshot, [e], shards)), json(paths.index(name), index)],
        tags: [],
        result: { name, version, seq },
      };
    },
    { now: ctx.now, retry: ctx.retry },
  );
}

// ---------- queries ----------

export interface ModelSummary {
  name: string;
  latest_version: number;
  stages: Record<string, number>;
  deprecated: number[];
}

export async function listModels(snapshot: Snapshot): Promise<ModelSummary[]> {
  const names = await snapshot.listDir(paths.modelsDir);
  const files = await snapshot.readFiles(names.map((n) => paths.index(n)));
  return names.map((name, i) => {
    if (!files[i]) throw new MlopsError(`${paths.index(name)}: missing: the registry branch is corrupt`);
    return summarize(parseStored(ModelIndexSchema, files[i]!.toString(), paths.index(name)));
  });
}

function summarize(index: ModelIndex): ModelSummary {
  return {
    name: index.name,
    latest_version: index.latest_version,
    stages: Object.fromEntries(Object.entries(index.stages).map(([s, p]) => [s, p.version])),
    deprecated: Object.keys(index.deprecated)
      .map(Number)
      .sort((a, b) => a - b),
  };
}

export interface VersionSummary {
  version: number;
  created_at: string;
  actor: string;
  sha256: string;
  size_bytes: number;
  stages: string[];
  deprecated: boolean;
  metrics: Record<string, number>;
  commit?: string;
}

export async function listVersions(snapshot: Snapshot, name: string): Promise<VersionSummary[]> {
  const index = await requireIndex(snapshot, name);
  const versions = Array.from({ length: index.latest_version }, (_, i) => i + 1);
  const files = await snapshot.readFiles(versions.map((v) => paths.metadata(name, v)));
  return versions.map((v, i) => {
    const file = paths.metadata(name, v);
    if (!files[i]) throw new MlopsError(`${file}: missing: the registry branch is corrupt`);
    const meta = parseStored(VersionMetadataSchema, files[i]!.toString(), file);
    return {
      version: v,
      created_at: meta.created_at,
      actor: meta.actor,
      sha256: meta.model.sha256,
      size_bytes: meta.model.size_bytes,
      stages: stagesHeld(index, v),
      deprecated: Boolean(index.deprecated[String(v)]),
      metrics: meta.metrics,
      ...(meta.source.commit ? { commit: meta.source.commit } : {}),
    };
  });
}

export interface VersionDetail {
  metadata: VersionMetadata;
  stages: string[];
  deprecated: ModelIndex['deprecated'][string] | null;
  images: NonNullable<ModelIndex['images']>[string];
  card: string;
}

export async function showVersion(snapshot: Snapshot, ref: ModelRef): Promise<VersionDetail> {
  const version = await resolveVersion(snapshot, ref);
  const index = (await readIndex(snapshot, ref.name))!;
  const metadata = await readMetadata(snapshot, ref.name, version);
  const card = (await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.card}`))?.toString() ?? '';
  return {
    metadata,
    stages: stagesHeld(index, version),
    deprecated: index.deprecated[String(version)] ?? null,
    images: index.images?.[String(version)] ?? [],
    card,
  };
}

export async function readHistory(snapshot: Snapshot, name: string): Promise<RegistryEvent[]> {
  const index = await requireIndex(snapshot, name);
  const shards = (await snapshot.listDir(paths.eventsDir(name))).map((s) => `${paths.eventsDir(name)}/${s}`);
  const files = await snapshot.readFiles(shards);
  const events = shards.flatMap((shard, i) => parseEvents(files[i]?.toString() ?? '', shard));
  if (events.length !== index.events)
    throw new MlopsError(`${paths.eventsDir(name)}: ${events.length} events but the index counts ${index.events}: the audit log is corrupt`);
  return events;
}

export async function readProfile(snapshot: Snapshot, meta: VersionMetadata): Promise<Profile | undefined> {
  if (!meta.data.profile) return undefined;
  const file = `${paths.versionDir(meta.name, meta.version)}/${meta.data.profile}`;
  const bytes = await snapshot.readFile(file);
  if (!bytes) throw new MlopsError(`${file}: missing: the registry branch is corrupt`);
  return parseProfile(bytes.toString(), file);
}
