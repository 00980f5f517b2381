import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  registryStoreOptions
} from "./cli-chunk-TD7EJ6WJ.js";
import {
  DEFAULT_RUNS_DIR,
  listRuns
} from "./cli-chunk-UPNMAWZZ.js";
import "./cli-chunk-2MBF7UTT.js";
import "./cli-chunk-MTDV4XRP.js";
import "./cli-chunk-7HLGH3GS.js";
import "./cli-chunk-66UXXLKX.js";
import {
  ModelIndexSchema,
  VersionMetadataSchema,
  openStore,
  parseStored,
  paths,
  readConfig,
  readHistory,
  versionLabel
} from "./cli-chunk-BWLW4W5B.js";
import "./cli-chunk-GO65PKX3.js";
import "./cli-chunk-BXEWGB6B.js";
import "./cli-chunk-WKPB2DLF.js";
import "./cli-chunk-S6V5JK25.js";
import "./cli-chunk-X2GB25J3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import "./cli-chunk-6HQVLVXU.js";
import "./cli-chunk-5E2F2P2C.js";
import {
  beginAtomicDir
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import "./cli-chunk-SRRUYVY4.js";
import "./cli-chunk-PPRUUPOP.js";
import {
  MlopsError,
  SettingError,
  fileError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/site.ts
import { resolve as resolve2 } from "node:path";

// src/site/load.ts
async function loadRegistry(snapshot) {
  if (snapshot.commit === null) return { commit: null, config: null, models: [] };
  const config = await readConfig(snapshot);
  const names = await snapshot.listDir(paths.modelsDir);
  const models = [];
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
      return parseStored(VersionMetadataSchema, metas[i].toString(), file);
    });
    const cards = await snapshot.readFiles(metadata.map((m) => `${paths.versionDir(name, m.version)}/${m.card}`));
    const withData = metadata.filter((m) => m.data_card);
    const dataCards = new Map(
      (await snapshot.readFiles(withData.map((m) => `${paths.versionDir(name, m.version)}/${m.data_card}`))).map((b, i) => [
        withData[i].version,
        b?.toString()
      ])
    );
    models.push({
      index,
      versions: metadata.map((m, i) => ({
        metadata: m,
        card: cards[i]?.toString() ?? "",
        ...dataCards.get(m.version) ? { dataCard: dataCards.get(m.version) } : {}
      })),
      events: await readHistory(snapshot, name)
    });
  }
  return { commit: snapshot.commit, config, models };
}
function mergeRuns(...sources) {
  const byId = /* @__PURE__ */ new Map();
  for (const list of sources) for (const run of list) if (!byId.has(run.id)) byId.set(run.id, run);
  return [...byId.values()].sort((a, b) => a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

// src/site/render.ts
import { createHash } from "node:crypto";
import { posix } from "node:path";

// src/site/html.ts
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function jsonScript(id, value) {
  const json = JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `<script type="application/json" id="${esc(id)}">${json}</script>`;
}
function externalLink(url, label) {
  if (!url) return "";
  return /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" rel="noopener">${esc(label ?? url)}</a>` : esc(label ?? url);
}
function formatValue(value) {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (value === null || value === void 0) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
function table(columns, rows, attrs = "") {
  if (rows.length === 0) return '<p class="empty">None.</p>';
  const head = columns.map((c) => `<th${c.numeric ? ' class="num"' : ""}>${esc(c.label)}</th>`).join("");
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ""}>${c.cell(r)}</td>`).join("")}</tr>`).join("\n");
  return `<table${attrs}><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>`;
}
function facts(rows) {
  const shown = rows.filter(([, v]) => v !== "");
  if (shown.length === 0) return '<p class="empty">Not recorded.</p>';
  return `<table class="facts"><tbody>${shown.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join("")}</tbody></table>`;
}
var code = (value) => value === void 0 || value === null || value === "" ? "" : `<code>${esc(value)}</code>`;

// src/site/chart.ts
var W = 320;
var H = 160;
var PAD = { left: 48, right: 12, top: 24, bottom: 28 };
function lineChart(title, points) {
  const values = points.map((p) => p.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.05 || 1;
    lo -= pad;
    hi += pad;
  } else {
    const pad = (hi - lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (points.length === 1 ? plotW / 2 : i * plotW / (points.length - 1));
  const y = (v) => PAD.top + plotH - (v - lo) / (hi - lo) * plotH;
  const r = (n) => n.toFixed(1);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${r(x(i))},${r(y(p.value))}`).join(" ");
  const ticks = [lo, (lo + hi) / 2, hi];
  const parts = [
    `<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" aria-label="${esc(title)} across versions">`,
    `<text x="${PAD.left}" y="14" class="chart-title">${esc(title)}</text>`,
    ...ticks.map(
      (t) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${r(y(t))}" y2="${r(y(t))}" class="grid"/><text x="${PAD.left - 4}" y="${r(y(t) + 4)}" text-anchor="end" class="tick">${esc(formatValue(t))}</text>`
    ),
    `<path d="${path}" class="line" fill="none"/>`,
    ...points.map(
      (p, i) => `<circle cx="${r(x(i))}" cy="${r(y(p.value))}" r="3.5" class="point" data-value="${esc(p.value)}"><title>${esc(p.label)}: ${esc(formatValue(p.value))}</title></circle><text x="${r(x(i))}" y="${H - 8}" text-anchor="middle" class="tick">${esc(p.label)}</text>`
    ),
    "</svg>"
  ];
  return parts.join("");
}

// src/site/client.ts
function runsTableClient(doc) {
  const dataEl = doc.getElementById("runs-data");
  const tbody = doc.getElementById("runs-body");
  const filter = doc.getElementById("runs-filter");
  const count = doc.getElementById("runs-count");
  if (!dataEl || !tbody || !filter || !count) return;
  const data = JSON.parse(dataEl.textContent ?? "{}");
  const rows = Array.from(tbody.querySelectorAll("tr[data-row]"));
  const valueOf = (tr, key) => data.rows[Number(tr.getAttribute("data-row"))].values[key];
  let sortKey = "";
  let descending = false;
  const compare = (a, b) => {
    const x = valueOf(a, sortKey);
    const y = valueOf(b, sortKey);
    const missingX = x === null || x === void 0 || x === "";
    const missingY = y === null || y === void 0 || y === "";
    if (missingX || missingY) return missingX === missingY ? 0 : missingX ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  };
  const headers = Array.from(doc.getElementById("runs-table")?.querySelectorAll("th[data-key]") ?? []);
  const sortOn = (th) => {
    const key = th.getAttribute("data-key") ?? "";
    descending = key === sortKey ? !descending : th.getAttribute("data-numeric") === "true";
    sortKey = key;
    for (const other of headers) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    for (const tr of rows.slice().sort(compare)) tbody.appendChild(tr);
  };
  for (const th of headers) {
    th.addEventListener("click", () => sortOn(th));
    th.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      sortOn(th);
    });
  }
  const matches = (tr, term) => {
    const m = /^([\w.-]+)(>=|<=|!=|=|>|<)(.*)$/.exec(term);
    if (!m) return data.rows[Number(tr.getAttribute("data-row"))].text.includes(term.toLowerCase());
    const [, key, op, wanted] = m;
    const value = valueOf(tr, key);
    if (value === null || value === void 0) return op === "!=";
    const number = Number(wanted);
    const numeric = typeof value === "number" && wanted.trim() !== "" && Number.isFinite(number);
    if (op === "=" || op === "!=") return (numeric ? value === number : String(value) === wanted) === (op === "=");
    if (!numeric) return false;
    const v = value;
    return op === ">" ? v > number : op === "<" ? v < number : op === ">=" ? v >= number : v <= number;
  };
  const apply = () => {
    const terms = filter.value.trim().split(/\s+/).filter((t) => t !== "");
    let shown = 0;
    for (const tr of rows) {
      tr.hidden = !terms.every((t) => matches(tr, t));
      if (!tr.hidden) shown++;
    }
    count.textContent = `${shown} of ${rows.length} runs`;
  };
  filter.addEventListener("input", apply);
  apply();
}
function clientSource(fn) {
  return `(function () { var __name = function (f) { return f; }; (${fn.toString()})(document); })();`;
}

