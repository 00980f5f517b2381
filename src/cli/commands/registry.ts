import { resolve } from 'node:path';
import type { CliIO, Command } from '../command.ts';
import { oneOf, parseCommandArgs, requireOption } from '../args.ts';
import { MlopsError } from '../../util/errors.ts';
import { table } from '../../report/markdown.ts';
import { checkRegistry } from '../../registry/check.ts';
import { diffMarkdown, diffVersions } from '../../registry/diff.ts';
import { fetchVersion, httpDownload } from '../../registry/fetch-model.ts';
import { DEFAULT_MAX_INLINE_BYTES, versionLabel } from '../../registry/format.ts';
import { readEvaluationSummary } from '../../evaluate/registry-summary.ts';
import { actorFromEnv, registerFromFiles } from '../../registry/inputs.ts';
import { openStore } from '../../registry/open.ts';
import {
  annotateImage,
  deprecate,
  listModels,
  listVersions,
  promote,
  readHistory,
  readMetadata,
  readConfig,
  readProfile,
  resolveVersion,
  rollback,
  showVersion,
  type RegistryContext,
} from '../../registry/operations.ts';
import { parseModelRef, parseVersion } from '../../registry/refs.ts';
import type { RegistryStore } from '../../registry/store.ts';

const help = `mlops registry: a model registry on a git branch of your own repository (nothing to host).

Usage:
  mlops registry register NAME --model FILE [--lineage lineage.json] [--metrics m.json]
                          [--params p.json] [--profile profile.json] [--stage STAGE]
  mlops registry promote NAME VERSION --to STAGE [--reason TEXT]
  mlops registry rollback NAME --stage STAGE [--reason TEXT]
  mlops registry deprecate NAME VERSION [--reason TEXT]
  mlops registry annotate NAME VERSION --image IMAGE --image-digest sha256:...
  mlops registry list [NAME]
  mlops registry show NAME[@vN|#STAGE]
  mlops registry history NAME
  mlops registry get NAME[@vN|#STAGE] --out DIR
  mlops registry diff NAME VERSION_A VERSION_B
  mlops registry check

Where the registry lives (every subcommand):
  --remote URL|PATH   git remote holding the branch (default: MLOPS_REGISTRY_REMOTE, else the
                      checkout's origin, else the checkout itself)
  --branch NAME       registry branch (default: MLOPS_REGISTRY_BRANCH or mlops-registry)
  --backend B         git (default: git CLI in a temporary repository, never your checkout) or
                      github (REST Git Data API: needs --repo and GITHUB_TOKEN; no checkout needed)
  --repo OWNER/NAME   repository for --backend github (default GITHUB_REPOSITORY)
  --api-url URL       GitHub API root (default GITHUB_API_URL or https://api.github.com)
  --cache DIR         reuse a bare repository between runs so only new objects are fetched
                      (default MLOPS_REGISTRY_CACHE, else a fresh temporary one)
  --format F          json, markdown or table (default table; json for scripts)

Writing (register, promote, rollback, deprecate, annotate):
  --actor NAME        who acts (default GITHUB_ACTOR, else USER)
  --run-id ID         workflow run (default GITHUB_RUN_ID); --run-url URL (default built from
                      GITHUB_SERVER_URL/GITHUB_REPOSITORY/GITHUB_RUN_ID)
  --reason TEXT       why, recorded in the audit log and the commit message
  --tags              also push the tags GTO reads (churn@v7.0.0, churn#production#3)

register:
  --model FILE        the model file (any format; stored in the branch up to --max-size-mb)
  --name NAME         model name (or the first argument)
  --lineage FILE      lineage.json from mlops train: params, metrics, data fingerprint,
                      profile, source and environment are taken from it
  --metrics FILE      {"roc_auc": 0.91} (or a report with a "metrics" object); overrides lineage
  --params FILE       {"max_depth": 6} (or a document with a "params" object)
  --profile FILE      training-data profile from mlops profile
  --evaluation FILE   the evaluate report (mlops evaluate --format json): the gate's verdict,
                      its rules and the slices go into the metadata and the model card
  --stage STAGE       also put the new version in this stage (staging, production, archived)
  --commit SHA        source commit (default GITHUB_SHA, else HEAD of the checkout)
  --description TEXT  intended use, for the model card; --limitations TEXT likewise
  --framework NAME    e.g. sklearn, xgboost, tfjs (default from the lineage)
  --features a,b,c    the data columns, in order, of a model whose one input is an [N, k]
                      matrix (torch.onnx.export, skl2onnx); checked against k and stored, so
                      serve, predict and evaluate feed it by column name (default: the
                      model's sidecar MODEL.mlops.yml or its "mlops.features" metadata)
  --max-size-mb N     store models up to N MB in the branch (default 50)
  --model-url URL     where a bigger model lives (release asset, artifact, LFS); only its
                      sha256 and this pointer are stored

check:
  Verifies every invariant of the branch, like git fsck: registry.json; each index against its
  version folders (v1..latest, none missing, none extra); every metadata.json, model card and
  profile; the sha256 and size of every inline model; stage pointers, history, deprecations and
  images on versions that exist; the event log (contiguous shards, seq 1..n, one register per
  version, as many events as the index counts); and the high-water marker (a rewound branch).
  Exit 0 healthy, 1 broken (each problem on a line naming its file), 2 when it cannot read.
  --format json gives {ok, commit, models, versions, events, hashes_verified, pointers,
  problems: [{file, problem}]}.

Every write checks the invariants it builds on first (registry.json, the index, stage
pointers, the event count, the new version's folder not existing, the high-water marker) and
refuses with exit 2 naming the file; run check to see everything that is wrong.

Every write is a compare-and-swap on the branch head: when another run wins the race this
one re-reads, re-applies and retries with backoff, so versions stay unique (v1, v2, ...)
and no event is lost. Exit code 2 on bad input; the branch is then left as it was.

Examples:
  mlops registry register churn --model out/model.onnx --lineage out/lineage.json --stage staging
  mlops registry promote churn v7 --to production --reason "beats v6 on holdout AUC"
  mlops registry show churn#production
  mlops registry get churn#production --out model/
  mlops registry rollback churn --stage production --reason "latency regression"
  mlops registry diff churn v6 v7 --format markdown
  mlops registry check --format json
`;

