import type { Command, CliIO } from '../command.ts';
import { defineCommand } from '../define.ts';
import { RUN_STORE_TEXT, openRunStore, runStoreOptions } from '../run-flags.ts';
import type { RunLocation } from '../../registry/runs.ts';
import { higherIsBetter } from '../../metrics/names.ts';
import { formatNumber, table as markdownTable } from '../../report/markdown.ts';
import { DEFAULT_SORT, keyText, matches, parseFilter, parseSort, sortRuns, type Key } from '../../runs/filter.ts';
import type { RunRecord } from '../../runs/schema.ts';
import { importRuns } from '../../registry/runs.ts';
import { findRun, listRuns } from '../../runs/store.ts';
import { MlopsError } from '../../util/errors.ts';

const WHERE_TEXT = `--where is a filter as MLflow's search_runs filter_string (plus or and parentheses):
    metrics.roc_auc > 0.8 and params.model.type = 'mlp'
    (status = 'failed' or metrics.\`val-loss\` >= 0.5) and started_at >= '2026-01-01'
    params.training.optimizer IN ('adam', 'sgd') and source.ref LIKE 'refs/pull/%'
  keys: metrics.NAME, params.NAME, tags.NAME (backticks or "quotes" around names with odd
  characters), status, model, id, error, started_at, duration_ms, data_fingerprint,
  registered_as, source.commit|ref|pr|workflow_run_url, environment.runner|backend|gpu,
  sweep.id, sweep.trial, artifact.name|path; operators: = != < <= > >=, LIKE / ILIKE ('%' any,
  '_' one character), IN (...), NOT IN (...); and binds tighter than or; a run lacking the key
  never matches; started_at compares as a date.`;

const filterOptions = {
  model: { type: 'string', value: 'M', description: `only runs of model M (same as --where "model = 'M'")` },
  where: { type: 'string', value: 'EXPR', description: 'a filter over params, metrics, tags and fields (below)' },
  ...runStoreOptions,
} as const;

const list = defineCommand({
  name: 'runs list',
  summary: 'search training runs (every mlops train records one), sorted and filtered like MLflow search_runs.',
  usage: ['mlops runs list [--model M] [--where EXPR] [--sort KEY]... [--limit N] [--format F]'],
  options: {
    ...filterOptions,
    sort: {
      type: 'list',
      value: 'KEY',
      description:
        'order_by terms: -metrics.roc_auc (descending), "metrics.roc_auc DESC", params.training.epochs (ascending); repeat or comma-separate for ties; runs lacking a key sort last either way (default: newest first)',
    },
    limit: { type: 'integer', value: 'N', range: { min: 1 }, description: 'at most N runs (after sorting)' },
    format: { type: 'choice', choices: ['table', 'json', 'csv', 'markdown'], default: 'table', description: 'the listing' },
    columns: { type: 'list', value: 'LIST', description: 'extra columns, e.g. params.training.learning_rate,tags.team (default: every metric)' },
  },
  text: `${WHERE_TEXT}\n\n${RUN_STORE_TEXT}\n\nExit codes: 0 ok, 2 bad usage, an unreadable store or a bad filter (one line naming the column).`,
  examples: [
    'mlops runs list --where "status = \'ok\'" --sort -metrics.accuracy --limit 5',
    'mlops runs list --remote . --model churn --format csv > runs.csv',
  ],
  async run(values, io) {
    return withRuns(values, io, async (location) => {
      const sort = values.sort.length === 0 ? DEFAULT_SORT : sortOption(values.sort);
      let runs = sortRuns(await filtered(location, values), sort);
      if (values.limit !== undefined) runs = runs.slice(0, values.limit);
      const extra = values.columns.map((c) => columnKey(c));
      io.stdout.write(listing(runs, values.format, [...sort.map((s) => s.key), ...extra]));
      return 0;
    });
  },
});

const show = defineCommand({
  name: 'runs show',
  summary: 'one run: its fields, metrics, params and tags.',
  usage: ['mlops runs show ID [--format json|table]'],
  positionals: [{ name: 'ID', description: 'the run id (e.g. 20260101T120000Z-0a1b2c3d)' }],
  options: { format: { type: 'choice', choices: ['table', 'json'], default: 'table', description: 'the output' }, ...runStoreOptions },
  text: `${RUN_STORE_TEXT}\n\nExit codes: 0 ok, 1 no such run, 2 bad usage or an unreadable store.`,
  async run(values, io, positionals) {
    expectArguments('show', positionals, 1, 'ID');
    return withRuns(values, io, async (location) => showRun(await mustFind(location, positionals[0]), values.format, io));
  },
});