// src/site/markdown.ts
function markdownToHtml(markdown) {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++;
      out.push(`<pre><code>${esc(body.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(heading[1].length + 1, 6);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (isTableRow(line) && i + 1 < lines.length && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(lines[i + 1])) {
      const align = cells(lines[i + 1]).map((c) => c.endsWith(":") ? c.startsWith(":") ? "center" : "right" : "");
      const row = (text, tag) => `<tr>${cells(text).map((c, k) => `<${tag}${align[k] ? ` style="text-align:${align[k]}"` : ""}>${inline(c)}</${tag}>`).join("")}</tr>`;
      const head = row(line, "th");
      const body = [];
      i += 2;
      while (i < lines.length && isTableRow(lines[i])) body.push(row(lines[i++], "td"));
      out.push(`<table><thead>${head}</thead><tbody>${body.join("")}</tbody></table>`);
      continue;
    }
    if (/^\s*[-*+]\s+/.test(line)) {
      const items = [];
      while (i < lines.length && /^\s*[-*+]\s+/.test(lines[i])) items.push(`<li>${inline(lines[i++].replace(/^\s*[-*+]\s+/, ""))}</li>`);
      out.push(`<ul>${items.join("")}</ul>`);
      continue;
    }
    const para = [];
    while (i < lines.length && lines[i].trim() !== "" && !/^(#{1,6}\s|\s*```|\s*~~~|\s*[-*+]\s)/.test(lines[i]) && !isTableRow(lines[i]))
      para.push(lines[i++].trim());
    if (para.length === 0) para.push(lines[i++].trim());
    out.push(`<p>${inline(para.join(" "))}</p>`);
  }
  return out.join("\n");
}
function isTableRow(line) {
  return /^\s*\|.*\|\s*$/.test(line);
}
function cells(line) {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
}
function inline(text) {
  return text.split(/(`[^`]*`)/).map((part) => {
    if (/^`[^`]*`$/.test(part)) return `<code>${esc(part.slice(1, -1))}</code>`;
    return esc(part).replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1").replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:!?])/g, "$1<em>$2</em>").replace(/(^|[\s(])\*([^*]+)\*(?=$|[\s).,;:!?])/g, "$1<em>$2</em>");
  }).join("");
}

