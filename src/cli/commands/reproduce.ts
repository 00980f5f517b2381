import { resolve } from 'node:path';
import { defineCommand } from '../define.ts';
import { registryStoreOptions } from '../registry-flags.ts';
import { VERSION } from '../../version.ts';
import { execProgram } from '../../model/lineage-record.ts';
import { httpDownload } from '../../registry/fetch-model.ts';
import { git } from '../../registry/git.ts';
import { openStore } from '../../registry/open.ts';
import { parseModelRef } from '../../registry/refs.ts';
import { runArgv, splitCommand } from '../../reproduce/process.ts';
import { reproduce } from '../../reproduce/reproduce.ts';
import { DEFAULT_TOLERANCE, reproduceMarkdown } from '../../reproduce/report.ts';
import { MlopsError } from '../../util/errors.ts';
import { writeText } from '../../util/fs.ts';

const { format: _storeFormat, ...storeOptions } = registryStoreOptions;

export const reproduceCommand = defineCommand({
  name: 'reproduce',
  summary: 're-run the training a registered version records and check it comes out the same.',
  usage: ["mlops reproduce NAME@vN [--out DIR] [--fetch-command 'CMD {uri} {dest}'] [--tolerance X] [--format markdown|json] [registry flags]"],
  positionals: [{ name: 'NAME@vN', description: 'the version (NAME#STAGE works too: the version holding the stage)' }],
  options: {
    'fetch-command': {
      type: 'string',
      value: 'CMD',
      description:
        "how to fetch data that is not in git: a command line run WITHOUT a shell, once per file, {uri} and {dest} replaced, e.g. 'aws s3 cp {uri} {dest}', 'gsutil cp {uri} {dest}', 'curl -fsSLo {dest} {uri}' (artifacts: {uri} is artifact:NAME@RUN_ID; LFS objects without git-lfs: lfs:sha256:OID). Credentials come from that tool's own environment, never from the lineage",
    },
    tolerance: {
      type: 'number',
      value: 'X',
      range: { min: 0 },
      default: DEFAULT_TOLERANCE,
      expected: 'a non-negative number',
      description: 'absolute metric tolerance where a rerun cannot be bit-exact',
    },
    out: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      description: 'also write DIR/reproduce.md, DIR/reproduce.json and the reproduced model, metrics and lineage under DIR/reproduced/',
    },
    format: { type: 'choice', choices: ['markdown', 'json'], default: 'markdown', description: 'the report on stdout' },
    ...storeOptions,
  },
  text: `What it does:
  1. reads the version's lineage from the registry branch;
  2. checks out the recorded commit into a temporary git worktree (your checkout, index and
     branches are not touched; the worktree is removed afterwards);
  3. puts each training file at its recorded path and checks its sha256: git paths come from
     the commit (Git LFS objects from .git/lfs, git-lfs, or --fetch-command), local files from
     this checkout, artifacts, release assets and URLs through --fetch-command;
  4. re-runs the recorded training: the built-in trainer with the same config, seed and
     backend, or the recorded command of the command trainer;
  5. compares: built-in trainer on a CPU backend (cpu, wasm, tensorflow): the ONNX graphs'
     initializers must be byte-identical and every metric equal; command trainer and GPU
     backends: every metric within --tolerance.

Exit codes: 0 reproduced; 1 it differs (a data file's sha256, the weights or a metric), or the
recorded training failed; 2 bad usage or a version that cannot be reproduced (no lineage, no
commit, data that cannot be fetched).`,
  examples: [
    'mlops reproduce churn@v1',
    "mlops reproduce churn@v3 --fetch-command 'aws s3 cp {uri} {dest}' --out reproduce/",
    'mlops reproduce churn#production --format json --tolerance 1e-4',
  ],
  async run(values, io, positionals) {
    if (positionals.length !== 1) throw new MlopsError('usage: mlops reproduce NAME@vN (see mlops reproduce --help)');
    const ref = parseModelRef(positionals[0]);
    if (ref.version === undefined && ref.stage === undefined)
      throw new MlopsError(`"${positionals[0]}": name a version (${ref.name}@v1) or a stage (${ref.name}#production)`);
    const { format, backend, tolerance } = values;
    const fetchCommand = values['fetch-command'] === undefined ? [] : splitCommand(values['fetch-command']);
    if (values['fetch-command'] !== undefined && (fetchCommand.length === 0 || !fetchCommand.some((w) => w.includes('{dest}')))) {
      throw new MlopsError(`--fetch-command must be a command line that writes {dest}, e.g. 'aws s3 cp {uri} {dest}'`);
    }
    const log = (line: string) => io.stderr.write(line + '\n');

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
    let report;
    try {
      report = await reproduce({
        snapshot: await store.snapshot(),
        ref,
        cwd: io.cwd,
        env: io.env,
        now: io.now,
        git: (args, options) => git(args, options),
        run: runArgv,
        exec: execProgram,
        download: httpDownload(io.env),
        fetchCommand,
        tolerance,
        producerVersion: VERSION,
        outDir: values.out,
        log,
        commandOutput: io.stderr,
      });
    } finally {
      await store.close();
    }
    const markdown = reproduceMarkdown(report);
    const json = JSON.stringify(report, null, 2) + '\n';
    if (values.out) {
      await writeText(resolve(io.cwd, values.out, 'reproduce.md'), markdown);
      await writeText(resolve(io.cwd, values.out, 'reproduce.json'), json);
    }
    io.stdout.write(format === 'json' ? json : markdown);
    log(`${report.model} ${report.version}: ${report.reproduced ? 'reproduced' : 'NOT reproduced'}: ${report.summary}`);
    return report.reproduced ? 0 : 1;
  },
});