const diff = defineCommand({
  name: 'runs diff',
  summary: 'params and metrics of two runs side by side; rows that differ are marked.',
  usage: ['mlops runs diff A B [--all] [--format table|markdown|json]'],
  positionals: [
    { name: 'A', description: 'a run id' },
    { name: 'B', description: 'another run id' },
  ],
  options: {
    all: { type: 'boolean', description: 'also list params both runs share' },
    format: { type: 'choice', choices: ['table', 'markdown', 'json'], default: 'table', description: 'the output' },
    ...runStoreOptions,
  },
  text: `${RUN_STORE_TEXT}\n\nExit codes: 0 ok, 1 a run is missing, 2 bad usage or an unreadable store.`,
  examples: ['mlops runs diff 20260101T120000Z-0a1b2c3d 20260101T130500Z-9f8e7d6c'],
  async run(values, io, positionals) {
    expectArguments('diff', positionals, 2, 'A B');
    return withRuns(values, io, async (location) =>
      diffRuns(await mustFind(location, positionals[0]), await mustFind(location, positionals[1]), values.format, values.all, io),
    );
  },
});

const best = defineCommand({
  name: 'runs best',
  summary: 'the run with the best value of a metric.',
  usage: ['mlops runs best --metric M [--goal maximize|minimize] [--model M] [--where EXPR] [--format json|table]'],
  options: {
    metric: { type: 'string', value: 'M', required: true, description: 'the metric, e.g. roc_auc' },
    goal: { type: 'choice', choices: ['maximize', 'minimize'], description: 'default: maximize, or minimize for a loss or error' },
    format: { type: 'choice', choices: ['table', 'json'], default: 'table', description: 'the output' },
    ...filterOptions,
  },
  text: `${WHERE_TEXT}\n\n${RUN_STORE_TEXT}\n\nExit codes: 0 ok, 1 no ok run has the metric, 2 bad usage or a bad filter.`,
  examples: ['mlops runs best --metric roc_auc --where "sweep.id = \'sw-3f2a9c0b1d4e\'"'],
  async run(values, io) {
    return withRuns(values, io, async (location) => {
      const runs = await filtered(location, values);
      const goal = values.goal ?? (higherIsBetter(values.metric) ? 'maximize' : 'minimize');
      const [winner] = sortRuns(
        runs.filter((r) => r.status === 'ok'),
        [{ key: { scope: 'metrics', name: values.metric }, descending: goal === 'maximize' }],
      );
      if (!winner || winner.metrics[values.metric] === undefined) {
        io.stderr.write(`no ok run with metrics.${values.metric} among ${runs.length} matching runs in ${location.description}\n`);
        return 1;
      }
      return showRun(winner, values.format, io);
    });
  },
});

const importCommand = defineCommand({
  name: 'runs import',
  summary: "copy a runs folder (e.g. sweep trial jobs' records) into the store.",
  usage: ['mlops runs import DIR [--runs-dir DIR | --remote URL]'],
  positionals: [{ name: 'DIR', description: 'a folder of <yyyy-mm>/<id>.json records' }],
  options: { ...runStoreOptions },
  text: `Runs already in the store are left as they are (a run is never rewritten).\n\n${RUN_STORE_TEXT}`,
  async run(values, io, positionals) {
    expectArguments('import', positionals, 1, 'DIR');
    return withRuns(values, io, async (location) => {
      const runs = await listRuns({ dir: positionals[0] });
      const written = await importRuns(location.target(io.now), runs);
      io.stderr.write(
        `imported ${written.length} of ${runs.length} runs from ${positionals[0]} into ${location.description}${runs.length > written.length ? ` (${runs.length - written.length} already there)` : ''}\n`,
      );
      return 0;
    });
  },
});

const SUBCOMMANDS = [list, show, diff, best, importCommand];

