import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { oneOf, parseCommandArgs, requireOption } from '../args.ts';
import { openStore } from '../../registry/open.ts';
import { buildSite } from '../../site/build.ts';
import { loadDirRuns } from '../../site/load.ts';

const help = `mlops site: write a static site of the registry and the runs (for GitHub Pages).

Usage:
  mlops site --out DIR [--runs-dir DIR] [--title TEXT] [--force]
             [--remote URL|PATH] [--branch NAME] [--backend git|github] [--repo OWNER/NAME]

Reads one snapshot of the registry branch and renders plain HTML pages with relative links, so
the folder works opened from disk (file://) and served by GitHub Pages alike; nothing is
fetched from a server or a CDN:
  index.html               the models, their stages and the latest runs
  models/NAME/index.html   stages, metrics across versions (charts), versions, stage history
  models/NAME/vN.html      a version: lineage (commit, data fingerprint, training files),
                           params, metrics, model, and its model card
  runs/index.html          every run: click a header to sort, filter with text or
                           comparisons (status=failed metrics.roc_auc>=0.8 params.seed=7)
  runs/ID.html             one run
Runs come from the registry branch's runs/ folder and from --runs-dir.

The site is written into a temporary folder beside DIR and then put in place in one step.
DIR is marked with a .mlops-site file; a DIR that is not empty and has no such mark is
refused unless --force (it may hold files of your own).

Options:
  --out DIR           where to write the site (required)
  --runs-dir DIR      also list the runs under DIR/<yyyy-mm>/<id>.json (mlops train --runs-dir)
  --title TEXT        the site's title (default "Model registry")
  --force             replace DIR even when it was not written by mlops site

Where the registry lives:
  --remote URL|PATH   git remote holding the branch (default: MLOPS_REGISTRY_REMOTE, else the
                      checkout's origin, else the checkout itself)
  --branch NAME       registry branch (default: MLOPS_REGISTRY_BRANCH or mlops-registry)
  --backend B         git (default) or github (REST API: needs --repo and GITHUB_TOKEN)
                      [MLOPS_REGISTRY_BACKEND]
  --repo OWNER/NAME   repository for --backend github (default GITHUB_REPOSITORY)
  --api-url URL       GitHub API root (default GITHUB_API_URL or https://api.github.com)
  --cache DIR         reuse a bare repository between runs (default MLOPS_REGISTRY_CACHE)

A registry branch that does not exist yet gives a site saying so (exit 0). Exit 2 when the
registry cannot be read, a stored file or run record is corrupt (named), or DIR is refused.

Examples:
  mlops site --out _site
  mlops site --out _site --remote ../churn.git --runs-dir .mlops/runs --title "Churn models"
`;

export const siteCommand: Command = {
  name: 'site',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('site', argv, {
      out: { type: 'string', short: 'o' },
      'runs-dir': { type: 'string' },
      title: { type: 'string' },
      force: { type: 'boolean' },
      remote: { type: 'string' },
      branch: { type: 'string' },
      backend: { type: 'string' },
      repo: { type: 'string' },
      'api-url': { type: 'string' },
      cache: { type: 'string' },
    });
    const out = resolve(io.cwd, requireOption('site', values.out, '--out'));
    const backend = oneOf('site', '--backend', values.backend, ['git', 'github'] as const, io.env.MLOPS_REGISTRY_BACKEND === 'github' ? 'github' : 'git');
    const runs = values['runs-dir'] ? await loadDirRuns(resolve(io.cwd, values['runs-dir'])) : [];
    const store = await openStore({
      backend,
      cwd: io.cwd,
      env: io.env,
      remote: values.remote,
      branch: values.branch,
      repo: values.repo,
      apiUrl: values['api-url'],
      cacheDir: values.cache,
    });
    try {
      const result = await buildSite({ store, runs, out, title: values.title ?? 'Model registry', force: values.force === true, now: io.now });
      io.stdout.write(
        `wrote ${result.pages} pages to ${out}: ${result.models} model${result.models === 1 ? '' : 's'}, ${result.versions} version${result.versions === 1 ? '' : 's'}, ${result.runs} run${result.runs === 1 ? '' : 's'} (${result.commit ? `registry commit ${result.commit.slice(0, 12)}` : 'no registry branch yet'})\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
