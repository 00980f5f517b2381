import { resolve } from 'node:path';
import { defineCommand } from '../define.ts';
import { registryStoreOptions } from '../registry-flags.ts';
import { openStore } from '../../registry/open.ts';
import { buildSite } from '../../site/build.ts';
import { DEFAULT_RUNS_DIR } from '../../registry/runs.ts';
import { listRuns } from '../../runs/store.ts';

const WHERE = 'Where the registry lives';

export const siteCommand = defineCommand({
  name: 'site',
  summary: 'write a static site of the registry and the runs (for GitHub Pages).',
  usage: [
    'mlops site --out DIR [--runs-dir DIR] [--title TEXT] [--force]',
    '           [--remote URL|PATH] [--branch NAME] [--backend git|github] [--repo OWNER/NAME]',
  ],
  options: {
    out: { type: 'string', short: 'o', value: 'DIR', required: true, description: 'where to write the site' },
    'runs-dir': {
      type: 'string',
      value: 'DIR',
      default: DEFAULT_RUNS_DIR,
      env: 'MLOPS_RUNS_DIR',
      description: 'also list the runs under DIR/<yyyy-mm>/<id>.json, where mlops train records them without a registry (none when DIR is absent)',
    },
    title: { type: 'string', value: 'TEXT', default: 'Model registry', description: "the site's title" },
    force: { type: 'boolean', description: 'replace DIR even when it was not written by mlops site' },
    remote: { ...registryStoreOptions.remote, group: WHERE },
    branch: { ...registryStoreOptions.branch, group: WHERE },
    backend: { ...registryStoreOptions.backend, group: WHERE },
    repo: { ...registryStoreOptions.repo, group: WHERE },
    'api-url': { ...registryStoreOptions['api-url'], group: WHERE },
    cache: { ...registryStoreOptions.cache, group: WHERE },
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
  examples: ['mlops site --out _site', 'mlops site --out _site --remote ../churn.git --runs-dir .mlops/runs --title "Churn models"'],
  async run(values, io) {
    const out = resolve(io.cwd, values.out);
    const runs = await listRuns({ dir: resolve(io.cwd, values['runs-dir']) });
    const store = await openStore({
      backend: values.backend,
      cwd: io.cwd,
      env: io.env,
      remote: values.remote,
      branch: values.branch,
      repo: values.repo,
      apiUrl: values['api-url'],
      cacheDir: values.cache,
    });
    try {
      const result = await buildSite({ store, runs, out, title: values.title, force: values.force, now: io.now });
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      io.stdout.write(
        `wrote ${result.pages} pages to ${out}: ${plural(result.models, 'model')}, ${plural(result.versions, 'version')}, ${plural(result.runs, 'run')} (${result.commit ? `registry commit ${result.commit.slice(0, 12)}` : 'no registry branch yet'})\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
});
