import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parse } from 'yaml';
import { createServer } from '../../src/serve/server.ts';
import type { ModelRunner } from '../../src/model/types.ts';
import { toyProbability, toyRunner } from '../serve/toy-runner.ts';
import { call, predict } from '../serve/http.ts';
import { parsePrometheus, type Sample } from '../serve/prometheus.ts';
import { metricNames, selectors } from './promql.ts';

const DIR = 'templates/monitoring';
const dashboard = JSON.parse(readFileSync(join(DIR, 'grafana/mlops-dashboard.json'), 'utf8'));
const alerts = parse(readFileSync(join(DIR, 'prometheus/alerts.yml'), 'utf8'));
const prometheus = parse(readFileSync(join(DIR, 'prometheus/prometheus.yml'), 'utf8'));
const compose = parse(readFileSync(join(DIR, 'compose.yml'), 'utf8'));

// Series Prometheus makes itself for every scrape target, not exported by the server.
const SCRAPE_SERIES = new Set(['up']);

const ROWS = [
  { age: 59, monthly_charges: 94.61, plan: 'premium', has_partner: true },
  { age: 18, monthly_charges: 33.7, plan: 'basic', has_partner: true },
  { age: 30, monthly_charges: 120, plan: 'standard', has_partner: false },
  { age: 70, monthly_charges: 20, plan: 'basic', has_partner: false },
];

async function scrape(runner: ModelRunner, requests: (url: string) => Promise<void>): Promise<{ samples: Sample[]; types: Record<string, string> }> {
  const handle = createServer({ runner, model: { name: 'churn', version: '3' } });
  const { url } = await handle.listen(0, '127.0.0.1');
  try {
    await requests(url);
    const reply = await call(`${url}/metrics`);
    assert.equal(reply.status, 200);
    return parsePrometheus(reply.text);
  } finally {
    await handle.close();
  }
}

const exported = scrape(toyRunner(), async (url) => {
  assert.equal((await predict(url, { instances: ROWS })).status, 200);
  assert.equal((await predict(url, { instances: [ROWS[0]] })).status, 200);
  assert.equal((await predict(url, { instances: [{ ...ROWS[0], plan: 'gold' }] })).status, 400);
});

function dashboardExprs(): { where: string; expr: string }[] {
  const panels = dashboard.panels.map((p: any) => p.targets.map((t: any) => ({ where: `panel "${p.title}" ${t.refId}`, expr: t.expr })));
  const variables = dashboard.templating.list
    .filter((v: any) => v.type === 'query')
    .map((v: any) => ({ where: `variable ${v.name}`, expr: v.query.query.replace(/^label_values\((.*),\s*\w+\)$/, '$1') }));
  return [...panels.flat(), ...variables];
}

function alertExprs(): { where: string; expr: string }[] {
  return alerts.groups.flatMap((g: any) => g.rules.map((r: any) => ({ where: `alert ${r.alert}`, expr: r.expr })));
}

/** The exported metric a queried series name belongs to: histogram series map to their base name. */
function exportedMetric(name: string, types: Record<string, string>): string | undefined {
  if (types[name] && types[name] !== 'histogram') return name;
  const m = /^(.*)_(bucket|sum|count)$/.exec(name);
  return m && types[m[1]] === 'histogram' ? m[1] : undefined;
}

test('the metric-name extractor finds metrics and skips functions, labels, keywords and variables', () => {
  const expr =
    'histogram_quantile(0.99, sum by (le, model_version) (rate(foo_seconds_bucket{route="/predict", status!~"2.."}[$__rate_interval]))) / ignoring(class) group_left sum(bar_total offset 5m) or on (x) (0 * baz)';
  assert.deepEqual([...metricNames(expr)].sort(), ['bar_total', 'baz', 'foo_seconds_bucket']);
  assert.deepEqual(selectors(expr), [{ metric: 'foo_seconds_bucket', labels: ['route', 'status'] }]);
  assert.equal(exportedMetric('foo_seconds_bucket', { foo_seconds: 'histogram' }), 'foo_seconds');
  assert.equal(exportedMetric('foo_seconds_bucket', { foo_seconds: 'counter' }), undefined);
  assert.equal(exportedMetric('mlops_no_such_metric', { mlops_predictions_total: 'counter' }), undefined);
});