const storeFlags = {
  remote: { type: 'string' },
  branch: { type: 'string' },
  backend: { type: 'string' },
  repo: { type: 'string' },
  'api-url': { type: 'string' },
  cache: { type: 'string' },
  format: { type: 'string' },
} as const;

const writeFlags = {
  actor: { type: 'string' },
  'run-id': { type: 'string' },
  'run-url': { type: 'string' },
  reason: { type: 'string' },
  tags: { type: 'boolean' },
  image: { type: 'string' },
  'image-digest': { type: 'string' },
} as const;

type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;
const str = (values: Values, key: string) => values[key] as string | undefined;

const SUBCOMMANDS = ['register', 'promote', 'rollback', 'deprecate', 'annotate', 'list', 'show', 'history', 'get', 'diff', 'check'] as const;

export const registryCommand: Command = {
  name: 'registry',
  help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (!(SUBCOMMANDS as readonly string[]).includes(sub ?? '')) {
      throw new MlopsError(`${sub ? `unknown subcommand "${sub}"` : 'missing subcommand'}: use one of ${SUBCOMMANDS.join(', ')} (see mlops registry --help)`);
    }
    const write = ['register', 'promote', 'rollback', 'deprecate', 'annotate'].includes(sub);
    const extra = sub === 'register' ? registerFlags : sub === 'get' ? { out: { type: 'string', short: 'o' } } : sub === 'rollback' ? { stage: { type: 'string' } } : sub === 'promote' ? { to: { type: 'string' } } : {};
    const { values, positionals } = parseCommandArgs(`registry ${sub}`, rest, { ...storeFlags, ...(write ? writeFlags : {}), ...extra } as typeof storeFlags, true);
    const v = values as Values;
    const format = oneOf(`registry ${sub}`, '--format', str(v, 'format'), ['json', 'markdown', 'table'] as const, 'table');
    const backend = oneOf(`registry ${sub}`, '--backend', str(v, 'backend'), ['git', 'github'] as const, 'git');
    const store = await openStore({ backend, cwd: io.cwd, env: io.env, remote: str(v, 'remote'), branch: str(v, 'branch'), repo: str(v, 'repo'), apiUrl: str(v, 'api-url'), cacheDir: str(v, 'cache') });
    try {
      const who = actorFromEnv(io.env, { actor: str(v, 'actor'), runId: str(v, 'run-id'), runUrl: str(v, 'run-url') });
      const ctx: RegistryContext = { store, now: io.now, actor: who.actor, run: who.run, tags: v.tags === true };
      const out = (text: string) => io.stdout.write(text.endsWith('\n') ? text : text + '\n');
      const emit = (json: unknown, text: () => string) => out(format === 'json' ? JSON.stringify(json, null, 2) : text());
      switch (sub) {
        case 'register':
          return await runRegister(ctx, v, positionals, io, emit);
        case 'promote': {
          const [name, version] = nameAndVersion(positionals, 'promote NAME VERSION --to STAGE');
          const stage = requireOption('registry promote', str(v, 'to'), '--to');
          const done = await promote(ctx, { name, version }, stage, str(v, 'reason'));
          const r = done.result;
          emit({ ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts }, () =>
            `promoted ${r.name} ${versionLabel(r.version)} to ${r.stage}${r.previous ? ` (was ${versionLabel(r.previous)})` : ''} in ${done.commit.slice(0, 12)}`,
          );
          return 0;
        }
        case 'rollback': {
          const name = one(positionals, 'rollback NAME --stage STAGE');
          const stage = requireOption('registry rollback', str(v, 'stage'), '--stage');
          const done = await rollback(ctx, name, stage, str(v, 'reason'));
          const r = done.result;
          emit({ ...r, version: versionLabel(r.version), previous: r.previous ? versionLabel(r.previous) : null, commit: done.commit, attempts: done.attempts }, () =>
            `rolled back ${r.name} ${r.stage} from ${versionLabel(r.previous!)} to ${versionLabel(r.version)} in ${done.commit.slice(0, 12)}`,
          );
          return 0;
        }
        case 'deprecate': {
          const [name, version] = nameAndVersion(positionals, 'deprecate NAME VERSION');
          const done = await deprecate(ctx, { name, version }, str(v, 'reason'));
          emit({ ...done.result, version: versionLabel(done.result.version), commit: done.commit, attempts: done.attempts }, () => `deprecated ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`);
          return 0;
        }
        case 'annotate': {
          const [name, version] = nameAndVersion(positionals, 'annotate NAME VERSION --image IMAGE --image-digest sha256:...');
          const image = str(v, 'image');
          const digest = str(v, 'image-digest');
          if (!image || !digest) throw new MlopsError('annotate needs --image and --image-digest (see mlops registry --help)');
          const done = await annotateImage(ctx, { name, version }, { image, digest });
          emit({ ...done.result, version: versionLabel(done.result.version), image, digest, commit: done.commit, attempts: done.attempts }, () => `recorded ${image}@${digest} for ${name} ${versionLabel(done.result.version)} in ${done.commit.slice(0, 12)}`);
          return 0;
        }
        default:
          return await runQuery(sub, store, v, positionals, io, format, emit);
      }
    } finally {
      await store.close();
    }
  },
};

