import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { versionLabel, type RegistryEvent, type VersionMetadata } from '../registry/format.ts';
import type { RunRecord } from '../runs/schema.ts';
import { lineChart } from './chart.ts';
import { clientSource, runsTableClient, type RunsTableData } from './client.ts';
import { code, esc, externalLink, facts, formatValue, jsonScript, table, type Column } from './html.ts';
import type { SiteModel, SiteRegistry } from './load.ts';
import { markdownToHtml } from './markdown.ts';
import { CSS } from './style.ts';

export interface SiteInput {
  registry: SiteRegistry;
  runs: RunRecord[];
  title: string;
  /** When the site was built (shown in the footer). */
  generatedAt: Date;
}

/** The most metric charts a model page draws, and metric/param columns a table shows. */
const MAX_CHARTS = 12;
const MAX_METRIC_COLUMNS = 8;
const MAX_PARAM_COLUMNS = 12;

/** Page paths, relative to the site root; every link is relative so the site works from file://. */
export const pagePaths = {
  index: 'index.html',
  runs: 'runs/index.html',
  run: (id: string) => `runs/${id}.html`,
  model: (name: string) => `models/${name}/index.html`,
  version: (name: string, version: number) => `models/${name}/${versionLabel(version)}.html`,
};

/**
 * Renders the whole site: path → HTML. Pure (no I/O), so tests can check pages as strings and
 * the CLI writes them in one atomic step. Model names and run ids are safe in paths: the
 * registry and the run schema restrict them to [a-z0-9._-] and digits/hex.
 */
export function renderSite(input: SiteInput): Map<string, string> {
  const pages = new Map<string, string>();
  const page = (path: string, title: string, body: string, script = '') => pages.set(path, layout(input, path, title, body, script));
  page(pagePaths.index, input.title, indexBody(input, pagePaths.index));
  for (const model of input.registry.models) {
    const runs = input.runs.filter((r) => r.model === model.index.name);
    page(pagePaths.model(model.index.name), model.index.name, modelBody(model, runs, pagePaths.model(model.index.name)));
    for (const v of model.versions) {
      const path = pagePaths.version(model.index.name, v.metadata.version);
      page(path, `${model.index.name} ${versionLabel(v.metadata.version)}`, versionBody(model, v, runsOfVersion(runs, v.metadata), path));
    }
  }
  const runsTable = runsBody(input.runs, pagePaths.runs);
  page(pagePaths.runs, 'Runs', runsTable, clientSource(runsTableClient));
  for (const run of input.runs) page(pagePaths.run(run.id), `Run ${run.id}`, runBody(run, input.registry, pagePaths.run(run.id)));
  return pages;
}

/** A link from page `from` to page `to`, both relative to the site root. */
export function href(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to);
}

/**
 * One page. The Content-Security-Policy allows no network at all and only the page's own
 * script (by its sha256), so even markup that slipped past escaping could run nothing.
 */
function layout(input: SiteInput, path: string, title: string, body: string, script: string): string {
  const scriptSrc = script ? `'sha256-${createHash('sha256').update(script).digest('base64')}'` : "'none'";
  const built = input.registry.commit ? `registry commit <code>${esc(input.registry.commit.slice(0, 12))}</code>` : 'no registry branch yet';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptSrc}; img-src data:">