test('every metric the dashboard and the alert rules query is exported by a real server', async () => {
  const { samples, types } = await exported;
  const used = new Set<string>();
  for (const { where, expr } of [...dashboardExprs(), ...alertExprs()]) {
    const names = metricNames(expr);
    assert.ok(names.size > 0, `${where}: no metric in ${expr}`);
    for (const name of names) {
      if (SCRAPE_SERIES.has(name)) continue;
      const metric = exportedMetric(name, types);
      assert.ok(metric, `${where} queries ${name}, which the server does not export (it exports ${Object.keys(types).join(', ')})`);
      used.add(metric);
    }
    for (const { metric, labels } of selectors(expr)) {
      if (metric === 'up') {
        assert.deepEqual(labels, ['job']);
        continue;
      }
      const series = samples.filter((s) => s.name === metric);
      assert.ok(series.length > 0, `${where}: no ${metric} series after traffic`);
      for (const label of labels)
        assert.ok(
          series.some((s) => label in s.labels),
          `${where}: ${metric} has no label ${label}`,
        );
    }
  }
  for (const metric of [
    'mlops_http_requests_total',
    'mlops_http_request_duration_seconds',
    'mlops_batch_size_rows',
    'mlops_predictions_total',
    'mlops_predicted_class_total',
    'mlops_prediction_confidence',
    'mlops_http_requests_in_flight',
    'mlops_model_info',
  ]) {
    assert.ok(used.has(metric), `the dashboard or alerts show ${metric}`);
  }
});

test('the server counts predicted classes and the predicted class probability', async () => {
  const { samples } = await exported;
  const probabilities = [...ROWS, ROWS[0]].map(toyProbability);
  const ones = probabilities.filter((p) => p >= 0.5).length;
  const of = (name: string, labels: Record<string, string> = {}) =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
  assert.equal(of('mlops_predicted_class_total', { class: '1', model_name: 'churn', model_version: '3' }), ones);
  assert.equal(of('mlops_predicted_class_total', { class: '0' }), probabilities.length - ones);
  assert.equal(of('mlops_prediction_confidence_count'), probabilities.length);
  const confidence = probabilities.map((p) => Math.max(p, 1 - p));
  assert.ok(Math.abs(of('mlops_prediction_confidence_sum')! - confidence.reduce((a, b) => a + b, 0)) < 1e-9);
  assert.equal(of('mlops_prediction_confidence_bucket', { le: '0.5' }), 0);
  assert.equal(of('mlops_prediction_confidence_bucket', { le: '0.9' }), confidence.filter((c) => c <= 0.9).length);
  assert.equal(of('mlops_http_requests_total', { route: '/predict', status: '400' }), 1);
});

test('a regression model exports no class series', async () => {
  const regression: ModelRunner = {
    info: { task: 'regression', target: 'spend', features: [{ name: 'age', type: 'integer' }] },
    predict: async (_columns, rows) => ({ predictions: rows.map((r) => (r[0] as number) * 2) }),
    close: async () => {},
  };
  const { samples } = await scrape(regression, async (url) => {
    assert.equal((await predict(url, { instances: [{ age: 3 }, { age: 4 }] })).status, 200);
  });
  assert.equal(samples.find((s) => s.name === 'mlops_predictions_total')?.value, 2);
  assert.ok(!samples.some((s) => s.name.startsWith('mlops_predicted_class_total') || (s.name.startsWith('mlops_prediction_confidence') && s.value !== 0)));
});

test('the dashboard has a Prometheus data source variable, a model variable and a query in every titled panel', () => {
  assert.ok(dashboard.schemaVersion >= 36);
  assert.ok(dashboard.uid && dashboard.title);
  const variables = new Map(dashboard.templating.list.map((v: any) => [v.name, v]));
  assert.equal((variables.get('DS_PROMETHEUS') as any).type, 'datasource');
  assert.equal((variables.get('DS_PROMETHEUS') as any).query, 'prometheus');
  assert.ok(variables.has('model_name'));
  const ids = new Set<number>();
  for (const panel of dashboard.panels) {
    assert.ok(typeof panel.title === 'string' && panel.title.length > 0, `panel ${panel.id} has a title`);
    assert.ok(Array.isArray(panel.targets) && panel.targets.length > 0, `${panel.title} has a query`);
    assert.ok(!ids.has(panel.id), `panel id ${panel.id} is unique`);
    ids.add(panel.id);
    assert.equal(panel.datasource.uid, '${DS_PROMETHEUS}');
    for (const target of panel.targets) {
      assert.equal(target.datasource.uid, '${DS_PROMETHEUS}');
      if (panel.title !== 'Server up') assert.match(target.expr, /model_name=~"\$model_name"/, `${panel.title} follows the model variable`);
    }
  }
});