const registerFlags = {
  name: { type: 'string' },
  model: { type: 'string' },
  lineage: { type: 'string' },
  metrics: { type: 'string' },
  params: { type: 'string' },
  profile: { type: 'string' },
  evaluation: { type: 'string' },
  stage: { type: 'string' },
  commit: { type: 'string' },
  description: { type: 'string' },
  limitations: { type: 'string' },
  framework: { type: 'string' },
  features: { type: 'string' },
  'max-size-mb': { type: 'string' },
  'model-url': { type: 'string' },
} as const;

type Emit = (json: unknown, text: () => string) => void;

async function runRegister(ctx: RegistryContext, v: Values, positionals: string[], io: CliIO, emit: Emit): Promise<number> {
  const name = str(v, 'name') ?? positionals[0];
  if (!name) requireOption('registry register', undefined, 'NAME (or --name)');
  if (positionals.length > 1) throw new MlopsError(`unexpected argument "${positionals[1]}" (see mlops registry --help)`);
  const model = requireOption('registry register', str(v, 'model'), '--model');
  const maxMb = str(v, 'max-size-mb');
  const maxInlineBytes = maxMb === undefined ? DEFAULT_MAX_INLINE_BYTES : Number(maxMb) * 1024 * 1024;
  if (!Number.isFinite(maxInlineBytes) || maxInlineBytes < 0) throw new MlopsError(`--max-size-mb must be a number of megabytes (got "${maxMb}")`);
  const done = await registerFromFiles(
    ctx,
    {
      name: name!,
      model,
      lineage: str(v, 'lineage'),
      metrics: str(v, 'metrics'),
      params: str(v, 'params'),
      profile: str(v, 'profile'),
      evaluation: str(v, 'evaluation') === undefined ? undefined : await readEvaluationSummary(resolve(io.cwd, str(v, 'evaluation')!)),
      stage: str(v, 'stage'),
      reason: str(v, 'reason'),
      commit: str(v, 'commit'),
      description: str(v, 'description'),
      limitations: str(v, 'limitations'),
      framework: str(v, 'framework'),
      features: str(v, 'features'),
      modelUrl: str(v, 'model-url'),
      maxInlineBytes,
    },
    io,
  );
  const r = done.result;
  emit({ name: r.name, version: versionLabel(r.version), version_number: r.version, sha256: r.sha256, stage: r.stage ?? null, commit: done.commit, attempts: done.attempts }, () =>
    `registered ${r.name} ${versionLabel(r.version)}${r.stage ? ` in ${r.stage}` : ''} (sha256 ${r.sha256.slice(0, 12)}) in ${done.commit.slice(0, 12)}`,
  );
  return 0;
}

