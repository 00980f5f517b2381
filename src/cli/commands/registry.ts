import type { Command } from '../command.ts';
import { optionTable } from '../define.ts';
import { registryStoreOptions, registryWriteOptions } from '../registry-flags.ts';
import { MlopsError } from '../../util/errors.ts';
import { annotateCommand } from './registry/annotate.ts';
import { CHECK_TEXT, checkCommand } from './registry/check.ts';
import { deprecateCommand } from './registry/deprecate.ts';
import { diffCommand } from './registry/diff.ts';
import { getCommand } from './registry/get.ts';
import { historyCommand } from './registry/history.ts';
import { listCommand } from './registry/list.ts';
import { promoteCommand } from './registry/promote.ts';
import { registerCommand } from './registry/register.ts';
import { rollbackCommand } from './registry/rollback.ts';
import { showCommand } from './registry/show.ts';

/** The sub-commands, in the order the help lists them; each declares its own options (src/cli/commands/registry/). */
const SUBCOMMANDS = [
  registerCommand,
  promoteCommand,
  rollbackCommand,
  deprecateCommand,
  annotateCommand,
  listCommand,
  showCommand,
  historyCommand,
  getCommand,
  diffCommand,
  checkCommand,
];
const subName = (c: Command) => c.name.replace(/^registry /, '');

const help = `mlops registry: a model registry on a git branch of your own repository (nothing to host).

Usage:
${SUBCOMMANDS.flatMap((c) => c.spec.usage.map((u) => `  ${u}`)).join('\n')}

${SUBCOMMANDS.map((c) => `  ${subName(c).padEnd(10)} ${c.spec.summary}`).join('\n')}

Run \`mlops registry SUB --help\` for a sub-command's own options and examples.

${optionTable({ ...registryStoreOptions, ...registryWriteOptions })}

check:
${CHECK_TEXT.replace(/^/gm, '  ')}

Every write checks the invariants it builds on first (registry.json, the index, stage
pointers, the event count, the new version's folder not existing, the high-water marker) and
refuses with exit 2 naming the file; run check to see everything that is wrong.

Every write is a compare-and-swap on the branch head: when another run wins the race this
one re-reads, re-applies and retries with backoff, so versions stay unique (v1, v2, ...)
and no event is lost. Exit code 2 on bad input; the branch is then left as it was.

Examples:
${SUBCOMMANDS.flatMap((c) => c.spec.examples ?? [])
  .map((e) => `  ${e}`)
  .join('\n')}
`;

const find = (sub: string | undefined) => SUBCOMMANDS.find((c) => subName(c) === sub);

export const registryCommand: Command = {
  name: 'registry',
  help,
  subcommands: SUBCOMMANDS,
  helpFor: (argv) => find(argv[0])?.help ?? help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const command = find(sub);
    if (!command) {
      throw new MlopsError(
        `${sub ? `unknown subcommand "${sub}"` : 'missing subcommand'}: use one of ${SUBCOMMANDS.map(subName).join(', ')} (see mlops registry --help)`,
      );
    }
    return command.run(rest, io);
  },
};