export const runsCommand: Command = {
  name: 'runs',
  help: `mlops runs: search, show and compare training runs (every mlops train records one).

Usage:
${SUBCOMMANDS.flatMap((c) => c.spec.usage.map((u) => `  ${u}`)).join('\n')}

Run \`mlops runs SUB --help\` for a sub-command's options.
`,
  subcommands: SUBCOMMANDS,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const command = SUBCOMMANDS.find((c) => c.name === `runs ${sub}`);
    if (!command) {
      throw new MlopsError(
        `${sub ? `unknown subcommand "${sub}"` : 'missing subcommand'}: use one of ${SUBCOMMANDS.map((c) => c.name.slice(5)).join(', ')} (see mlops runs --help)`,
      );
    }
    return command.run(sub === 'list' ? attachDescending(rest) : rest, io);
  },
};

type StoreValues = Parameters<typeof openRunStore>[0];

async function withRuns(values: StoreValues, io: CliIO, body: (location: RunLocation) => Promise<number>): Promise<number> {
  const location = await openRunStore(values, io);
  try {
    return await body(location);
  } finally {
    await location.close();
  }
}

async function filtered(location: RunLocation, values: { model?: string; where?: string }): Promise<RunRecord[]> {
  const filter = values.where === undefined ? null : whereOption(values.where);
  return (await listRuns(location.source)).filter((r) => (values.model === undefined || r.model === values.model) && (filter === null || matches(filter, r)));
}

async function mustFind(location: RunLocation, id: string): Promise<RunRecord> {
  const run = await findRun(location.source, id);
  if (!run) throw new MlopsError(`no run ${id} in ${location.description}`, { exitCode: 1 });
  return run;
}

function expectArguments(sub: string, positionals: string[], expected: number, names: string): void {
  if (positionals.length !== expected) {
    throw new MlopsError(
      `mlops runs ${sub} takes ${expected} argument${expected === 1 ? '' : 's'} (${names}), got ${positionals.length} (see mlops runs --help)`,
    );
  }
}

/**
 * `--sort -metrics.roc_auc` as MLflow users write it: parseArgs would read the leading dash as
 * a flag, so a --sort value that starts with one dash is attached to its flag first.
 */