// src/site/style.ts
var CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --alt: #f6f8fa; --accent: #0969da; --bad: #cf222e; --good: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --alt: #151b23; --accent: #4493f8; --bad: #f85149; --good: #3fb950; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
header { border-bottom: 1px solid var(--line); padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header a.home { font-weight: 600; font-size: 16px; }
main { padding: 16px 24px 48px; max-width: 1200px; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
h1 { font-size: 24px; margin: 8px 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3, h4, h5, h6 { font-size: 15px; margin: 20px 0 6px; }
.meta, .empty { color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; white-space: nowrap; }
td.wrap { white-space: normal; }
tbody tr:nth-child(2n) { background: var(--alt); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.facts th { font-weight: 600; color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 90%; background: var(--alt); padding: 1px 4px; border-radius: 4px; }
pre { background: var(--alt); padding: 8px 12px; overflow-x: auto; }
.stage { display: inline-block; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; margin-right: 4px; font-size: 12px; }
.stage-production { border-color: var(--good); color: var(--good); }
.status-failed, .deprecated { color: var(--bad); } .status-ok { color: var(--good); }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
svg.chart { border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
svg.chart .line { stroke: var(--accent); stroke-width: 2; } svg.chart .point { fill: var(--accent); }
svg.chart .grid { stroke: var(--line); } svg.chart text { fill: var(--muted); font-size: 10px; } svg.chart .chart-title { fill: var(--fg); font-size: 12px; font-weight: 600; }
#runs-table th[data-key] { cursor: pointer; user-select: none; }
#runs-table th[aria-sort="ascending"]::after { content: " \\25B2"; } #runs-table th[aria-sort="descending"]::after { content: " \\25BC"; }
.filter { display: flex; gap: 12px; align-items: center; margin: 8px 0; }
.filter input { width: 420px; max-width: 100%; padding: 4px 8px; font: inherit; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 6px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 0 16px 8px; }
`;

// src/site/render.ts
var MAX_CHARTS = 12;
var MAX_METRIC_COLUMNS = 8;
var MAX_PARAM_COLUMNS = 12;
var pagePaths = {
  index: "index.html",
  runs: "runs/index.html",
  run: (id) => `runs/${id}.html`,
  model: (name) => `models/${name}/index.html`,
  version: (name, version) => `models/${name}/${versionLabel(version)}.html`
};
function renderSite(input) {
  const pages = /* @__PURE__ */ new Map();
  const page = (path, title, body, script = "") => pages.set(path, layout(input, path, title, body, script));
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
  page(pagePaths.runs, "Runs", runsTable, clientSource(runsTableClient));
  for (const run of input.runs) page(pagePaths.run(run.id), `Run ${run.id}`, runBody(run, input.registry, pagePaths.run(run.id)));
  return pages;
}
function href(from, to) {
  return posix.relative(posix.dirname(from), to);
}
function layout(input, path, title, body, script) {
  const scriptSrc = script ? `'sha256-${createHash("sha256").update(script).digest("base64")}'` : "'none'";
  const built = input.registry.commit ? `registry commit <code>${esc(input.registry.commit.slice(0, 12))}</code>` : "no registry branch yet";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptSrc}; img-src data:">
<title>${esc(title === input.title ? title : `${title} \xB7 ${input.title}`)}</title><style>${CSS}</style></head>
<body><header><a class="home" href="${href(path, pagePaths.index)}">${esc(input.title)}</a><a href="${href(path, pagePaths.index)}#models">Models</a><a href="${href(path, pagePaths.runs)}">Runs</a>
<span class="meta">Built ${when(input.generatedAt.toISOString())} from ${built}</span></header>
<main>
${body}
</main>${script ? `<script>${script}</script>` : ""}</body></html>
`;
}
var stageBadges = (stages) => stages.map((s) => `<span class="stage stage-${esc(s)}">${esc(s)}</span>`).join("");
var short = (sha) => sha ? code(sha.slice(0, 12)) : "";
var when = (iso) => esc(iso ? iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "");
function stagesOf(model, version) {
  return Object.entries(model.index.stages).filter(([, p]) => p.version === version).map(([s]) => s).sort();
}
function metricNames(records) {
  const names = /* @__PURE__ */ new Set();
  for (const r of records) for (const k of Object.keys(r.metrics)) names.add(k);
  return [...names];
}
function indexBody(input, from) {
  const models = input.registry.models;
  const lastEvent = (m) => m.events.at(-1)?.at;
  const columns = [
    { label: "model", cell: (m) => `<a href="${href(from, pagePaths.model(m.index.name))}">${esc(m.index.name)}</a>` },
    {
      label: "latest",
      cell: (m) => m.index.latest_version ? `<a href="${href(from, pagePaths.version(m.index.name, m.index.latest_version))}">${versionLabel(m.index.latest_version)}</a>` : ""
    },
    {
      label: "stages",
      cell: (m) => Object.entries(m.index.stages).sort(([a], [b]) => a.localeCompare(b)).map(([s, p]) => `${stageBadges([s])}<a href="${href(from, pagePaths.version(m.index.name, p.version))}">${versionLabel(p.version)}</a>`).join(" ")
    },
    { label: "versions", cell: (m) => String(m.versions.length), numeric: true },
    { label: "runs", cell: (m) => String(input.runs.filter((r) => r.model === m.index.name).length), numeric: true },
    { label: "last change", cell: (m) => when(lastEvent(m)) }
  ];
  const recent = input.runs.slice(0, 10);
  return `<h1>${esc(input.title)}</h1>
<p class="meta">${models.length} model${models.length === 1 ? "" : "s"}, ${input.runs.length} run${input.runs.length === 1 ? "" : "s"}.</p>
<h2 id="models">Models</h2>
${models.length ? table(columns, models, ' id="models-table"') : '<p class="empty">No models registered yet: <code>mlops registry register NAME --model FILE</code>.</p>'}
<h2>Recent runs</h2>
${runsSummary(recent, from)}
${input.runs.length > recent.length ? `<p><a href="${href(from, pagePaths.runs)}">All ${input.runs.length} runs</a></p>` : ""}`;
}
function runsSummary(runs, from) {
  const metrics = metricNames(runs).slice(0, MAX_METRIC_COLUMNS);
  return table(
    [
      { label: "run", cell: (r) => `<a href="${href(from, pagePaths.run(r.id))}">${esc(r.id)}</a>` },
      { label: "model", cell: (r) => esc(r.model) },
      { label: "status", cell: (r) => `<span class="status-${esc(r.status)}">${esc(r.status)}</span>` },
      { label: "started", cell: (r) => when(r.started_at) },
      ...metrics.map((k) => ({ label: k, cell: (r) => esc(formatValue(r.metrics[k])), numeric: true }))
    ],
    runs
  );
}
function modelBody(model, runs, from) {
  const name = model.index.name;
  const link = (v) => `<a href="${href(from, pagePaths.version(name, v))}">${versionLabel(v)}</a>`;
  const stages = Object.entries(model.index.stages).sort(([a], [b]) => a.localeCompare(b));
  const metas = model.versions.map((v) => v.metadata);
  const metrics = metricNames(metas);
  const charts = metrics.slice(0, MAX_CHARTS).map((k) => {
    const points = metas.filter((m) => typeof m.metrics[k] === "number").map((m) => ({ label: versionLabel(m.version), value: m.metrics[k] }));
    return points.length ? lineChart(k, points) : "";
  }).join("");
  const versionColumns = [
    { label: "version", cell: (m) => link(m.version) },
    { label: "registered", cell: (m) => when(m.created_at) },
    { label: "by", cell: (m) => esc(m.actor) },
    {
      label: "stages",
      cell: (m) => stageBadges(stagesOf(model, m.version)) + (model.index.deprecated[String(m.version)] ? '<span class="deprecated">deprecated</span>' : "")
    },
    { label: "commit", cell: (m) => short(m.source.commit) },
    { label: "data", cell: (m) => short(m.data.fingerprint?.replace(/^sha256:/, "")) },
    ...metrics.slice(0, MAX_METRIC_COLUMNS).map((k) => ({ label: k, cell: (m) => esc(formatValue(m.metrics[k])), numeric: true }))
  ];
  return `<h1>${esc(name)}</h1>
<p class="meta">${model.versions.length} version${model.versions.length === 1 ? "" : "s"}, ${model.index.events} event${model.index.events === 1 ? "" : "s"} in the audit log.</p>
<h2>Stages</h2>
${table(
    [
      { label: "stage", cell: ([s]) => stageBadges([s]) },
      { label: "version", cell: ([, p]) => link(p.version) },
      { label: "since", cell: ([, p]) => when(p.since) },
      { label: "earlier holders (oldest first)", cell: ([, p]) => p.history.map(link).join(", ") }
    ],
    stages,
    ' id="stages-table"'
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
function eventsTable(events, name, from) {
  const link = (v) => v === void 0 ? "" : `<a href="${href(from, pagePaths.version(name, v))}">${versionLabel(v)}</a>`;
  return table(
    [
      { label: "#", cell: (e) => String(e.seq), numeric: true },
      { label: "at", cell: (e) => when(e.at) },
      { label: "event", cell: (e) => esc(e.type) },
      { label: "version", cell: (e) => link(e.version) },
      { label: "stage", cell: (e) => e.stage ? stageBadges([e.stage]) : "" },
      { label: "previous", cell: (e) => link(e.previous) },
      { label: "by", cell: (e) => esc(e.actor) },
      { label: "reason", cell: (e) => esc(e.reason ?? e.image ?? "") },
      { label: "run", cell: (e) => externalLink(e.run_url, e.run_id ?? "run") || esc(e.run_id ?? "") }
    ],
    [...events].reverse(),
    ' id="events-table"'
  );
}
function runsOfVersion(runs, meta) {
  const label = versionLabel(meta.version);
  return runs.filter((r) => r.registered_as === label || r.registered_as === `${meta.name}@${label}`);
}
function valueTable(record, id) {
  return table(
    [
      { label: "name", cell: ([k]) => esc(k) },
      { label: "value", cell: ([, v]) => esc(formatValue(v)) }
    ],
    Object.entries(record).sort(([a], [b]) => a.localeCompare(b)),
    ` id="${id}"`
  );
}
function versionBody(model, v, runs, from) {
  const m = v.metadata;
  const name = model.index.name;
  const deprecated = model.index.deprecated[String(m.version)];
  const s = m.source;
  const lineage = m.lineage;
  const env = lineage?.environment;
  const images = model.index.images?.[String(m.version)] ?? [];
  return `<p><a href="${href(from, pagePaths.model(name))}">${esc(name)}</a></p>
<h1>${esc(name)} ${versionLabel(m.version)}</h1>
<p class="meta">Registered ${when(m.created_at)} by ${esc(m.actor)}. ${stageBadges(stagesOf(model, m.version))}${deprecated ? ` <span class="deprecated">deprecated ${when(deprecated.at)} by ${esc(deprecated.actor)}${deprecated.reason ? `: ${esc(deprecated.reason)}` : ""}</span>` : ""}</p>
${m.description ? `<p>${esc(m.description)}</p>` : ""}
<h2>Lineage</h2>
${facts([
    ["repository", esc(s.repository)],
    ["commit", code(s.commit)],
    ["ref", esc(s.ref)],
    ["workflow", esc(s.workflow)],
    ["run", externalLink(s.run_url, s.run_url) || esc(s.run_id)],
    ["actor", esc(s.actor)],
    ["data fingerprint", code(m.data.fingerprint)],
    ["rows", m.data.rows === void 0 ? "" : esc(m.data.rows)],
    [
      "trained",
      lineage ? `${when(lineage.started_at)} in ${esc(formatValue(lineage.duration_s))} s${lineage.seed === void 0 ? "" : `, seed ${esc(lineage.seed)}`}` : ""
    ],
    [
      "environment",
      env ? esc(
        `${env.os}/${env.arch}, ${env.cpus} CPUs, node ${env.node}${env.backend ? `, ${env.backend}` : ""}${env.gpu?.length ? `, ${env.gpu.map((g) => g.name).join(", ")}` : ""}`
      ) : ""
    ],
    ["runs", runs.map((r) => `<a href="${href(from, pagePaths.run(r.id))}">${esc(r.id)}</a>`).join(", ")]
  ])}
${lineage?.data.files.length ? table(
    [
      { label: "training file", cell: (f) => code(f.path) },
      { label: "bytes", cell: (f) => esc(f.bytes), numeric: true },
      { label: "sha256", cell: (f) => code(f.sha256) }
    ],
    lineage.data.files,
    ' id="data-files"'
  ) : ""}
<h2>Parameters</h2>
${valueTable(m.params, "params-table")}
<h2>Metrics</h2>
${valueTable(m.metrics, "metrics-table")}
<h2>Model</h2>
${facts([
    ["file", code(m.model.file)],
    ["format", esc(m.model.format)],
    ["framework", esc(m.model.framework)],
    ["size", `${esc(m.model.size_bytes)} bytes`],
    ["sha256", code(m.model.sha256)],
    ["stored", m.model.storage.kind === "inline" ? "in the registry branch" : externalLink(m.model.storage.url)],
    ["inputs", esc((m.model.signature?.inputs ?? []).map((t) => `${t.name} ${t.type} [${t.shape.join(", ")}]`).join("; "))],
    ["outputs", esc((m.model.signature?.outputs ?? []).map((t) => `${t.name} ${t.type} [${t.shape.join(", ")}]`).join("; "))],
    ["images", images.map((i) => code(`${i.image}@${i.digest}`)).join("<br>")]
  ])}
<h2>Model card</h2>
<div class="card" id="model-card">${v.card ? markdownToHtml(v.card) : '<p class="empty">No model card stored.</p>'}</div>
${v.dataCard ? `<h2>Data card</h2>
<div class="card" id="data-card">${markdownToHtml(v.dataCard)}</div>` : ""}`;
}
function runColumns(runs) {
  const paramCounts = /* @__PURE__ */ new Map();
  for (const r of runs) for (const k of Object.keys(r.params)) paramCounts.set(k, (paramCounts.get(k) ?? 0) + 1);
  const params = [...paramCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_PARAM_COLUMNS).map(([k]) => k);
  return [
    { key: "id", label: "run", numeric: false },
    { key: "model", label: "model", numeric: false },
    { key: "status", label: "status", numeric: false },
    { key: "started_at", label: "started", numeric: false },
    { key: "duration_s", label: "duration s", numeric: true },
    { key: "sweep", label: "sweep", numeric: false },
    ...metricNames(runs).map((k) => ({ key: `metrics.${k}`, label: k, numeric: true })),
    ...params.map((k) => ({ key: `params.${k}`, label: k, numeric: runs.some((r) => typeof r.params[k] === "number") }))
  ];
}
function runValues(run) {
  return {
    id: run.id,
    model: run.model,
    status: run.status,
    started_at: run.started_at,
    duration_s: Math.round(run.duration_ms) / 1e3,
    sweep: run.sweep ? `${run.sweep.id}#${run.sweep.trial}` : null,
    "source.ref": run.source.ref ?? null,
    "source.commit": run.source.commit ?? null,
    registered_as: run.registered_as ?? null,
    "environment.runner": run.environment.runner ?? null,
    "environment.backend": run.environment.backend ?? null,
    "environment.gpu": run.environment.gpu ?? null,
    error: run.error ?? null,
    ...Object.fromEntries(Object.entries(run.metrics).map(([k, v]) => [`metrics.${k}`, v])),
    ...Object.fromEntries(Object.entries(run.params).map(([k, v]) => [`params.${k}`, v])),
    ...Object.fromEntries(Object.entries(run.tags).map(([k, v]) => [`tags.${k}`, v]))
  };
}
function runsBody(runs, from) {
  const columns = runColumns(runs);
  const rows = runs.map((r) => {
    const values = runValues(r);
    return {
      values,
      text: Object.values(values).map((v) => String(v ?? "")).join(" ").toLowerCase()
    };
  });
  const data = { columns, rows };
  const cell = (run, key, value) => {
    if (key === "id") return `<a href="${href(from, pagePaths.run(run.id))}">${esc(run.id)}</a>`;
    if (key === "status") return `<span class="status-${esc(run.status)}">${esc(run.status)}</span>`;
    if (key === "started_at") return when(run.started_at);
    return esc(formatValue(value));
  };
  const head = columns.map(
    (c) => `<th data-key="${esc(c.key)}" data-numeric="${c.numeric}" aria-sort="none" tabindex="0"${c.numeric ? ' class="num"' : ""} title="${esc(c.key)}">${esc(c.label)}</th>`
  ).join("");
  const body = runs.map(
    (r, i) => `<tr data-row="${i}">${columns.map((c) => `<td${c.numeric ? ' class="num"' : ""}>${cell(r, c.key, rows[i].values[c.key])}</td>`).join("")}</tr>`
  ).join("\n");
  return `<h1>Runs</h1>
<p class="meta">Every training run recorded, registered or not. Click a column to sort; filter with words or comparisons such as <code>status=failed</code>, <code>metrics.roc_auc&gt;=0.8</code>, <code>params.seed=7</code> (all must hold).</p>
<div class="filter"><input id="runs-filter" type="search" placeholder="filter: text or metrics.NAME&gt;=0.8" aria-label="filter runs"><span id="runs-count" class="meta">${runs.length} runs</span></div>
${runs.length ? `<table id="runs-table"><thead><tr>${head}</tr></thead><tbody id="runs-body">
${body}
</tbody></table>` : '<p class="empty">No runs recorded yet: <code>mlops train</code> records one per training run.</p>'}
${jsonScript("runs-data", data)}`;
}
function runBody(run, registry, from) {
  const registered = run.registered_as ? /^(?:(.+)@)?v(\d+)$/.exec(run.registered_as) : null;
  const model = registry.models.find((m) => m.index.name === (registered?.[1] ?? run.model));
  const version = registered && model && Number(registered[2]) <= model.index.latest_version ? Number(registered[2]) : void 0;
  const artifact = run.artifact ? `${run.artifact.kind}${run.artifact.name ? ` ${run.artifact.name}` : ""}${run.artifact.path ? ` ${run.artifact.path}` : ""}` : "";
  return `<p><a href="${href(from, pagePaths.runs)}">Runs</a></p>
<h1>Run ${esc(run.id)}</h1>
<p class="meta"><span class="status-${esc(run.status)}">${esc(run.status)}</span> \xB7 ${esc(run.model)} \xB7 started ${when(run.started_at)} \xB7 ${esc(formatValue(run.duration_ms / 1e3))} s</p>
${run.error ? `<pre id="run-error">${esc(run.error)}</pre>` : ""}
${facts([
    ["model", model ? `<a href="${href(from, pagePaths.model(model.index.name))}">${esc(run.model)}</a>` : esc(run.model)],
    [
      "registered as",
      version !== void 0 && model ? `<a href="${href(from, pagePaths.version(model.index.name, version))}">${esc(run.registered_as)}</a>` : esc(run.registered_as)
    ],
    ["sweep", run.sweep ? esc(`${run.sweep.id}, trial ${run.sweep.trial}`) : ""],
    ["commit", code(run.source.commit)],
    ["ref", esc(run.source.ref)],
    ["pull request", run.source.pr === void 0 ? "" : esc(`#${run.source.pr}`)],
    ["workflow run", externalLink(run.source.workflow_run_url)],
    ["data fingerprint", code(run.data_fingerprint)],
    ["runner", esc(run.environment.runner)],
    ["backend", esc(run.environment.backend)],
    ["gpu", esc(run.environment.gpu)],
    ["artifact", esc(artifact)]
  ])}
<h2>Parameters</h2>
${valueTable(run.params, "params-table")}
<h2>Metrics</h2>
${valueTable(run.metrics, "metrics-table")}
${Object.keys(run.tags).length ? `<h2>Tags</h2>
${valueTable(run.tags, "tags-table")}` : ""}`;
}

// src/site/write.ts
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
var SITE_MARKER = ".mlops-site";
var SiteMarkerSchema = external_exports.object({
  schema_version: external_exports.literal(1),
  kind: external_exports.literal("mlops/site"),
  generated_at: external_exports.string(),
  registry_commit: external_exports.string().nullable()
});
async function isSite(dir) {
  try {
    return SiteMarkerSchema.safeParse(JSON.parse(await readFile(join(dir, SITE_MARKER), "utf8"))).success;
  } catch {
    return false;
  }
}
async function writeSite(dir, pages, marker, options) {
  const target = resolve(dir);
  let existing = false;
  try {
    const s = await stat(target);
    if (!s.isDirectory()) throw new SettingError("out", (name) => `${name("out")} ${dir} is a file, not a folder: choose another ${name("out")}`);
    existing = (await readdir(target)).length > 0;
  } catch (err) {
    if (err instanceof MlopsError) throw err;
    if (err.code !== "ENOENT") throw fileError(dir, err);
  }
  if (existing && !options.force && !await isSite(target)) {
    throw new SettingError(
      ["out", "force"],
      (name) => `${name("out")} ${dir} is not empty and was not written by mlops site (no ${SITE_MARKER}): choose another folder, or pass ${name("force")} to replace it`
    );
  }
  const staging = beginAtomicDir(target);
  try {
    for (const [path, html] of pages) {
      const file = join(staging.path, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, html);
    }
    await writeFile(join(staging.path, SITE_MARKER), JSON.stringify(marker, null, 2) + "\n");
  } catch (err) {
    await staging.abort();
    throw err instanceof MlopsError ? err : fileError(dir, err);
  }
  if (!existing) return staging.commit();
  const aside = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.old`);
  try {
    await rename(target, aside);
  } catch (err) {
    await staging.abort();
    throw fileError(dir, err);
  }
  try {
    await staging.commit();
  } catch (err) {
    await rename(aside, target).catch(() => void 0);
    throw err;
  }
  await rm(aside, { recursive: true, force: true });
}