async function runQuery(sub: string, store: RegistryStore, v: Values, positionals: string[], io: CliIO, format: 'json' | 'markdown' | 'table', emit: Emit): Promise<number> {
  const snapshot = await store.snapshot();
  if (sub === 'check') {
    if (positionals.length > 0) throw new MlopsError('usage: mlops registry check (it checks every model)');
    const report = await checkRegistry(snapshot);
    emit(report, () =>
      report.ok
        ? `the registry on ${store.description} is healthy: ${report.models} models, ${report.versions} versions, ${report.events} events, ${report.hashes_verified} model hashes verified${report.pointers ? ` (${report.pointers} stored by URL, checked on get)` : ''}`
        : [...report.problems.map((p) => `${p.file}: ${p.problem}`), `the registry on ${store.description} is broken: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`].join('\n'),
    );
    return report.ok ? 0 : 1;
  }
  // Every other verb reads registry.json: a broken one is named here, not half-used further on.
  await readConfig(snapshot);
  const heading = (text: string) => (format === 'markdown' ? `## ${text}\n\n` : '');
  switch (sub) {
    case 'list': {
      if (positionals.length === 0) {
        const models = await listModels(snapshot);
        emit(models, () =>
          models.length === 0
            ? `the registry on ${store.description} is empty`
            : heading('Models') + table(['model', 'latest', 'stages', 'deprecated'], models.map((m) => [m.name, versionLabel(m.latest_version), stagesText(m.stages), m.deprecated.map(versionLabel).join(', ')])),
        );
        return 0;
      }
      const name = one(positionals, 'list [NAME]');
      const versions = await listVersions(snapshot, name);
      const metricNames = [...new Set(versions.flatMap((x) => Object.keys(x.metrics)))].slice(0, 4);
      emit(
        versions.map((x) => ({ ...x, version: versionLabel(x.version) })),
        () =>
          heading(`${name} versions`) +
          table(
            ['version', 'created', 'actor', 'stages', ...metricNames, 'sha256'],
            versions.map((x) => [versionLabel(x.version) + (x.deprecated ? ' (deprecated)' : ''), x.created_at, x.actor, x.stages.join(', '), ...metricNames.map((m) => x.metrics[m]), x.sha256.slice(0, 12)]),
          ),
      );
      return 0;
    }
    case 'show': {
      const ref = parseModelRef(one(positionals, 'show NAME[@vN|#STAGE]'));
      const detail = await showVersion(snapshot, ref);
      const m = detail.metadata;
      emit({ ...detail, version: versionLabel(m.version) }, () => {
        const status = [
          `${m.name} ${versionLabel(m.version)}`,
          detail.stages.length ? `stages: ${detail.stages.join(', ')}` : 'no stage',
          detail.deprecated ? `deprecated ${detail.deprecated.at} by ${detail.deprecated.actor}${detail.deprecated.reason ? `: ${detail.deprecated.reason}` : ''}` : '',
          detail.images.length ? `image: ${detail.images[detail.images.length - 1].image}@${detail.images[detail.images.length - 1].digest}` : '',
        ].filter((s) => s !== '');
        return `${format === 'markdown' ? '> ' : ''}${status.join(' · ')}\n\n${detail.card}`;
      });
      return 0;
    }
    case 'history': {
      const name = one(positionals, 'history NAME');
      const events = await readHistory(snapshot, name);
      emit(
        events.map((e) => ({ ...e, version: versionLabel(e.version), ...(e.previous ? { previous: versionLabel(e.previous) } : {}) })),
        () =>
          heading(`${name} history`) +
          table(
            ['#', 'when', 'event', 'version', 'stage', 'actor', 'reason or image', 'run'],
            events.map((e) => [e.seq, e.at, e.type, versionLabel(e.version) + (e.previous ? ` (was ${versionLabel(e.previous)})` : ''), e.stage, e.actor, e.reason ?? e.image, e.run_url ?? e.run_id]),
          ),
      );
      return 0;
    }
    case 'get': {
      const ref = parseModelRef(one(positionals, 'get NAME[@vN|#STAGE] --out DIR'));
      const out = requireOption('registry get', str(v, 'out'), '--out');
      const fetched = await fetchVersion(snapshot, ref, resolve(io.cwd, out), httpDownload(io.env));
      emit({ name: fetched.name, version: versionLabel(fetched.version), model_file: fetched.modelFile, metadata_file: fetched.metadataFile, sha256: fetched.metadata.model.sha256 }, () =>
        `fetched ${fetched.name} ${versionLabel(fetched.version)} to ${fetched.modelFile} (sha256 verified)`,
      );
      return 0;
    }
    case 'diff': {
      if (positionals.length !== 3) throw new MlopsError('usage: mlops registry diff NAME VERSION_A VERSION_B (versions as v3 or #production)');
      const [name, a, b] = positionals;
      const version = (text: string) => resolveVersion(snapshot, text.startsWith('#') ? parseModelRef(name + text) : { name, version: parseVersion(text) });
      const [va, vb] = [await version(a), await version(b)];
      const [ma, mb] = [await readMetadata(snapshot, name, va), await readMetadata(snapshot, name, vb)];
      const d = diffVersions(ma, mb, await readProfile(snapshot, ma), await readProfile(snapshot, mb));
      emit(d, () => diffMarkdown(d));
      return 0;
    }
  }
  return 2;
}

function stagesText(stages: Record<string, number>): string {
  return Object.entries(stages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, v]) => `${s}: ${versionLabel(v)}`)
    .join(', ');
}

function one(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new MlopsError(`usage: mlops registry ${usage}`);
  return positionals[0];
}

/** `NAME VERSION` or `NAME@VERSION`. */
function nameAndVersion(positionals: string[], usage: string): [string, number] {
  if (positionals.length === 1) {
    const ref = parseModelRef(positionals[0]);
    if (ref.version !== undefined) return [ref.name, ref.version];
  }
  if (positionals.length !== 2) throw new MlopsError(`usage: mlops registry ${usage}`);
  return [parseModelRef(positionals[0]).name, parseVersion(positionals[1])];
}