function attachDescending(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sort' && /^-[^-]/.test(argv[i + 1] ?? '')) out.push(`--sort=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** --where errors keep the column and say which flag they came from. */
function whereOption(text: string) {
  try {
    return parseFilter(text);
  } catch (err) {
    if (err instanceof MlopsError) throw new MlopsError(`--where: ${err.message}`);
    throw err;
  }
}

function sortOption(terms: string[]) {
  try {
    return parseSort(terms);
  } catch (err) {
    if (err instanceof MlopsError) throw new MlopsError(`--sort: ${err.message}`);
    throw err;
  }
}

function columnKey(text: string): Key {
  try {
    return parseSort([text])[0].key;
  } catch (err) {
    if (err instanceof MlopsError) throw new MlopsError(`--columns: ${err.message}`);
    throw err;
  }
}

type Cell = string | number | boolean | null | undefined;

function valueOf(run: RunRecord, key: Key): Cell {
  if (key.scope === 'metrics' || key.scope === 'params' || key.scope === 'tags') return run[key.scope][key.name];
  const path = key.name.split('.');
  let node: unknown = run;
  for (const part of path) node = node === undefined || node === null ? undefined : (node as Record<string, unknown>)[part];
  return node as Cell;
}

/** The listing's columns: the run, then the sort keys and --columns, then every metric not shown yet. */
function listing(runs: RunRecord[], format: 'table' | 'json' | 'csv' | 'markdown', keys: Key[]): string {
  if (format === 'json') return JSON.stringify(runs, null, 2) + '\n';
  const shown = new Set(['id', 'model', 'status', 'started_at']);
  const columns: Key[] = [];
  for (const key of [...keys, ...[...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort().map((name) => ({ scope: 'metrics' as const, name }))]) {
    const text = keyText(key);
    if (shown.has(text)) continue;
    shown.add(text);
    columns.push(key);
  }
  const base: Key[] = ['id', 'model', 'status', 'started_at'].map((name) => ({ scope: 'field', name }));
  const header = [...base, ...columns].map(keyText);
  const rows = runs.map((r) => [...base, ...columns].map((k) => valueOf(r, k)));
  if (format === 'csv') return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
  const sweep = runs.some((r) => r.sweep);
  const display = rows.map((row, i) => [...row.map(displayCell), ...(sweep ? [runs[i].sweep ? `${runs[i].sweep!.id}#${runs[i].sweep!.trial}` : ''] : [])]);
  const head = [...header, ...(sweep ? ['sweep'] : [])];
  if (format === 'markdown')
    return (
      markdownTable(
        head,
        display,
        head.map((_, i) => (isNumeric(display, i) ? 'r' : 'l')),
      ) + '\n'
    );
  return textTable(head, display) + `\n${runs.length} run${runs.length === 1 ? '' : 's'}\n`;
}

function displayCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const isNumeric = (rows: string[][], i: number) =>
  rows.length > 0 && rows.some((r) => r[i] !== '') && rows.every((r) => r[i] === '' || /^[-+−]?[\d,.≈ ]+$/.test(r[i]));

/** Columns padded to their widest cell; numbers right-aligned. */
function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = header.map((_, i) => isNumeric(rows, i));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function showRun(run: RunRecord, format: 'table' | 'json', io: CliIO): number {
  if (format === 'json') {
    io.stdout.write(JSON.stringify(run, null, 2) + '\n');
    return 0;
  }
  const fields: [string, Cell][] = [
    ['id', run.id],
    ['model', run.model],
    ['status', run.status],
    ['error', run.error],
    ['started_at', run.started_at],
    ['duration', `${(run.duration_ms / 1000).toFixed(1)} s`],
    ['sweep', run.sweep ? `${run.sweep.id} trial ${run.sweep.trial}` : undefined],
    ['data', run.data_fingerprint],
    ['commit', run.source.commit],
    ['ref', run.source.ref],
    ['pr', run.source.pr],
    ['workflow run', run.source.workflow_run_url],
    ['runner', run.environment.runner],
    ['backend', run.environment.backend],
    ['gpu', run.environment.gpu],
    ['artifact', run.artifact ? (run.artifact.name ?? run.artifact.path) : undefined],
    ['registered as', run.registered_as],
  ];
  const section = (title: string, entries: [string, Cell][]) =>
    entries.length === 0 ? [] : ['', title, ...entries.map(([k, v]) => `  ${k}: ${displayCell(v)}`)];
  const lines = [
    ...fields.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${displayCell(v)}`),
    ...section('metrics', Object.entries(run.metrics).sort()),
    ...section('params', Object.entries(run.params).sort()),
    ...section('tags', Object.entries(run.tags).sort()),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function diffRuns(a: RunRecord, b: RunRecord, format: 'table' | 'markdown' | 'json', all: boolean, io: CliIO): number {
  const rows: { key: string; a: Cell; b: Cell; differs: boolean }[] = [];
  const add = (prefix: string, x: Record<string, Cell>, y: Record<string, Cell>, everything: boolean) => {
    for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      const differs = JSON.stringify(x[k] ?? null) !== JSON.stringify(y[k] ?? null);
      if (differs || everything) rows.push({ key: `${prefix}.${k}`, a: x[k], b: y[k], differs });
    }
  };
  add('metrics', a.metrics, b.metrics, true);
  add('params', a.params, b.params, all);
  add('tags', a.tags, b.tags, all);
  for (const key of ['status', 'model', 'data_fingerprint'] as const) {
    if (a[key] !== b[key] || all) rows.push({ key, a: a[key], b: b[key], differs: a[key] !== b[key] });
  }
  if (format === 'json') {
    io.stdout.write(
      JSON.stringify({ a: a.id, b: b.id, rows: rows.map((r) => ({ key: r.key, a: r.a ?? null, b: r.b ?? null, differs: r.differs })) }, null, 2) + '\n',
    );
    return 0;
  }
  const delta = (r: (typeof rows)[number]) => (typeof r.a === 'number' && typeof r.b === 'number' && r.key.startsWith('metrics.') ? signed(r.b - r.a) : '');
  const cells = rows.map((r) => [r.differs ? '≠' : '', r.key, displayCell(r.a), displayCell(r.b), delta(r)]);
  const header = ['', 'key', a.id, b.id, 'B − A'];
  io.stdout.write(format === 'markdown' ? markdownTable(header, cells) + '\n' : textTable(header, cells) + '\n');
  return 0;
}

const signed = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + formatNumber(Math.abs(x));