<title>${esc(title === input.title ? title : `${title} · ${input.title}`)}</title><style>${CSS}</style></head>
<body><header><a class="home" href="${href(path, pagePaths.index)}">${esc(input.title)}</a><a href="${href(path, pagePaths.index)}#models">Models</a><a href="${href(path, pagePaths.runs)}">Runs</a>
<span class="meta">Built ${when(input.generatedAt.toISOString())} from ${built}</span></header>
<main>
${body}
</main>${script ? `<script>${script}</script>` : ''}</body></html>
`;
}

const stageBadges = (stages: string[]) => stages.map((s) => `<span class="stage stage-${esc(s)}">${esc(s)}</span>`).join('');
const short = (sha: string | undefined) => (sha ? code(sha.slice(0, 12)) : '');
const when = (iso: string | undefined) => esc(iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '');

function stagesOf(model: SiteModel, version: number): string[] {
  return Object.entries(model.index.stages)
    .filter(([, p]) => p.version === version)
    .map(([s]) => s)
    .sort();
}

/** Metric names in first-seen order over the given records. */
function metricNames(records: { metrics: Record<string, number> }[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.metrics)) names.add(k);
  return [...names];
}

function indexBody(input: SiteInput, from: string): string {
  const models = input.registry.models;
  const lastEvent = (m: SiteModel) => m.events.at(-1)?.at;
  const columns: Column<SiteModel>[] = [
    { label: 'model', cell: (m) => `<a href="${href(from, pagePaths.model(m.index.name))}">${esc(m.index.name)}</a>` },
    {
      label: 'latest',
      cell: (m) =>
        m.index.latest_version
          ? `<a href="${href(from, pagePaths.version(m.index.name, m.index.latest_version))}">${versionLabel(m.index.latest_version)}</a>`
          : '',
    },
    {
      label: 'stages',
      cell: (m) =>
        Object.entries(m.index.stages)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([s, p]) => `${stageBadges([s])}<a href="${href(from, pagePaths.version(m.index.name, p.version))}">${versionLabel(p.version)}</a>`)
          .join(' '),
    },
    { label: 'versions', cell: (m) => String(m.versions.length), numeric: true },
    { label: 'runs', cell: (m) => String(input.runs.filter((r) => r.model === m.index.name).length), numeric: true },
    { label: 'last change', cell: (m) => when(lastEvent(m)) },
  ];
  const recent = input.runs.slice(0, 10);
  return `<h1>${esc(input.title)}</h1>
<p class="meta">${models.length} model${models.length === 1 ? '' : 's'}, ${input.runs.length} run${input.runs.length === 1 ? '' : 's'}.</p>
<h2 id="models">Models</h2>
${models.length ? table(columns, models, ' id="models-table"') : '<p class="empty">No models registered yet: <code>mlops registry register NAME --model FILE</code>.</p>'}
<h2>Recent runs</h2>
${runsSummary(recent, from)}
${input.runs.length > recent.length ? `<p><a href="${href(from, pagePaths.runs)}">All ${input.runs.length} runs</a></p>` : ''}`;
}

function runsSummary(runs: RunRecord[], from: string): string {
  const metrics = metricNames(runs).slice(0, MAX_METRIC_COLUMNS);
  return table(
    [
      { label: 'run', cell: (r) => `<a href="${href(from, pagePaths.run(r.id))}">${esc(r.id)}</a>` },
      { label: 'model', cell: (r) => esc(r.model) },
      { label: 'status', cell: (r) => `<span class="status-${esc(r.status)}">${esc(r.status)}</span>` },
      { label: 'started', cell: (r) => when(r.started_at) },
      ...metrics.map((k): Column<RunRecord> => ({ label: k, cell: (r) => esc(formatValue(r.metrics[k])), numeric: true })),
    ],
    runs,
  );
}

function modelBody(model: SiteModel, runs: RunRecord[], from: string): string {
  const name = model.index.name;
  const link = (v: number) => `<a href="${href(from, pagePaths.version(name, v))}">${versionLabel(v)}</a>`;
  const stages = Object.entries(model.index.stages).sort(([a], [b]) => a.localeCompare(b));
  const metas = model.versions.map((v) => v.metadata);
  const metrics = metricNames(metas);
  const charts = metrics
    .slice(0, MAX_CHARTS)
    .map((k) => {
      const points = metas.filter((m) => typeof m.metrics[k] === 'number').map((m) => ({ label: versionLabel(m.version), value: m.metrics[k] }));
      return points.length ? lineChart(k, points) : '';
    })
    .join('');
  const versionColumns: Column<VersionMetadata>[] = [
    { label: 'version', cell: (m) => link(m.version) },
    { label: 'registered', cell: (m) => when(m.created_at) },
    { label: 'by', cell: (m) => esc(m.actor) },
    {
      label: 'stages',
      cell: (m) => stageBadges(stagesOf(model, m.version)) + (model.index.deprecated[String(m.version)] ? '<span class="deprecated">deprecated</span>' : ''),
    },
    { label: 'commit', cell: (m) => short(m.source.commit) },
    { label: 'data', cell: (m) => short(m.data.fingerprint?.replace(/^sha256:/, '')) },
    ...metrics.slice(0, MAX_METRIC_COLUMNS).map((k): Column<VersionMetadata> => ({ label: k, cell: (m) => esc(formatValue(m.metrics[k])), numeric: true })),
  ];
  return `<h1>${esc(name)}</h1>
