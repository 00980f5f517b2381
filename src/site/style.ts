/** The site's one stylesheet, inlined in every page (no external requests, works from file://). */
export const CSS = `
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
