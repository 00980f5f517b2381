import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAllDocuments, parse } from 'yaml';
import { ROUTE_METHODS } from '../../src/serve/server.ts';
import { EventEmitter } from 'node:events';
import { createServeCommand } from '../../src/cli/serve-args.ts';

const SERVE_HELP = createServeCommand(new EventEmitter()).help;

test('the Kubernetes sample probes our endpoints, limits resources, runs as the image user and drains in time', () => {
  const [deployment, service] = parseAllDocuments(readFileSync('templates/serving/kubernetes.yaml', 'utf8')).map((d) => d.toJS());
  assert.equal(deployment.kind, 'Deployment');
  assert.equal(service.kind, 'Service');
  const pod = deployment.spec.template.spec;
  const [container] = pod.containers;
  const port = container.ports[0];
  assert.equal(port.containerPort, 8080);
  assert.equal(container.livenessProbe.httpGet.path, '/health');
  assert.equal(container.readinessProbe.httpGet.path, '/ready');
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
    assert.equal(ROUTE_METHODS[probe.httpGet.path], 'GET');
    assert.equal(probe.httpGet.port, port.name);
  }
  assert.ok(container.resources.limits.cpu && container.resources.limits.memory);
  assert.ok(container.resources.requests.cpu && container.resources.requests.memory);
  assert.equal(pod.securityContext.runAsNonRoot, true);
  assert.equal(pod.securityContext.runAsUser, 1000);
  const preStop = Number(container.lifecycle.preStop.exec.command[1]);
  assert.ok(pod.terminationGracePeriodSeconds > preStop + 30, 'grace covers the preStop sleep plus the default 30 s drain');
  assert.equal(service.spec.ports[0].targetPort, port.name);
  assert.deepEqual(service.spec.selector, deployment.spec.selector.matchLabels);
  const logs = container.env.find((e: { name: string }) => e.name === 'MLOPS_LOG_PREDICTIONS').value;
  assert.ok(
    container.volumeMounts.some((m: { mountPath: string }) => m.mountPath === logs),
    'the prediction log folder is a writable volume',
  );
  for (const e of container.env) assert.ok(SERVE_HELP.includes(`[${e.name}]`), `${e.name} is a documented serve setting`);
});

test('the compose sample maps the port, keeps prediction logs and gives the drain time', () => {
  const compose = parse(readFileSync('templates/serving/compose.yaml', 'utf8'));
  const model = compose.services.model;
  assert.deepEqual(model.ports, ['127.0.0.1:8080:8080']);
  assert.equal(model.user, '1000:1000');
  assert.equal(model.volumes[0].split(':')[1], model.environment.MLOPS_LOG_PREDICTIONS);
  assert.ok(parseInt(model.stop_grace_period) > 30);
  for (const name of Object.keys(model.environment)) assert.ok(SERVE_HELP.includes(`[${name}]`), `${name} is a documented serve setting`);
});