<p class="meta">${model.versions.length} version${model.versions.length === 1 ? '' : 's'}, ${model.index.events} event${model.index.events === 1 ? '' : 's'} in the audit log.</p>
<h2>Stages</h2>
${table(
  [
    { label: 'stage', cell: ([s]) => stageBadges([s]) },
    { label: 'version', cell: ([, p]) => link(p.version) },
    { label: 'since', cell: ([, p]) => when(p.since) },
    { label: 'earlier holders (oldest first)', cell: ([, p]) => p.history.map(link).join(', ') },
  ],
  stages,
  ' id="stages-table"',
)}
<h2>Metrics across versions</h2>
${charts ? `<div class="charts">${charts}</div>` : '<p class="empty">No metrics recorded.</p>'}
<h2>Versions</h2>
${table(versionColumns, [...metas].reverse(), ' id="versions-table"')}
<h2>Stage history</h2>
${eventsTable(model.events, name, from)}
<h2>Runs</h2>
${runsSummary(runs, from)}`;
}

function eventsTable(events: RegistryEvent[], name: string, from: string): string {
  const link = (v: number | undefined) => (v === undefined ? '' : `<a href="${href(from, pagePaths.version(name, v))}">${versionLabel(v)}</a>`);
  return table(
    [
      { label: '#', cell: (e) => String(e.seq), numeric: true },
      { label: 'at', cell: (e) => when(e.at) },
      { label: 'event', cell: (e) => esc(e.type) },
      { label: 'version', cell: (e) => link(e.version) },
      { label: 'stage', cell: (e) => (e.stage ? stageBadges([e.stage]) : '') },
      { label: 'previous', cell: (e) => link(e.previous) },
      { label: 'by', cell: (e) => esc(e.actor) },
      { label: 'reason', cell: (e) => esc(e.reason ?? e.image ?? '') },
      { label: 'run', cell: (e) => externalLink(e.run_url, e.run_id ?? 'run') || esc(e.run_id ?? '') },
    ],
    [...events].reverse(),
    ' id="events-table"',
  );
}

/** The runs that became this version (`registered_as` names it as `v3` or `churn@v3`). */
function runsOfVersion(runs: RunRecord[], meta: VersionMetadata): RunRecord[] {
  const label = versionLabel(meta.version);
  return runs.filter((r) => r.registered_as === label || r.registered_as === `${meta.name}@${label}`);
}

function valueTable(record: Record<string, unknown>, id: string): string {
  return table(
    [
      { label: 'name', cell: ([k]) => esc(k) },
      { label: 'value', cell: ([, v]) => esc(formatValue(v)) },
    ],
    Object.entries(record).sort(([a], [b]) => a.localeCompare(b)),
    ` id="${id}"`,
  );
}

function versionBody(model: SiteModel, v: SiteModel['versions'][number], runs: RunRecord[], from: string): string {
  const m = v.metadata;
  const name = model.index.name;
  const deprecated = model.index.deprecated[String(m.version)];
  const s = m.source;
  const lineage = m.lineage;
  const env = lineage?.environment;
  const images = model.index.images?.[String(m.version)] ?? [];
  return `<p><a href="${href(from, pagePaths.model(name))}">${esc(name)}</a></p>
