import type { Command } from '../command.ts';
import { parseCommandArgs } from '../args.ts';
import { findTemplatesDir, scaffold } from '../../project/init.ts';
import { resolve } from 'node:path';

const help = `mlops init: scaffold the ML loop into a project repository.

Usage:
  mlops init [--dir .] [--force] [--no-example]

Writes the four caller workflows (.github/workflows/ml-pr.yml, ml-release.yml, ml-drift.yml,
ml-retrain.yml), mlops.yml (the project config), rules.yml, gate.yml, train.yml and, unless
--no-example, the example churn data under data/. Existing files are never overwritten without
--force; when any would be, nothing is written.

Options:
  --dir DIR       the repository to scaffold (default: current directory)
  --force         overwrite existing files
  --no-example    skip the example data

Examples:
  mlops init
  mlops init --dir ../my-model --no-example
`;

export const initCommand: Command = {
  name: 'init',
  summary: 'scaffold workflows, mlops.yml, rules and gate into a project repo',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('init', argv, {
      dir: { type: 'string' },
      force: { type: 'boolean' },
      'no-example': { type: 'boolean' },
    });
    const target = resolve(io.cwd, values.dir ?? '.');
    const written = await scaffold(await findTemplatesDir(import.meta.url), target, { force: values.force, example: !values['no-example'] });
    io.stdout.write(written.map((f) => `  wrote ${f}`).join('\n') + '\n');
    io.stdout.write(`\nNext: edit mlops.yml (model name, data paths, target), commit, and open a pull request.\n`);
    return 0;
  },
};
