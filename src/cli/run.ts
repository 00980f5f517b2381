import type { CliIO } from './command.ts';
import { commands } from './commands/index.ts';
import { MlopsError, boundedMessage, errorMessage } from '../util/errors.ts';

export const VERSION = '0.1.0';

export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'mlops: the machine-learning loop (validate, profile, train, evaluate, register, serve, drift) on a laptop or in GitHub Actions.',
    '',
    'Usage: mlops <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `mlops <command> --help` for a command\'s options and examples.',
    'Exit codes: 0 ok, 1 the check ran and failed (validation, gate, drift), 2 bad usage or input.',
  ].join('\n');
}

/** Dispatches to a command; turns expected errors into one line on stderr and an exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(VERSION + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`mlops: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.trimEnd() + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof MlopsError) {
      io.stderr.write(`mlops ${name}: error: ${boundedMessage(err.message)}\n`);
      return err.exitCode;
    }
    if (io.env.MLOPS_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? err}\n`);
    io.stderr.write(`mlops ${name}: internal error: ${boundedMessage(errorMessage(err))} (set MLOPS_DEBUG=1 for a stack trace)\n`);
    return 2;
  }
}