<h1>${esc(name)} ${versionLabel(m.version)}</h1>
<p class="meta">Registered ${when(m.created_at)} by ${esc(m.actor)}. ${stageBadges(stagesOf(model, m.version))}${deprecated ? ` <span class="deprecated">deprecated ${when(deprecated.at)} by ${esc(deprecated.actor)}${deprecated.reason ? `: ${esc(deprecated.reason)}` : ''}</span>` : ''}</p>
${m.description ? `<p>${esc(m.description)}</p>` : ''}
<h2>Lineage</h2>
${facts([
  ['repository', esc(s.repository)],
  ['commit', code(s.commit)],
  ['ref', esc(s.ref)],
  ['workflow', esc(s.workflow)],
  ['run', externalLink(s.run_url, s.run_url) || esc(s.run_id)],
  ['actor', esc(s.actor)],
  ['data fingerprint', code(m.data.fingerprint)],
  ['rows', m.data.rows === undefined ? '' : esc(m.data.rows)],
  [
    'trained',
    lineage ? `${when(lineage.started_at)} in ${esc(formatValue(lineage.duration_s))} s${lineage.seed === undefined ? '' : `, seed ${esc(lineage.seed)}`}` : '',
  ],
  [
    'environment',
    env
      ? esc(
          `${env.os}/${env.arch}, ${env.cpus} CPUs, node ${env.node}${env.backend ? `, ${env.backend}` : ''}${env.gpu?.length ? `, ${env.gpu.map((g) => g.name).join(', ')}` : ''}`,
        )
      : '',
  ],
  ['runs', runs.map((r) => `<a href="${href(from, pagePaths.run(r.id))}">${esc(r.id)}</a>`).join(', ')],
])}
${
  lineage?.data.files.length
    ? table(
        [
          { label: 'training file', cell: (f) => code(f.path) },
          { label: 'bytes', cell: (f) => esc(f.bytes), numeric: true },
          { label: 'sha256', cell: (f) => code(f.sha256) },
        ],
        lineage.data.files,
        ' id="data-files"',
      )
    : ''
}
<h2>Parameters</h2>
${valueTable(m.params, 'params-table')}
<h2>Metrics</h2>
${valueTable(m.metrics, 'metrics-table')}
<h2>Model</h2>
${facts([
  ['file', code(m.model.file)],
  ['format', esc(m.model.format)],
  ['framework', esc(m.model.framework)],
  ['size', `${esc(m.model.size_bytes)} bytes`],
  ['sha256', code(m.model.sha256)],
  ['stored', m.model.storage.kind === 'inline' ? 'in the registry branch' : externalLink(m.model.storage.url)],
  ['inputs', esc((m.model.signature?.inputs ?? []).map((t) => `${t.name} ${t.type} [${t.shape.join(', ')}]`).join('; '))],
  ['outputs', esc((m.model.signature?.outputs ?? []).map((t) => `${t.name} ${t.type} [${t.shape.join(', ')}]`).join('; '))],
  ['images', images.map((i) => code(`${i.image}@${i.digest}`)).join('<br>')],
])}
<h2>Model card</h2>
<div class="card" id="model-card">${v.card ? markdownToHtml(v.card) : '<p class="empty">No model card stored.</p>'}</div>
${v.dataCard ? `<h2>Data card</h2>\n<div class="card" id="data-card">${markdownToHtml(v.dataCard)}</div>` : ''}`;
}

/** Columns of the runs table: fixed ones, then metrics, then the params that vary most often first. */
function runColumns(runs: RunRecord[]): RunsTableData['columns'] {
  const paramCounts = new Map<string, number>();
  for (const r of runs) for (const k of Object.keys(r.params)) paramCounts.set(k, (paramCounts.get(k) ?? 0) + 1);
  const params = [...paramCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_PARAM_COLUMNS)
    .map(([k]) => k);
  return [
    { key: 'id', label: 'run', numeric: false },
    { key: 'model', label: 'model', numeric: false },
    { key: 'status', label: 'status', numeric: false },
    { key: 'started_at', label: 'started', numeric: false },
    { key: 'duration_s', label: 'duration s', numeric: true },
    { key: 'sweep', label: 'sweep', numeric: false },
    ...metricNames(runs).map((k) => ({ key: `metrics.${k}`, label: k, numeric: true })),
    ...params.map((k) => ({ key: `params.${k}`, label: k, numeric: runs.some((r) => typeof r.params[k] === 'number') })),
  ];
}

function runValues(run: RunRecord): Record<string, string | number | boolean | null> {
  return {
    id: run.id,
    model: run.model,
    status: run.status,
    started_at: run.started_at,
    duration_s: Math.round(run.duration_ms) / 1000,
    sweep: run.sweep ? `${run.sweep.id}#${run.sweep.trial}` : null,
    'source.ref': run.source.ref ?? null,
    'source.commit': run.source.commit ?? null,
    registered_as: run.registered_as ?? null,
    'environment.runner': run.environment.runner ?? null,
    'environment.backend': run.environment.backend ?? null,
    'environment.gpu': run.environment.gpu ?? null,
    error: run.error ?? null,
    ...Object.fromEntries(Object.entries(run.metrics).map(([k, v]) => [`metrics.${k}`, v])),
    ...Object.fromEntries(Object.entries(run.params).map(([k, v]) => [`params.${k}`, v])),
    ...Object.fromEntries(Object.entries(run.tags).map(([k, v]) => [`tags.${k}`, v])),
  };
}