// src/site/build.ts
async function buildSite(options) {
  const snapshot = await options.store.snapshot();
  const registry = await loadRegistry(snapshot);
  const runs = mergeRuns(options.runs, snapshot.commit === null ? [] : await listRuns({ snapshot }));
  const generatedAt = options.now();
  const pages = renderSite({ registry, runs, title: options.title, generatedAt });
  await writeSite(
    options.out,
    pages,
    { schema_version: 1, kind: "mlops/site", generated_at: generatedAt.toISOString(), registry_commit: registry.commit },
    { force: options.force }
  );
  return {
    pages: pages.size,
    models: registry.models.length,
    versions: registry.models.reduce((n, m) => n + m.versions.length, 0),
    runs: runs.length,
    commit: registry.commit
  };
}

// src/cli/commands/site.ts
var WHERE = "Where the registry lives";
var siteCommand = defineCommand({
  name: "site",
  summary: "write a static site of the registry and the runs (for GitHub Pages).",
  usage: [
    "mlops site --out DIR [--runs-dir DIR] [--title TEXT] [--force]",
    "           [--remote URL|PATH] [--branch NAME] [--backend git|github] [--repo OWNER/NAME]"
  ],
  options: {
    out: { type: "string", short: "o", value: "DIR", required: true, description: "where to write the site" },
    "runs-dir": {
      type: "string",
      value: "DIR",
      default: DEFAULT_RUNS_DIR,
      env: "MLOPS_RUNS_DIR",
      description: "also list the runs under DIR/<yyyy-mm>/<id>.json, where mlops train records them without a registry (none when DIR is absent)"
    },
    title: { type: "string", value: "TEXT", default: "Model registry", description: "the site's title" },
    force: { type: "boolean", description: "replace DIR even when it was not written by mlops site" },
    remote: { ...registryStoreOptions.remote, group: WHERE },
    branch: { ...registryStoreOptions.branch, group: WHERE },
    backend: { ...registryStoreOptions.backend, group: WHERE },
    repo: { ...registryStoreOptions.repo, group: WHERE },
    "api-url": { ...registryStoreOptions["api-url"], group: WHERE },
    cache: { ...registryStoreOptions.cache, group: WHERE }
  },
  text: `Reads one snapshot of the registry branch and renders plain HTML pages with relative links, so
the folder works opened from disk (file://) and served by GitHub Pages alike; nothing is
fetched from a server or a CDN:
  index.html               the models, their stages and the latest runs
  models/NAME/index.html   stages, metrics across versions (charts), versions, stage history
  models/NAME/vN.html      a version: lineage (commit, data fingerprint, training files),
                           params, metrics, model, and its model card
  runs/index.html          every run: click a header to sort, filter with text or
                           comparisons (status=failed metrics.roc_auc>=0.8 params.seed=7)
  runs/ID.html             one run
Runs come from the registry branch's runs/ folder and from --runs-dir (a run in both is listed once).

The site is written into a temporary folder beside DIR and then put in place in one step.
DIR is marked with a .mlops-site file; a DIR that is not empty and has no such mark is
refused unless --force (it may hold files of your own). docs/site.md deploys it with
ml-pages.yml.

A registry branch that does not exist yet gives a site saying so (exit 0). Exit 2 when the
registry cannot be read, a stored file or run record is corrupt (named), or DIR is refused.`,
  examples: ["mlops site --out _site", 'mlops site --out _site --remote ../churn.git --runs-dir .mlops/runs --title "Churn models"'],
  async run(values, io) {
    const out = resolve2(io.cwd, values.out);
    const runs = await listRuns({ dir: resolve2(io.cwd, values["runs-dir"]) });
    const store = await openStore({
      backend: values.backend,
      cwd: io.cwd,
      env: io.env,
      remote: values.remote,
      branch: values.branch,
      repo: values.repo,
      apiUrl: values["api-url"],
      cacheDir: values.cache
    });
    try {
      const result = await buildSite({ store, runs, out, title: values.title, force: values.force, now: io.now });
      const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
      io.stdout.write(
        `wrote ${result.pages} pages to ${out}: ${plural(result.models, "model")}, ${plural(result.versions, "version")}, ${plural(result.runs, "run")} (${result.commit ? `registry commit ${result.commit.slice(0, 12)}` : "no registry branch yet"})
`
      );
      return 0;
    } finally {
      await store.close();
    }
  }
});
export {
  siteCommand
};
