import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

type Yaml = Record<string, any>;
const load = (path: string): Yaml => parse(readFileSync(path, 'utf8'));

test('ml-pages.yml: build reads only, deploy only publishes, and deploys what the site step wrote', () => {
  const wf = load('.github/workflows/ml-pages.yml');
  assert.deepEqual(wf.jobs.build.permissions, { contents: 'read' });
  assert.deepEqual(wf.jobs.deploy.permissions, { pages: 'write', 'id-token': 'write' });
  assert.deepEqual(wf.jobs.deploy.needs, 'build');
  assert.equal(wf.jobs.deploy.environment.name, 'github-pages');
  const steps = wf.jobs.build.steps as Yaml[];
  const site = steps.find((s) => typeof s.run === 'string' && s.run.includes('dist/cli.js site'))!;
  const out = /--out (\S+)/.exec(site.run)![1];
  const upload = steps.find((s) => String(s.uses).startsWith('actions/upload-pages-artifact@'))!;
  assert.equal(upload.with.path, out);
  assert.ok(steps.indexOf(upload) > steps.indexOf(site));
  assert.ok((wf.jobs.deploy.steps as Yaml[]).some((s) => String(s.uses).startsWith('actions/deploy-pages@')));
});

test('the ml-pages caller template rebuilds after the workflows that write the registry, by their names', () => {
  const template = load('templates/workflows/ml-pages.yml');
  const names = new Map(readdirSync('templates/workflows').map((f) => [load(`templates/workflows/${f}`).name as string, f]));
  const after = template.on.workflow_run.workflows as string[];
  assert.deepEqual(after, ['ml-release', 'ml-retrain']);
  for (const name of after) assert.ok(names.has(name), `no caller template is named ${name}`);
  assert.deepEqual(template.on.workflow_run.types, ['completed']);
  assert.ok(template.on.schedule?.[0]?.cron);
  assert.equal(template.on.push, undefined, 'a push to the registry branch would not run this file (see the template comment)');
  assert.deepEqual(template.jobs.ml.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' });
});
