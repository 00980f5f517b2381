import { appendFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { oneOf, parseCommandArgs } from '../args.ts';
import { flattenConfig, parseProjectConfig } from '../../project/config.ts';
import { readText } from '../../util/fs.ts';
import { resolve } from 'node:path';
import { MlopsError } from '../../util/errors.ts';

const help = `mlops config: check the project config (mlops.yml) and print its values for workflows.

Usage:
  mlops config [--config mlops.yml] [--format json|env] [--github-output]

Options:
  --config FILE     the project config (default: mlops.yml)
  --format F        json (default) prints the checked config; env prints KEY=value lines
                    (model_name=churn, data_train=data/train.csv, drift_share_threshold=0.5, ...)
  --github-output   also append KEY=value lines to $GITHUB_OUTPUT (what the reusable workflows use)

Examples:
  mlops config                      # validate mlops.yml, print it with defaults filled in
  mlops config --format env
`;

export const configCommand: Command = {
  name: 'config',
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('config', argv, {
      config: { type: 'string' },
      format: { type: 'string' },
      'github-output': { type: 'boolean' },
    });
    const file = values.config ?? 'mlops.yml';
    const config = parseProjectConfig(await readText(resolve(io.cwd, file)), file);
    const format = oneOf('config', '--format', values.format, ['json', 'env'] as const, 'json');
    const flat = flattenConfig(config);
    const lines = Object.entries(flat).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
    io.stdout.write(format === 'json' ? JSON.stringify(config, null, 2) + '\n' : lines);
    if (values['github-output']) {
      const target = io.env.GITHUB_OUTPUT;
      if (!target) throw new MlopsError('--github-output needs the GITHUB_OUTPUT environment variable (set by GitHub Actions)');
      await appendFile(target, lines);
    }
    return 0;
  },
};