function runsBody(runs: RunRecord[], from: string): string {
  const columns = runColumns(runs);
  const rows = runs.map((r) => {
    const values = runValues(r);
    return {
      values,
      text: Object.values(values)
        .map((v) => String(v ?? ''))
        .join(' ')
        .toLowerCase(),
    };
  });
  const data: RunsTableData = { columns, rows };
  const cell = (run: RunRecord, key: string, value: unknown) => {
    if (key === 'id') return `<a href="${href(from, pagePaths.run(run.id))}">${esc(run.id)}</a>`;
    if (key === 'status') return `<span class="status-${esc(run.status)}">${esc(run.status)}</span>`;
    if (key === 'started_at') return when(run.started_at);
    return esc(formatValue(value));
  };
  const head = columns
    .map(
      (c) =>
        `<th data-key="${esc(c.key)}" data-numeric="${c.numeric}" aria-sort="none" tabindex="0"${c.numeric ? ' class="num"' : ''} title="${esc(c.key)}">${esc(c.label)}</th>`,
    )
    .join('');
  const body = runs
    .map(
      (r, i) =>
        `<tr data-row="${i}">${columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${cell(r, c.key, rows[i].values[c.key])}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<h1>Runs</h1>
<p class="meta">Every training run recorded, registered or not. Click a column to sort; filter with words or comparisons such as <code>status=failed</code>, <code>metrics.roc_auc&gt;=0.8</code>, <code>params.seed=7</code> (all must hold).</p>
<div class="filter"><input id="runs-filter" type="search" placeholder="filter: text or metrics.NAME&gt;=0.8" aria-label="filter runs"><span id="runs-count" class="meta">${runs.length} runs</span></div>
${runs.length ? `<table id="runs-table"><thead><tr>${head}</tr></thead><tbody id="runs-body">\n${body}\n</tbody></table>` : '<p class="empty">No runs recorded yet: <code>mlops train</code> records one per training run.</p>'}
${jsonScript('runs-data', data)}`;
}

function runBody(run: RunRecord, registry: SiteRegistry, from: string): string {
  const registered = run.registered_as ? /^(?:(.+)@)?v(\d+)$/.exec(run.registered_as) : null;
  const model = registry.models.find((m) => m.index.name === (registered?.[1] ?? run.model));
  const version = registered && model && Number(registered[2]) <= model.index.latest_version ? Number(registered[2]) : undefined;
  const artifact = run.artifact
    ? `${run.artifact.kind}${run.artifact.name ? ` ${run.artifact.name}` : ''}${run.artifact.path ? ` ${run.artifact.path}` : ''}`
    : '';
  return `<p><a href="${href(from, pagePaths.runs)}">Runs</a></p>
<h1>Run ${esc(run.id)}</h1>
<p class="meta"><span class="status-${esc(run.status)}">${esc(run.status)}</span> · ${esc(run.model)} · started ${when(run.started_at)} · ${esc(formatValue(run.duration_ms / 1000))} s</p>
${run.error ? `<pre id="run-error">${esc(run.error)}</pre>` : ''}
${facts([
  ['model', model ? `<a href="${href(from, pagePaths.model(model.index.name))}">${esc(run.model)}</a>` : esc(run.model)],
  [
    'registered as',
    version !== undefined && model
      ? `<a href="${href(from, pagePaths.version(model.index.name, version))}">${esc(run.registered_as)}</a>`
      : esc(run.registered_as),
  ],
  ['sweep', run.sweep ? esc(`${run.sweep.id}, trial ${run.sweep.trial}`) : ''],
  ['commit', code(run.source.commit)],
  ['ref', esc(run.source.ref)],
  ['pull request', run.source.pr === undefined ? '' : esc(`#${run.source.pr}`)],
  ['workflow run', externalLink(run.source.workflow_run_url)],
  ['data fingerprint', code(run.data_fingerprint)],
  ['runner', esc(run.environment.runner)],
  ['backend', esc(run.environment.backend)],
  ['gpu', esc(run.environment.gpu)],
  ['artifact', esc(artifact)],
])}
<h2>Parameters</h2>
${valueTable(run.params, 'params-table')}
<h2>Metrics</h2>
${valueTable(run.metrics, 'metrics-table')}
${Object.keys(run.tags).length ? `<h2>Tags</h2>\n${valueTable(run.tags, 'tags-table')}` : ''}`;
}