test('the alert rules are a valid rule file with the four alerts', () => {
  assert.equal(alerts.groups.length, 1);
  const rules = alerts.groups[0].rules;
  assert.deepEqual(rules.map((r: any) => r.alert).sort(), ['MlopsHighErrorRate', 'MlopsHighLatencyP99', 'MlopsModelDown', 'MlopsNoTraffic']);
  for (const rule of rules) {
    assert.equal(typeof rule.expr, 'string', `${rule.alert} expr`);
    assert.match(rule.for, /^\d+[smh]$/, `${rule.alert} for`);
    assert.ok(['critical', 'warning', 'info'].includes(rule.labels.severity), `${rule.alert} severity`);
    assert.ok(rule.annotations.summary && rule.annotations.description, `${rule.alert} annotations`);
    assert.equal(Object.keys(rule).sort().join(), 'alert,annotations,expr,for,labels');
    assert.equal((rule.expr.match(/\(/g) ?? []).length, (rule.expr.match(/\)/g) ?? []).length, `${rule.alert} balanced parentheses`);
  }
  const job = prometheus.scrape_configs[0].job_name;
  assert.match(rules.find((r: any) => r.alert === 'MlopsModelDown').expr, new RegExp(`up\\{job="${job}"\\}`));
});

test('compose starts the server, Prometheus and Grafana wired to the files in this folder', () => {
  assert.deepEqual(Object.keys(compose.services).sort(), ['grafana', 'model', 'prometheus']);
  const mounts = new Map<string, string>();
  for (const service of Object.values<any>(compose.services)) {
    for (const volume of service.volumes ?? []) {
      const [source, target] = volume.split(':');
      assert.ok(existsSync(join(DIR, source)), `${volume}: ${source} exists`);
      mounts.set(target, join(DIR, source));
    }
  }
  const scrape = prometheus.scrape_configs[0];
  assert.equal(scrape.metrics_path, '/metrics');
  const [host, port] = scrape.static_configs[0].targets[0].split(':');
  assert.ok(compose.services[host], `the scrape target ${host} is a compose service`);
  assert.ok(compose.services.model.ports.some((p: string) => p.endsWith(`:${port}`)));
  const config = compose.services.prometheus.command.find((c: string) => c.startsWith('--config.file=')).split('=')[1];
  assert.equal(mounts.get(config), join(DIR, 'prometheus/prometheus.yml'));
  // Prometheus resolves rule_files relative to the config file, in the container and where shipped.
  for (const rules of prometheus.rule_files) {
    assert.equal(mounts.get(posix.resolve(posix.dirname(config), rules)), join(DIR, 'prometheus/alerts.yml'));
    assert.ok(existsSync(join(DIR, 'prometheus', rules)), `${rules} exists next to prometheus.yml`);
  }

  const provisioned = [...mounts.keys()].filter((t) => t.startsWith('/etc/grafana/provisioning/'));
  const datasources = provisioned.filter((t) => t.includes('/datasources/')).map((t) => parse(readFileSync(mounts.get(t)!, 'utf8')));
  assert.equal(datasources.length, 1);
  const [source] = datasources[0].datasources;
  assert.equal(source.type, 'prometheus');
  assert.equal(new URL(source.url).hostname, 'prometheus');
  const providers = provisioned.filter((t) => t.includes('/dashboards/')).flatMap((t) => parse(readFileSync(mounts.get(t)!, 'utf8')).providers);
  assert.equal(providers.length, 1);
  const dashboardMount = [...mounts.entries()].find(([, source]) => source.endsWith('mlops-dashboard.json'));
  assert.ok(dashboardMount, 'the dashboard is mounted');
  assert.equal(posix.dirname(dashboardMount[0]), providers[0].options.path);
  assert.equal(dirname(dashboardMount[1]), join(DIR, 'grafana'));
});
